"""The story form's "Find quotes in the body": the importer's attribution run on a story's
body as saved, proposing the quotations the story does not hold yet, each with its speaker;
the reporter keeps, corrects or discards each, and the kept ones join the story's quotes."""

import reversion
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from stories.body_html import plain_text
from stories.editing import story_locked, version_raise
from stories.models import Person, Quote, Story
from stories.text import split_paragraphs

from .evaluation import same_quote
from .parsing import ParsedQuote
from .parsing.quotes import find_quotes
from .people import known_people, person_among
from .services import quotes_add

FOUND_IN_BODY = "Quotes found in the body."


def quotes_proposed(story: Story) -> list[ParsedQuote]:
    """Quotations in the body, in reading order, that are not among the story's quotes."""
    paragraphs = split_paragraphs(plain_text(story.body))
    published_on = timezone.localdate(story.published_at) if story.published_at else None
    found = find_quotes(paragraphs, known_people=known_people(), published_on=published_on)
    held = list(story.quotes.values_list("text", flat=True))
    return [quote for quote in found if not any(same_quote(quote.text, text) for text in held)]


def speakers_matched(names: list[str]) -> list[Person | None]:
    """For each speaker's name, the existing person it means, or None for a new person."""
    people = list(Person.objects.all()) if names else []
    return [person_among(people, name) for name in names]


def quotes_keep(story: Story, quotes: list[ParsedQuote], *, user) -> list[Quote]:
    """Add ``quotes`` after the story's own, in one revision of the story; a story form
    opened before this is refused its save (the story's version goes up)."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(FOUND_IN_BODY)
        story = story_locked(story.pk)
        last = story.quotes.aggregate(last=Max("position"))["last"]
        added = quotes_add(story, quotes, first_position=0 if last is None else last + 1)
        version_raise(story, user=user)
        story.save(update_fields=["version", "updated_by", "updated_at"])
    return added
