"""The atomic import: a parsed article written as a story, with its quotes, links and tags."""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, time

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from taggit.models import Tag

from authors.models import Author
from fronts.models import Lineup, LineupSlot
from packages.models import Package, PackageItem
from stories.counts import people_recount
from stories.editing import version_raise
from stories.models import Person, Quote, RelatedLink, Section, Story, StoryAuthor
from stories.quote_integrity import check_later
from stories.search_vectors import search_vectors_refresh
from stories.slugs import unique_slug
from stories.tagging import length_problem
from stories.text import headline_key
from stories.workflow import can_change

from .body import article_body_html
from .parsing import ParsedArticle, ParsedQuote, parse_article
from .people import known_people, person_facts_save, person_for
from .sidecars import NO_SIDECAR, PackagePlace, Sidecar, SidecarError

IMPORTED = "Imported from raw text."
RELATED_TOO_LONG = (
    "the related headline “{start}…” is longer than a headline may be: {limit} characters at "
    "the most"
)
NAME_TOO_LONG = "{file}: the {key} name “{start}…” is longer than {limit} characters"
MAY_NOT_CHANGE = (
    "“{headline}” of {day} is already a story that is {state}, which you may not change: "
    "nothing was imported. An editor can import it again, or give it another headline or "
    "date to import it as a new story."
)


@dataclass
class ImportResult:
    story: Story
    created: bool


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

    A new story is a draft unless ``status`` says otherwise; an update keeps its status, and
    is refused when ``user`` may not change the story (``check_may_reimport``).
    The sidecar's tags, related headlines and quote corrections are already in ``parsed``
    (``parse_with_vocabulary``); here it gives the story's other fields, its people and its
    package.
    """
    check_fits(parsed)
    check_sidecar_fits(sidecar)
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
            story.created_by = story.updated_by = user
        else:
            check_may_reimport(story=story, user=user)
            # a form opened before this import must not save over it
            version_raise(story, user=user or story.updated_by)
        story.headline = parsed.headline
        story.body = article_body_html(parsed.paragraphs)
        story.is_developing = parsed.is_developing
        story.status = status or story.status
        story.outlet = sidecar.outlet or story.outlet
        story.byline = sidecar.byline or story.byline
        story.dek = sidecar.dek or story.dek
        story.source_url = sidecar.source_url or story.source_url
        if sidecar.section:
            story.section = section_named(sidecar.section)
        if sidecar.published_at:
            story.published_at = sidecar.published_at
        elif parsed.published_on:
            story.published_at = datetime.combine(parsed.published_on, time(12), tzinfo=UTC)
        story.full_clean()
        story.save()
        story.tags.set(parsed.tags, clear=True)
        if sidecar.authors:
            authors_credit(story, sidecar.authors)
        replace_quotes(story, parsed)
        replace_related_links(story, parsed)
        RelatedLink.objects.resolve_to(story)
        if sidecar.package:
            package_place(story=story, place=sidecar.package)
        if sidecar.front_position is not None:
            lineup = front_place(story=story, position=sidecar.front_position).lineup
            lineup.updated_by = user
            lineup.save(update_fields=["updated_by", "updated_at"])
            reversion.add_to_revision(lineup)
        reversion.add_to_revision(story)
    return ImportResult(story=story, created=created)


def front_place(*, story: Story, position: int) -> LineupSlot:
    """The story at ``position`` of the front page's lineup in effect (one is made if none
    is), so the front shows it at once."""
    lineup = Lineup.objects.of_front(None).in_effect().first()
    if lineup is None:
        lineup = Lineup.objects.create(note=IMPORTED)
    slot, _ = LineupSlot.objects.update_or_create(
        lineup=lineup, story=story, defaults={"position": position}
    )
    return slot


def section_named(name: str) -> Section:
    """The section of that name (in any case), made last in the navigation if new."""
    section = Section.objects.filter(name__iexact=name).first()
    if section is None:
        last = Section.objects.order_by("-position").values_list("position", flat=True).first()
        section = Section.objects.create(
            name=name, slug=unique_slug(Section, name), position=(last or 0) + 1
        )
    return section


def authors_credit(story: Story, names: tuple[str, ...]) -> None:
    """The story's byline: the author profiles of these names, in order, made when new."""
    StoryAuthor.objects.filter(story=story).delete()
    for position, name in enumerate(dict.fromkeys(names)):
        author = Author.objects.filter(name__iexact=name).first()
        if author is None:
            author = Author.objects.create(name=name, slug=unique_slug(Author, name))
        StoryAuthor.objects.create(story=story, author=author, position=position)


def check_fits(parsed: ParsedArticle) -> None:
    """Refuse, before anything is written, tags and related headlines too long to be kept."""
    related_limit = RelatedLink._meta.get_field("title").max_length
    problems = {
        "tags": [problem for tag in parsed.tags if (problem := length_problem(tag))],
        "related": [
            RELATED_TOO_LONG.format(start=title[:40], limit=related_limit)
            for title in parsed.related
            if len(title) > related_limit
        ],
    }
    if any(problems.values()):
        raise ValidationError({field: errors for field, errors in problems.items() if errors})


def check_sidecar_fits(sidecar: Sidecar) -> None:
    """Refuse, before anything is written, a section or author name too long to be kept."""
    names = [("section", sidecar.section, Section)] if sidecar.section else []
    names += [("author", name, Author) for name in sidecar.authors]
    for key, name, model in names:
        limit = model._meta.get_field("name").max_length
        if len(name) > limit:
            start = name[:40]
            raise SidecarError(
                NAME_TOO_LONG.format(file=sidecar.name, key=key, start=start, limit=limit)
            )


def check_may_reimport(*, story: Story, user) -> None:
    """An import updates the story with its headline and date only where its user may change
    that story; the command line (no user) is the site's operator and may."""
    if user is not None and not can_change(user, story):
        day = story.published_at.date().isoformat() if story.published_at else "no date"
        message = MAY_NOT_CHANGE.format(
            headline=story.headline, day=day, state=str(story.state).lower()
        )
        raise ValidationError(message, code="may_not_change")


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


def replace_quotes(story: Story, parsed: ParsedArticle) -> None:
    story.quotes.all().delete()
    quotes_add(story, parsed.quotes)


def quotes_add(story: Story, found: list[ParsedQuote], *, first_position: int = 0) -> list[Quote]:
    """The quotes found, at the positions from ``first_position`` on, with their people found
    or made."""
    handles = {quote.speaker: quote.handle for quote in found if quote.handle}
    people: dict[str, Person] = {}
    quotes = []
    for position, quote in enumerate(found, start=first_position):
        if quote.speaker not in people:
            handle = handles.get(quote.speaker, "")
            people[quote.speaker] = person_for(quote.speaker, quote.title, handle)
        quotes.append(
            Quote(
                story=story,
                speaker=people[quote.speaker],
                text=quote.text,
                context=quote.context[:255],
                said_on=quote.said_on,
                position=position,
                is_fragment=quote.is_fragment,
                is_featured=quote.is_featured,
                story_published_at=story.published_at,  # bulk_create skips Quote.save()
            )
        )
    for quote in quotes:
        quote.words_keep()
    added = Quote.objects.bulk_create(quotes)
    check_later(story_ids=[story.pk])
    search_vectors_refresh([story.pk])
    people_recount(person.pk for person in people.values())  # bulk_create sends no signals
    return added


def replace_related_links(story: Story, parsed: ParsedArticle) -> None:
    story.related_links.all().delete()
    for position, title in enumerate(parsed.related):
        target = Story.objects.filter(headline_key=headline_key(title)).exclude(pk=story.pk).first()
        RelatedLink.objects.create(story=story, title=title, target=target, position=position)
