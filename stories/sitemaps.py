"""Sitemaps: every public page with when it last changed, and Google News' last 48 hours."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from packages.sitemaps import PackageSitemap

from .models import Person, Story, published_q
from .text import xml_safe

NEWS_WINDOW = timedelta(hours=48)


def newest_story_change(prefix: str) -> Greatest:
    """The latest publication or save among the stories reached through ``prefix``."""
    return Greatest(Max(f"{prefix}published_at"), Max(f"{prefix}updated_at"))


class StorySitemap(Sitemap):
    def items(self):
        return (
            Story.objects.published()
            .only("slug", "published_at", "updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, story: Story):
        return story.modified_at


class TagSitemap(Sitemap):
    def items(self):
        # One filter() before annotate(): the newest story is among the published ones.
        return (
            Tag.objects.filter(published_q("story__"))
            .annotate(last_story_change=newest_story_change("story__"))
            .order_by("name")
        )

    def location(self, tag: Tag):
        return reverse("stories:tag_detail", kwargs={"slug": tag.slug})

    def lastmod(self, tag: Tag):
        return tag.last_story_change


class PersonSitemap(Sitemap):
    def items(self):
        quoted = Q(published_q("quotes__story__"), quotes__is_fragment=False)
        return (
            Person.objects.filter(quoted)
            .annotate(last_story_change=newest_story_change("quotes__story__"))
            .order_by("name")
        )

    def lastmod(self, person: Person):
        return person.last_story_change


def news_language() -> str:
    """Google News wants the ISO 639 code alone: “en”, not “en-us”."""
    return settings.LANGUAGE_CODE.split("-")[0]


class NewsSitemap(Sitemap):
    """Stories published in the last 48 hours, for templates/sitemaps/news.xml."""

    limit = 1000  # Google News reads at most 1,000 URLs from one sitemap

    def items(self):
        return (
            Story.objects.published()
            .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
            .only("slug", "headline", "published_at", "updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, story: Story):
        return story.modified_at

    def get_urls(self, page=1, site=None, protocol=None):
        """Each URL also carries what its news:news element shows."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        publication = {"name": xml_safe(settings.NEWSROOM_SITE_NAME), "language": news_language()}
        for url in urls:
            story = url["item"]
            url["news"] = {
                "publication": publication,
                "publication_date": story.published_at.replace(microsecond=0),
                "title": xml_safe(story.headline),
            }
        return urls


SITEMAPS = {
    "stories": StorySitemap,
    "tags": TagSitemap,
    "people": PersonSitemap,
    "packages": PackageSitemap,
}
NEWS_SITEMAPS = {"news": NewsSitemap}
