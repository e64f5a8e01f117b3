"""Small builders for test data; each returns saved objects with sensible defaults."""

import itertools
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from stories.models import Correction, Person, Quote, RelatedLink, Story

_counter = itertools.count(1)


def make_story(**fields) -> Story:
    number = next(_counter)
    fields.setdefault("headline", f"Story number {number}")
    fields.setdefault("slug", f"{slugify(fields['headline'])}-{number}")
    fields.setdefault("body", f"First paragraph of story {number}.\n\nSecond paragraph.")
    fields.setdefault("status", Story.Status.PUBLISHED)
    if fields["status"] == Story.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now() - timedelta(hours=number))
    tags = fields.pop("tags", [])
    story = Story.objects.create(**fields)
    if tags:
        story.tags.add(*tags)
    return story


def make_person(**fields) -> Person:
    number = next(_counter)
    fields.setdefault("name", f"Person {number}")
    fields.setdefault("slug", f"{slugify(fields['name'])}-{number}")
    return Person.objects.create(**fields)


def make_quote(story: Story, speaker: Person, **fields) -> Quote:
    fields.setdefault("text", f"Words number {next(_counter)} said out loud.")
    return Quote.objects.create(story=story, speaker=speaker, **fields)


def make_link(story: Story, target: Story | None = None, **fields) -> RelatedLink:
    fields.setdefault("title", target.headline if target else f"Elsewhere {next(_counter)}")
    return RelatedLink.objects.create(story=story, target=target, **fields)


def make_rich_story(
    *, quotes: int, tags: int, links: int, speakers: int = 3, corrections: int = 0
) -> Story:
    """A published story with many quotes (several speakers), tags, related links both ways
    and corrections."""
    story = make_story(tags=[f"Topic {next(_counter)}" for _ in range(tags)])
    people = [make_person() for _ in range(speakers)]
    for position in range(quotes):
        make_quote(story, people[position % speakers], position=position, context="on the record")
    for position in range(links):
        make_link(story, make_story(), position=position)
        make_link(make_story(), story)
    for number in range(corrections):
        Correction.objects.create(story=story, text=f"Correction {number}.")
    return story


def make_hostile_story(hostile: str) -> Story:
    """A published story (slug “hostile”) with ``hostile`` in every text a reader can see:
    headline, dek, body, byline, outlet, a tag, a quote with its speaker and context, a related
    link and a correction."""
    story = make_story(
        slug="hostile",
        headline=f"Headline {hostile}",
        dek=f"Dek {hostile}",
        body=f"Body {hostile}\n\nSecond {hostile}",
        byline=f"Byline {hostile}",
        outlet=f"Outlet {hostile}",
        tags=[f"Tag {hostile}"],
    )
    speaker = make_person(name=f"Person {hostile}", title=f"Title {hostile}", slug="hostile")
    make_quote(story, speaker, text=f"Quote {hostile}", context=f"Context {hostile}")
    make_link(story, title=f"Link {hostile}")
    Correction.objects.create(story=story, text=f"Correction {hostile}")
    return story
