"""schema.org structured data for a story page: a NewsArticle, written as JSON-LD.

The functions read a story whose tags, quotes (with their speakers) and corrections are
prefetched, as the story page's view does, so they add no query to the page.
"""

import json
import re
from datetime import datetime
from urllib.parse import urljoin

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from stories.models import Correction, Person, Quote, Story

from .lead_images import image_objects

# "Jane Doe and John Roe", "Ann Lee, Bo Chu and Cy Roe", "Ann Lee, Bo Chu, and Cy Roe"
BYLINE_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")

# The escapes of django.utils.html.json_script: no text can then close the <script> element,
# open a comment or start a character reference. json.dumps already writes every non-ASCII
# character, U+2028 and U+2029 among them, as a \u escape.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def iso_datetime(moment: datetime) -> str:
    """ISO 8601 in the site's time zone, as the page's <time> elements show it."""
    return timezone.localtime(moment).isoformat()


def byline_names(byline: str) -> list[str]:
    return [name for name in BYLINE_SEPARATOR.split(byline.strip()) if name]


def organization(name: str, url: str = "") -> dict:
    return {"@type": "Organization", "name": name, **({"url": url} if url else {})}


def authors(story: Story, *, publisher: dict, site_url: str) -> list[dict]:
    """The story's authors with their pages; without any, the names of its free-text credit;
    without one, the outlet the story first ran in, or the site."""
    profiles = story.byline_authors
    if profiles:
        return [
            {
                "@type": "Person",
                "name": author.name,
                "url": urljoin(site_url, author.get_absolute_url()),
            }
            for author in profiles
        ]
    names = byline_names(story.byline)
    if names:
        return [{"@type": "Person", "name": name} for name in names]
    if story.outlet.strip():
        return [organization(story.outlet)]
    return [publisher]


def person(speaker: Person, *, site_url: str) -> dict:
    data = {
        "@type": "Person",
        "name": speaker.name,
        "url": urljoin(site_url, speaker.get_absolute_url()),
    }
    if speaker.title:
        data["jobTitle"] = speaker.title
    return data


def quotation(quote: Quote, *, site_url: str) -> dict:
    data = {
        "@type": "Quotation",
        "text": quote.text,
        "spokenByCharacter": person(quote.speaker, site_url=site_url),
    }
    if quote.said_on:
        data["dateCreated"] = quote.said_on.isoformat()
    return data


def correction_comment(correction: Correction) -> dict:
    return {
        "@type": "CorrectionComment",
        "text": correction.text,
        "datePublished": iso_datetime(correction.created_at),
    }


def news_article(story: Story, *, site_url: str, site_name: str) -> dict:
    """A published story as a schema.org NewsArticle; ``site_url`` is the site root's address.

    Its quotes are parts of it (``hasPart``), and the people quoted are ``mentions``. Only
    corrections are ``correction``: schema.org has nothing for an update.
    """
    url = urljoin(site_url, story.get_absolute_url())

    def absolute_url(path: str) -> str:
        return urljoin(site_url, path)

    publisher = organization(site_name, site_url)
    quotes = [quote for quote in story.quotes.all() if not quote.is_fragment]
    speakers = {quote.speaker_id: quote.speaker for quote in quotes}
    corrections = story.corrections.all()
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.headline,
        "description": story.summary,
        "articleBody": story.body_text,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": iso_datetime(story.published_at),
        "dateModified": iso_datetime(story.modified_at),
        "author": authors(story, publisher=publisher, site_url=site_url),
        "publisher": publisher,
        "isAccessibleForFree": True,
        "image": image_objects(story.lead_image, absolute_url) if story.lead_image else [],
        "articleSection": story.section.name if story.section_id else "",
        "keywords": [tag.name for tag in story.tags.all()],
        "hasPart": [quotation(quote, site_url=site_url) for quote in quotes],
        "mentions": [person(speaker, site_url=site_url) for speaker in speakers.values()],
        "correction": [
            correction_comment(correction)
            for correction in corrections
            if correction.kind == Correction.Kind.CORRECTION
        ],
    }
    return {key: value for key, value in article.items() if value not in ("", [])}


def json_ld_script(data: dict) -> SafeString:
    """``data`` in a <script type="application/ld+json"> element that no text in it can break."""
    text = json.dumps(data).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
