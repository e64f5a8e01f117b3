"""Writes with rules: importing a parsed article, resolving related links to a story."""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, time

import reversion
from django.db import transaction
from django.utils.text import slugify
from taggit.models import Tag

from packages.models import Package, PackageItem

from .attribution import KnownPerson
from .importer import ParsedArticle, dedupe, parse_article
from .models import Person, Quote, RelatedLink, Story
from .search import search_vectors_refresh
from .sidecars import NO_SIDECAR, PackagePlace, Sidecar
from .text import headline_key

IMPORTED = "Imported from raw text."


@dataclass
class ImportResult:
    story: Story
    created: bool


def known_people() -> list[KnownPerson]:
    return [
        KnownPerson(name=p.name, aliases=p.alias_list, title=p.title, handle=p.handle)
        for p in Person.objects.all()
    ]


def parse_with_vocabulary(text: str, *, sidecar: Sidecar = NO_SIDECAR) -> ParsedArticle:
    """Parse raw text against the site's tags and people, so both are reused, not duplicated,
    and apply the article's editorial sidecar."""
    parsed = parse_article(
        text,
        known_tags=list(Tag.objects.values_list("name", flat=True)),
        known_people=[*sidecar.people, *known_people()],
        published_on=sidecar.published_on,
    )
    return sidecar.apply(parsed)


def article_source_key(parsed: ParsedArticle) -> str:
    """The same headline on the same day is the same story, however its text was edited."""
    day = parsed.published_on.isoformat() if parsed.published_on else ""
    return hashlib.sha256(f"{headline_key(parsed.headline)}|{day}".encode()).hexdigest()


def article_import(
    *,
    parsed: ParsedArticle,
    status: str | None = None,
    sidecar: Sidecar = NO_SIDECAR,
    user=None,
) -> ImportResult:
    """Create or update the story for a parsed article, with its quotes, links and tags.

    A new story is a draft unless ``status`` says otherwise; an update keeps its status.
    The sidecar's tags, related headlines and quote corrections are already in ``parsed``
    (``parse_with_vocabulary``); here it gives the story's other fields, its people and its
    package.
    """
    # One revision, with the story added once it is complete, not at each of its writes.
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        reversion.set_user(user)
        reversion.set_comment(IMPORTED)
        for facts in sidecar.people:
            person_facts_save(facts)
        key = article_source_key(parsed)
        story = Story.objects.select_for_update().filter(source_key=key).first()
        created = story is None
        if created:
            story = Story(source_key=key, slug=unique_slug(Story, parsed.headline))
            story.created_by = user
        else:
            story.version += 1  # a form opened before this import must not overwrite it
        story.updated_by = user or story.updated_by
        story.headline = parsed.headline
        story.body = parsed.body
        story.is_developing = parsed.is_developing
        story.status = status or story.status
        story.outlet = sidecar.outlet or story.outlet
        story.byline = sidecar.byline or story.byline
        story.dek = sidecar.dek or story.dek
        story.source_url = sidecar.source_url or story.source_url
        if sidecar.published_at:
            story.published_at = sidecar.published_at
        elif parsed.published_on:
            story.published_at = datetime.combine(parsed.published_on, time(12), tzinfo=UTC)
        story.full_clean()
        story.save()
        story.tags.set(parsed.tags, clear=True)
        replace_quotes(story, parsed)
        replace_related_links(story, parsed)
        related_links_resolve(story=story)
        if sidecar.package:
            package_place(story=story, place=sidecar.package)
        reversion.add_to_revision(story)
    return ImportResult(story=story, created=created)


def package_place(*, story: Story, place: PackagePlace) -> PackageItem:
    """Put the story at its place in the package of that name, which is made if new."""
    package = Package.objects.filter(name__iexact=place.name).first()
    if package is None:
        package = Package(name=place.name, slug=unique_slug(Package, place.name))
        package.full_clean()
        package.save()
    item, _ = PackageItem.objects.update_or_create(
        package=package, story=story, defaults={"position": place.position}
    )
    return item


def unique_slug(model, text: str) -> str:
    """A slug for ``text`` that no row of ``model`` has yet: "headline", "headline-2", …"""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)] + suffix
        number += 1
    return slug


def person_for(name: str, title: str = "", handle: str = "", *, aliases: list[str] = ()) -> Person:
    """The one Person for a name: by name, alias or unique surname, else a new one.

    A Person created from a bare surname ("Trump") becomes the full name when one turns up.
    ``aliases`` are added to the person's own.
    """
    person = Person.objects.filter(name__iexact=name).first() or person_by_alias(name)
    surname = name.split()[-1]
    if person is None and " " not in name:
        same_surname = list(Person.objects.filter(name__iendswith=f" {name}")[:2])
        person = same_surname[0] if len(same_surname) == 1 else None
    if person is None and " " in name:
        person = Person.objects.filter(name__iexact=surname).first()
        if person is not None:
            person.name = name
    if person is None:
        person = Person(name=name, slug=unique_slug(Person, name))
    wanted = [surname] if " " in name else []
    new_aliases = [
        alias
        for alias in dedupe([*wanted, *aliases])
        if alias.casefold() not in map(str.casefold, person.alias_list)
    ]
    before = (person.name, person.aliases, person.title, person.handle)
    person.aliases = "\n".join([*person.alias_list, *new_aliases])
    person.title = person.title or title.title()
    person.handle = person.handle or handle
    if person.pk is None or (person.name, person.aliases, person.title, person.handle) != before:
        person.full_clean()
        person.save()
    return person


def person_facts_save(facts: KnownPerson) -> Person:
    """An editor's facts about a person win over what the importer guessed."""
    person = person_for(facts.name, handle=facts.handle, aliases=facts.aliases)
    person.title = facts.title or person.title
    person.full_clean()
    person.save()
    return person


def person_by_alias(name: str) -> Person | None:
    for candidate in Person.objects.filter(aliases__icontains=name):
        if name.casefold() in (alias.casefold() for alias in candidate.alias_list):
            return candidate
    return None


def replace_quotes(story: Story, parsed: ParsedArticle) -> None:
    story.quotes.all().delete()
    handles = {found.speaker: found.handle for found in parsed.quotes if found.handle}
    people: dict[str, Person] = {}
    quotes = []
    for position, found in enumerate(parsed.quotes):
        if found.speaker not in people:
            handle = handles.get(found.speaker, "")
            people[found.speaker] = person_for(found.speaker, found.title, handle)
        quotes.append(
            Quote(
                story=story,
                speaker=people[found.speaker],
                text=found.text,
                context=found.context[:255],
                said_on=found.said_on,
                position=position,
                is_fragment=found.is_fragment,
                is_featured=found.is_featured,
            )
        )
    Quote.objects.bulk_create(quotes)
    search_vectors_refresh([story.pk])


def replace_related_links(story: Story, parsed: ParsedArticle) -> None:
    story.related_links.all().delete()
    for position, title in enumerate(parsed.related):
        target = Story.objects.filter(headline_key=headline_key(title)).exclude(pk=story.pk).first()
        RelatedLink.objects.create(story=story, title=title, target=target, position=position)


def related_links_resolve(*, story: Story) -> int:
    """Point every unresolved link whose title is this story's headline at the story."""
    return (
        RelatedLink.objects.filter(target__isnull=True, title_key=story.headline_key)
        .exclude(story=story)
        .exclude(story__related_links__target=story)
        .update(target=story)
    )
