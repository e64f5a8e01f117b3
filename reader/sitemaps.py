"""Sitemaps: every public page with when it last changed, and Google News' last 48 hours."""

from datetime import timedelta
from functools import partial
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, DateTimeField, F, OuterRef, Subquery, Value
from django.db.models.functions import ExtractYear, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from taggit.models import Tag

from stories.freshness import until_content_changes
from stories.models import Person, Quote, SitePage, Story, published_tags
from stories.models import Section as SectionModel
from stories.models.bylines import authors_in_print
from stories.models.story import story_tagged_items
from stories.pagination import CountedPaginator
from stories.text import xml_safe

from .lead_images import sitemap_image_url

NEWS_WINDOW = timedelta(hours=48)
# What a rendition's address is made of (media.renditions): the only columns of the image read.
RENDITION_FIELDS = [
    f"lead_image__{name}" for name in ("width", "height", "content_hash", "focal_x", "focal_y")
]


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
            .select_related("lead_image")
            .only("slug", "published_at", "updated_at", *RENDITION_FIELDS)
            .order_by("-published_at", "-id")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        """Each story's URL also carries its lead image's, for image search."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            image = url["item"].lead_image
            if image is not None:
                url["image"] = sitemap_image_url(image, partial(urljoin, url["location"]))
        return urls

    def lastmod(self, story: Story):
        return story.modified_at

    def location(self, story: Story):
        return f"{self.address_prefix}{story.slug}/"  # as reverse() gives it, thousands faster

    @cached_property
    def address_prefix(self) -> str:
        return reverse("stories:story_detail", kwargs={"slug": "s"}).removesuffix("s/")


def story_year_counts() -> dict[int, int]:
    """How many published stories each year has: counted once each time public content
    changes, not on each request for the sitemap."""

    def count() -> dict[int, int]:
        years = Story.objects.published().annotate(year=ExtractYear("published_at"))
        return dict(
            years.order_by().values("year").annotate(n=Count("pk")).values_list("year", "n")
        )

    return until_content_changes(f"story-years:{timezone.get_current_timezone_name()}", count)


def story_years(counts: dict[int, int] | None = None) -> range:
    """The years, newest first, from the oldest published story to the newest."""
    counts = story_year_counts() if counts is None else counts
    if not counts:
        return range(0)
    return range(max(counts), min(counts) - 1, -1)


class StoryYearSitemap(StorySitemap):
    """One year's stories, read from the index of publication times, 2,000 to a page (the
    protocol allows 50,000; smaller pages are each quicker to build), its pages known from
    the kept count of the year's stories."""

    limit = 2_000

    def __init__(self, year: int, count: int | None = None):
        self.year = year
        self.count = count

    def items(self):
        return super().items().filter(published_at__year=self.year)

    @cached_property
    def paginator(self):
        count = story_year_counts().get(self.year, 0) if self.count is None else self.count
        return CountedPaginator(self._items(), self.limit, count=count)


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


class SiteSitemap(Section):
    """The section fronts, the author pages and the site pages, in one query: (kind, slug,
    last change), a section front's last change being unknown."""

    URL_NAMES = {0: "stories:section_detail", 1: "stories:author_detail", 2: "stories:site_page"}

    def items(self):
        no_time = Value(None, output_field=DateTimeField())
        rows = [
            SectionModel.objects.annotate(kind=Value(0), changed=no_time),
            authors_in_print().annotate(kind=Value(1), changed=F("updated_at")),
            SitePage.objects.annotate(kind=Value(2), changed=F("updated_at")),
        ]
        first, *others = (
            row.order_by().annotate(page_slug=F("slug")).values_list("kind", "page_slug", "changed")
            for row in rows
        )
        return first.union(*others, all=True).order_by("kind", "page_slug")

    def location(self, item):
        kind, slug, _ = item
        return reverse(self.URL_NAMES[kind], kwargs={"slug": slug})

    def lastmod(self, item):
        return item[2]


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
