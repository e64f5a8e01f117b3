"""Existing tags a story should probably carry: its speakers' and its headline's words.

Suggesting the vocabulary's own spelling keeps editors from creating near duplicates.
"""

from collections.abc import Iterable

from taggit.models import Tag

from .models import Person
from .text import tag_key

SUGGESTION_LIMIT = 8
LONGEST_TAG_IN_WORDS = 10  # longer runs of headline words are not looked up as one tag


def word_keys(text: str) -> list[str]:
    return [key for key in map(tag_key, text.split()) if key]


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    """Whether ``needle`` appears in ``haystack`` as consecutive items."""
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def run_keys(words: list[str]) -> set[str]:
    """The key of every run of consecutive words: the key of a tag named by that run."""
    return {
        "".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 1, min(start + LONGEST_TAG_IN_WORDS, len(words)) + 1)
    }


def suggested_tags(
    *, headline: str, speakers: Iterable[Person], current: Iterable[str] = ()
) -> list[Tag]:
    """Tags named like a person quoted (or one of their aliases), then tags whose words
    appear together in the headline; never one the story already has. One indexed query."""
    speaker_keys = set()
    for person in speakers:
        speaker_keys |= {tag_key(name) for name in [person.name, *person.alias_list]}
    headline_words = word_keys(headline)
    taken = {tag_key(name) for name in current}
    wanted = (speaker_keys | run_keys(headline_words)) - taken - {""}
    for_speakers, for_headline = [], []
    for tag in Tag.objects.filter(name_key__key__in=wanted).order_by("name"):
        key = tag_key(tag.name)
        if key in speaker_keys:
            for_speakers.append(tag)
        elif contains_run(headline_words, word_keys(tag.name)):
            for_headline.append(tag)
    return (for_speakers + for_headline)[:SUGGESTION_LIMIT]
