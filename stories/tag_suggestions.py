"""Existing tags a story should probably carry: its speakers' and its headline's words.

Suggesting the vocabulary's own spelling keeps editors from creating near duplicates.
"""

from collections.abc import Iterable

from taggit.models import Tag

from .models import Person
from .tagging import tag_key

SUGGESTION_LIMIT = 8


def words(text: str) -> list[str]:
    return [key for key in map(tag_key, text.split()) if key]


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    """Whether ``needle`` appears in ``haystack`` as consecutive items."""
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def suggested_tags(
    *, headline: str, speakers: Iterable[Person], current: Iterable[str] = ()
) -> list[Tag]:
    """Tags named like a person quoted (or one of their aliases), then tags whose words
    appear together in the headline; never one the story already has. One query."""
    speaker_keys = set()
    for person in speakers:
        speaker_keys |= {tag_key(name) for name in [person.name, *person.alias_list]}
    headline_words = words(headline)
    taken = {tag_key(name) for name in current}
    for_speakers, for_headline = [], []
    for tag in Tag.objects.order_by("name"):
        key = tag_key(tag.name)
        if not key or key in taken:
            continue
        if key in speaker_keys:
            for_speakers.append(tag)
        elif contains_run(headline_words, words(tag.name)):
            for_headline.append(tag)
    return (for_speakers + for_headline)[:SUGGESTION_LIMIT]
