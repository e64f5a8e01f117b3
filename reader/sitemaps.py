"""Sitemaps: every public page with when it last changed, and Google News' last 48 hours."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from stories.models import Person, Quote, Story, published_tags
from stories.models.story import story_tagged_items
from stories.text import xml_safe

NEWS_WINDOW = timedelta(hours=48)


def newest_story_change(story_ids) -> Subquery:
    """When the newest public story among ``story_ids`` (a correlated subquery) was published
    or last saved: a few lookups on the (tag, story) index per entry."""
    newest = (
        Story.objects.filter(is_counted=True, pk__in=story_ids)
        .order_by("-pk")
        .annotate(changed=Greatest("published_at", "updated_at"))
        .values("changed")[:1]
    )
    return Subquery(newest)


class Section(Sitemap):
    """A section of the sitemap index. The index gives no lastmod for it: working that out
    would read every entry of the section; each URL inside carries its own."""

    def get_latest_lastmod(self):
        return None


class StorySitemap(Section):
    def items(self):
        return (
            Story.objects.published()
            .only("slug", "published_at", "updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, story: Story):
        return story.modified_at

    def location(self, story: Story):
        return f"{story_address_prefix()}{story.slug}/"  # as reverse() gives it, thousands faster


def story_address_prefix() -> str:
    return reverse("stories:story_detail", kwargs={"slug": "s"}).removesuffix("s/")


def story_years() -> range:
    """The years, newest first, from the oldest published story to the newest: two lookups
    on the index of publication times, however large the archive."""
    published = Story.objects.published().values_list("published_at", flat=True)
    oldest, newest = published.order_by("published_at").first(), published.first()
    if oldest is None:
        return range(0)
    return range(timezone.localtime(newest).year, timezone.localtime(oldest).year - 1, -1)


class StoryYearSitemap(StorySitemap):
    """One year's stories, read from the index of publication times, 2,000 to a page (the
    protocol allows 50,000; smaller pages are each quicker to build)."""

    limit = 2_000

    def __init__(self, year: int):
        self.year = year

    def items(self):
        return super().items().filter(published_at__year=self.year)


class TagSitemap(Section):
    def items(self):
        tagged = story_tagged_items().filter(tag=OuterRef(OuterRef("pk"))).values("object_id")
        return (
            published_tags()
            .annotate(last_story_change=newest_story_change(tagged))
            .order_by("name", "pk")
        )

    def location(self, tag: Tag):
        return reverse("stories:tag_detail", kwargs={"slug": tag.slug})

    def lastmod(self, tag: Tag):
        return tag.last_story_change


class PersonSitemap(Section):
    def items(self):
        newest_quoted = (
            Quote.objects.filter(speaker=OuterRef("pk"), is_fragment=False, story__is_counted=True)
            .order_by("-story_id")
            .annotate(changed=Greatest("story__published_at", "story__updated_at"))
            .values("changed")[:1]
        )
        return (
            Person.objects.quoted()
            .annotate(last_story_change=Subquery(newest_quoted))
            .order_by("name", "pk")
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
