"""Stories as IPTC ninjs 2.1 objects (https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json).

Plain functions, no database access: they read the relations a caller has prefetched (see
``StoryQuerySet.with_parts``). ``absolute_url`` turns a path into a full URL, usually
``request.build_absolute_uri``.

A story's ``uri`` is the absolute URL of its public page. Optional ninjs strings that a story
lacks (``by``, ``infosources``) are left out rather than sent empty; lists are always present.
Dates are RFC 3339 in UTC, to the second.

Every document is valid against the official ninjs 2.1 schema, which allows no property of
its own: the story's quotations and corrections are associations, after the lead image and the
related stories.

- A quotation (fragments left out, in story order) is a ``component`` named ``quoteN``: its
  words are the body with the role ``quote``, its speaker the person with the relation
  ``speaker``, its context and the day it was said descriptions with those roles; a pull quote
  has the profile ``pull-quote``, the others ``quote``.
- A correction or update (newest first) is a ``component`` named ``correctionN`` with the
  profile ``correction`` or ``update``, its text as the body and its time as ``versioncreated``.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime

from django.conf import settings
from django.urls import reverse

from media.models import Image
from media.renditions import CROPS, WIDTHS, largest, rendition_set
from stories.body_rendering import story_body_html
from stories.models import Correction, Person, Quote, Story

NINJS_VERSION = "2.1"
NINJS_SCHEMA = "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"

AbsoluteUrl = Callable[[str], str]


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def iso_date(day: date | None) -> str | None:
    return day.isoformat() if day else None


def language() -> str:
    """The site's language as a BCP 47 tag: Django's "en-us" is "en-US"."""
    primary, _, region = settings.LANGUAGE_CODE.partition("-")
    return f"{primary}-{region.upper()}" if region else primary


def plain_text(role: str, value: str) -> dict:
    return {"role": role, "contenttype": "text/plain", "value": value}


def ninjs_story(
    story: Story, absolute_url: AbsoluteUrl, body_images: dict[int, Image] | None = None
) -> dict:
    """The full ninjs representation of a published story; a list passes the library images
    of all its bodies (``stories.body_rendering``)."""
    item = {
        "uri": absolute_url(story.get_absolute_url()),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "version": str(story.version),
        "firstcreated": rfc3339(story.published_at),
        "versioncreated": rfc3339(story.modified_at),
        "contentcreated": rfc3339(story.created_at),
        "pubstatus": "usable",
        "language": language(),
        "slugline": story.slug,
        "headlines": [plain_text("main", story.headline)],
        "descriptions": [plain_text("summary", story.summary)],
        "bodies": [
            {
                **plain_text("main", story.body_text),
                "charcount": len(story.body_text),
                "wordcount": len(story.body_text.split()),
            },
            {
                "role": "main",
                "contenttype": "text/html",
                "value": story_body_html(story, absolute_url, body_images),
                "charcount": len(story.body_text),
                "wordcount": len(story.body_text.split()),
            },
        ],
        "subjects": [ninjs_subject(tag, absolute_url) for tag in story.tags.all()],
        "people": [
            *ninjs_authors(story.byline_authors, absolute_url),
            *ninjs_people(story.quotes.all(), absolute_url),
        ],
        "associations": ninjs_associations(story, absolute_url),
        "renditions": [
            {
                "name": "html",
                "href": absolute_url(story.get_absolute_url()),
                "contenttype": "text/html",
            },
            {
                "name": "ninjs",
                "href": absolute_url(api_story_path(story)),
                "contenttype": "application/json",
            },
        ],
    }
    if story.byline_text:
        item["by"] = story.byline_text
    if story.outlet:
        item["infosources"] = [infosource(story)]
    return item


def api_story_path(story: Story) -> str:
    return reverse("api:story_detail", kwargs={"slug": story.slug})


def ninjs_subject(tag, absolute_url: AbsoluteUrl) -> dict:
    path = reverse("stories:tag_detail", kwargs={"slug": tag.slug})
    return {"name": tag.name, "uri": absolute_url(path), "literal": tag.slug}


def ninjs_authors(authors, absolute_url: AbsoluteUrl) -> list[dict]:
    """The story's authors in byline order, as ninjs people with the author relation."""
    return [
        {
            "name": author.name,
            "rel": "author",
            "uri": absolute_url(author.get_absolute_url()),
            "literal": author.slug,
        }
        for author in authors
    ]


def ninjs_people(quotes, absolute_url: AbsoluteUrl) -> list[dict]:
    """The people quoted, each once, in the order of their first quote."""
    speakers = {}
    for quote in quotes:
        speakers.setdefault(quote.speaker_id, quote.speaker)
    return [
        {
            "name": person.name,
            "rel": "quoted",
            "uri": absolute_url(person.get_absolute_url()),
            "literal": person.slug,
        }
        for person in speakers.values()
    ]


def related_stories(story: Story) -> list[Story]:
    """Published stories this one links to, in link order, then published stories linking to it.

    Reads ``related_links`` (annotated with ``target_is_public``) and ``inbound_links`` (from
    published stories only) as prefetched; each story comes once.
    """
    related = {}
    for link in story.related_links.all():
        if link.target_id and link.target_is_public:
            related.setdefault(link.target_id, link.target)
    for link in story.inbound_links.all():
        related.setdefault(link.story_id, link.story)
    return list(related.values())


def ninjs_associations(story: Story, absolute_url: AbsoluteUrl) -> list[dict]:
    """The lead image first, as ``leadimage``, then the related stories, the quotations and
    the corrections."""
    lead = [ninjs_picture(story.lead_image, absolute_url)] if story.lead_image else []
    story_uri = absolute_url(story.get_absolute_url())
    quotes = [
        ninjs_quote(quote, number, story_uri, absolute_url)
        for number, quote in enumerate(story.quotes.all(), start=1)
    ]
    corrections = [
        ninjs_correction(correction, number, story_uri)
        for number, correction in enumerate(story.corrections.all(), start=1)
    ]
    return lead + related_associations(story, absolute_url) + quotes + corrections


def related_associations(story: Story, absolute_url: AbsoluteUrl) -> list[dict]:
    return [
        {
            "name": f"related{number}",
            "uri": absolute_url(other.get_absolute_url()),
            "type": "text",
            "representationtype": "partial",
            "headlines": [plain_text("main", other.headline)],
            "firstcreated": rfc3339(other.published_at),
            "versioncreated": rfc3339(other.modified_at),
        }
        for number, other in enumerate(related_stories(story), start=1)
    ]


def ninjs_picture(image: Image, absolute_url: AbsoluteUrl) -> dict:
    """A library image as a ninjs picture: its texts, credit and licence, and every rendition
    (each crop at each width, in each format) with its size."""
    original = largest(image, "original", "jpg", at_most=WIDTHS[-1])
    picture = {
        "name": "leadimage",
        "uri": absolute_url(original.url),
        "type": "picture",
        "representationtype": "full",
        "descriptions": [
            plain_text(role, text)
            for role, text in (("alt", image.alt_text), ("caption", image.caption))
            if text
        ],
        "renditions": [
            {
                "name": f"{rendition.crop}-{rendition.width}-{rendition.extension}",
                "href": absolute_url(rendition.url),
                "contenttype": rendition.format.content_type,
                "width": rendition.width,
                "height": rendition.height,
            }
            for crop in CROPS
            for renditions in rendition_set(image, crop).values()
            for rendition in renditions
        ],
    }
    if image.credit:
        picture["by"] = image.credit
    if image.licence:
        picture["copyrightnotice"] = image.licence
    return picture


def infosource(story: Story) -> dict:
    source = {"name": story.outlet}
    if story.source_url:
        source["uri"] = story.source_url
    return source


def ninjs_quote(quote: Quote, number: int, story_uri: str, absolute_url: AbsoluteUrl) -> dict:
    speaker = quote.speaker
    described = [("context", quote.context), ("said-on", iso_date(quote.said_on))]
    return {
        "name": f"quote{number}",
        "uri": f"{story_uri}#quote-{quote.pk}",
        "type": "component",
        "representationtype": "full",
        "profile": "pull-quote" if quote.is_featured else "quote",
        "bodies": [plain_text("quote", quote.text)],
        "people": [
            {
                "name": speaker.name,
                "rel": "speaker",
                "uri": absolute_url(speaker.get_absolute_url()),
                "literal": speaker.slug,
            }
        ],
        "descriptions": [plain_text(role, value) for role, value in described if value],
    }


def ninjs_correction(correction: Correction, number: int, story_uri: str) -> dict:
    return {
        "name": f"correction{number}",
        "uri": f"{story_uri}#correction-{correction.pk}",
        "type": "component",
        "representationtype": "full",
        "profile": correction.kind,
        "versioncreated": rfc3339(correction.created_at),
        "bodies": [plain_text(correction.kind, correction.text)],
    }


def person_facts(person: Person, absolute_url: AbsoluteUrl) -> dict:
    """What the public page says about a person: no aliases, which are an editing aid."""
    return {
        "name": person.name,
        "slug": person.slug,
        "title": person.title or None,
        "handle": person.handle or None,
        "uri": absolute_url(person.get_absolute_url()),
    }


def person_quote(quote: Quote, absolute_url: AbsoluteUrl) -> dict:
    """One quote on a person's list; reads ``quote.story``."""
    return {
        "text": quote.text,
        "context": quote.context or None,
        "said_on": iso_date(quote.said_on),
        "position": quote.position,
        "story": {
            "uri": absolute_url(quote.story.get_absolute_url()),
            "headline": quote.story.headline,
            "slug": quote.story.slug,
        },
    }
