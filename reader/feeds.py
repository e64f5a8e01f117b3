"""RSS 2.0 and Atom 1.0 feeds: the latest stories, one tag's, one person's, one author's.

Every text goes through ``xml_safe``: the feed generator refuses characters XML cannot carry.
Titles, authors and categories are plain text; a description is HTML, as feed readers read it,
built from the escaped summary and one paragraph per correction or update.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe
from taggit.models import Tag

from authors.models import Author
from stories.models import Correction, Person, Quote, Story, StoryAuthor
from stories.text import bidi_isolated, xml_safe

from .lead_images import social_image
from .pages import tag_moved

FEED_LENGTH = 30
MEDIA_RSS = "http://search.yahoo.com/mrss/"


def correction_line(correction: Correction) -> str:
    """Example: “Correction (November 3, 2026): An earlier version misstated the date.”"""
    day = date_format(timezone.localtime(correction.created_at), "F j, Y")
    return f"{correction.get_kind_display()} ({day}): {correction.text}"


class WithMediaContent:
    """Each entry's lead image as Media RSS ``media:content`` (read by feedparser, podcast
    and news apps alike), its alt text as the description, its credit as the credit."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("lead_image")
        if image is None:
            return
        attributes = {
            "url": urljoin(item["link"], image["url"]),
            "medium": "image",
            "type": image["content_type"],
            "width": str(image["width"]),
            "height": str(image["height"]),
        }
        handler.startElement("media:content", attributes)
        if image["alt"]:
            handler.addQuickElement("media:description", xml_safe(image["alt"]), {"type": "plain"})
        if image["credit"]:
            handler.addQuickElement("media:credit", xml_safe(image["credit"]))
        handler.endElement("media:content")


class WithAbsoluteAuthorLink:
    """The author's page as an absolute address, made against the entry's link."""

    def add_item_elements(self, handler, item):
        if item.get("author_link"):
            item["author_link"] = urljoin(item["link"], item["author_link"])
        super().add_item_elements(handler, item)


class MediaRssFeed(WithAbsoluteAuthorLink, WithMediaContent, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS}


class MediaAtomFeed(WithAbsoluteAuthorLink, WithMediaContent, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}


class StoryFeed(Feed):
    """What every entry shows; subclasses choose the stories and name the feed."""

    feed_type = MediaRssFeed

    @method_decorator(require_safe)
    def __call__(self, request, *args, **kwargs):
        return super().__call__(request, *args, **kwargs)

    def feed_title(self, subject: str) -> str:
        return xml_safe(f"{settings.NEWSROOM_SITE_NAME}: {bidi_isolated(subject)}")

    def subtitle(self, obj):
        """Atom's name for what RSS calls the description."""
        return self.description(obj)

    def item_title(self, story: Story) -> str:
        return xml_safe(bidi_isolated(story.headline))

    def item_description(self, story: Story) -> SafeString:
        paragraphs = [story.summary, *map(correction_line, story.corrections.all())]
        return format_html_join(
            "\n", "<p>{}</p>", ((xml_safe(text),) for text in paragraphs if text)
        )

    def item_author_name(self, story: Story) -> str:
        return xml_safe(story.byline_text or story.outlet or settings.NEWSROOM_SITE_NAME)

    def item_author_link(self, story: Story) -> str | None:
        """The author's page, for a story with one author: a feed entry has one author."""
        authors = story.byline_authors
        return authors[0].get_absolute_url() if len(authors) == 1 else None

    def item_pubdate(self, story: Story):
        return story.published_at

    def item_updateddate(self, story: Story):
        return story.modified_at

    def item_categories(self, story: Story) -> list[str]:
        return [xml_safe(tag.name) for tag in story.tags.all()]

    def item_guid_is_permalink(self, story: Story) -> bool:
        return True

    def item_extra_kwargs(self, story: Story) -> dict:
        """The lead image with its rendition's address as the page links it: WithMediaContent
        makes it absolute against the entry's link, as the request is not at hand here."""
        if story.lead_image is None:
            return {}
        return {"lead_image": social_image(story.lead_image, absolute_url=str)}


class LatestStoriesFeed(StoryFeed):
    def title(self):
        return self.feed_title("latest stories")

    def description(self, obj=None):
        return xml_safe(f"The latest stories published on {settings.NEWSROOM_SITE_NAME}.")

    def link(self):
        return reverse("stories:front")

    def items(self):
        return Story.objects.for_feeds()[:FEED_LENGTH]


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = MediaAtomFeed


class TagFeed(StoryFeed):
    url_name = "stories:tag_feed"

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:
            return tag_moved(request, kwargs["slug"], self.url_name)

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag: Tag):
        return self.feed_title(tag.name)

    def description(self, tag: Tag):
        return xml_safe(f"The latest stories about {bidi_isolated(tag.name)}.")

    def link(self, tag: Tag):
        return reverse("stories:tag_detail", kwargs={"slug": tag.slug})

    def items(self, tag: Tag):
        return Story.objects.for_feeds().tagged(tag)[:FEED_LENGTH]


class TagAtomFeed(TagFeed):
    feed_type = MediaAtomFeed
    url_name = "stories:tag_feed_atom"


class PersonFeed(StoryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, person: Person):
        return self.feed_title(person.name)

    def description(self, person: Person):
        return xml_safe(f"The latest stories quoting {bidi_isolated(person.name)}.")

    def link(self, person: Person):
        return person.get_absolute_url()

    def items(self, person: Person):
        quoting = Quote.objects.not_fragments().filter(speaker=person).values("story_id")
        return Story.objects.for_feeds().filter(id__in=quoting)[:FEED_LENGTH]


class PersonAtomFeed(PersonFeed):
    feed_type = MediaAtomFeed


class AuthorFeed(StoryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author: Author):
        return self.feed_title(author.name)

    def description(self, author: Author):
        return xml_safe(f"The latest stories by {bidi_isolated(author.name)}.")

    def link(self, author: Author):
        return author.get_absolute_url()

    def items(self, author: Author):
        credited = StoryAuthor.objects.filter(author=author).values("story_id")
        return Story.objects.for_feeds().filter(id__in=credited)[:FEED_LENGTH]


class AuthorAtomFeed(AuthorFeed):
    feed_type = MediaAtomFeed
