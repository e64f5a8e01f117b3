"""The stored counts readers see without the archive being counted: each tag's published
stories (TagCount) and each person's public quotes (Person.public_quote_count).

A story is in the counts while ``Story.is_counted``; ``story_counts_sync`` brings a story in or
out as it becomes public or stops being public, and ``publications_due_sweep`` does that for
scheduled stories whose time has come, on the first request after it (newsroom.middleware).
A story coming in or going out adds to or takes from the counts of its tags and speakers.
The signal handlers in handlers.py keep the counts as tags and quotes change one by one, by
adding and taking away;
bulk changes call ``tags_recount`` and ``people_recount``; ``refresh_counts`` rebuilds all.
"""

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, OuterRef
from django.utils import timezone

from .freshness import content_changed
from .models import Person, Quote, Story, TagCount, published_q
from .models.story import count_of, story_tagged_items
from .next_due import NextDue

_paused = ContextVar("counts_paused", default=False)

NEXT_PUBLICATION = NextDue(
    "stories:next-due-publication",
    lambda: Story.objects.filter(
        status=Story.Status.PUBLISHED, is_counted=False, published_at__isnull=False
    ),
    "published_at",
)


@contextmanager
def counts_paused() -> Iterator[None]:
    """Tagged items written inside change no count one by one: the bulk change that writes
    them recounts its tags after, in a fixed number of queries."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def counting_each_change() -> bool:
    return not _paused.get()


def story_counts_sync(story_id: int) -> None:
    """Bring the story into the counts if readers see it now, or out if they do not."""
    with transaction.atomic():
        story = Story.objects.select_for_update().filter(pk=story_id).first()
        if story is None:
            return
        public = (
            story.status == Story.Status.PUBLISHED
            and story.published_at is not None
            and story.published_at <= timezone.now()
        )
        if public == story.is_counted:
            return
        Story.objects.filter(pk=story_id).update(is_counted=public)
        content_changed()  # a scheduled story coming out changes the lists it is on
        tag_ids = story_tagged_items().filter(object_id=story_id).values_list("tag_id", flat=True)
        tag_counts_add(tag_ids, 1 if public else -1)
        people_counts_add(story_id, 1 if public else -1)


def people_counts_add(story_id: int, delta: int) -> None:
    """Each speaker's full quotes in the story, added to (1) or taken from (-1) their count:
    a recount would read every quote of a prolific speaker, hundreds of thousands at scale."""
    quotes = Quote.objects.filter(story=story_id, is_fragment=False)
    by_speaker = quotes.values("speaker").annotate(n=Count("pk")).values_list("speaker", "n")
    counts_add({}, {speaker: delta * number for speaker, number in by_speaker})


def counts_add(tag_numbers: Mapping[int, int], quote_numbers: Mapping[int, int]) -> None:
    """Add each number to its tag's count of stories and its person's count of quotes, as
    increments in the database (nothing read first, so nothing lost to a concurrent change);
    one UPDATE for all the rows given the same number."""
    for number, tag_ids in grouped_by_number(tag_numbers):
        tag_counts_add(tag_ids, number)
    for number, person_ids in grouped_by_number(quote_numbers):
        Person.objects.filter(pk__in=person_ids).update(
            public_quote_count=F("public_quote_count") + number
        )


def grouped_by_number(numbers: Mapping[int, int]) -> Iterator[tuple[int, list[int]]]:
    groups: dict[int, list[int]] = {}
    for key, number in numbers.items():
        if number:
            groups.setdefault(number, []).append(key)
    return iter(groups.items())


def story_counts_leave(story_id: int) -> None:
    """Take a story about to be deleted out of the counts, before its tags and quotes go."""
    with transaction.atomic():
        counted = Story.objects.select_for_update().filter(pk=story_id, is_counted=True)
        if counted.update(is_counted=False):
            tag_ids = (
                story_tagged_items().filter(object_id=story_id).values_list("tag_id", flat=True)
            )
            tag_counts_add(tag_ids, -1)
            people_counts_add(story_id, -1)


@dataclass(frozen=True)
class QuoteAsCounted:
    """What of a quote decides whom it counts for: its speaker, once, while it is a full
    quotation in a counted story."""

    story_id: int
    speaker_id: int
    is_fragment: bool

    @classmethod
    def of(cls, quote: Quote) -> "QuoteAsCounted":
        return cls(quote.story_id, quote.speaker_id, quote.is_fragment)


def quote_counts_move(before: QuoteAsCounted | None, after: QuoteAsCounted | None) -> None:
    """A quote added (``before`` None), changed, or deleted (``after`` None): its speaker's
    count loses what the quote counted for before and gains what it counts for now, read
    against its stories as they stand, locked, so a story coming into the counts meanwhile
    counts it once. A recount would read every quote of a prolific speaker."""
    quotes = [quote for quote in (before, after) if quote and not quote.is_fragment]
    if not quotes:
        return
    with transaction.atomic():
        stories = Story.objects.select_for_update().filter(pk__in={q.story_id for q in quotes})
        counted = {pk for pk, is_counted in stories.values_list("pk", "is_counted") if is_counted}
        numbers: dict[int, int] = {}
        for quote, sign in ((before, -1), (after, 1)):
            if quote and not quote.is_fragment and quote.story_id in counted:
                numbers[quote.speaker_id] = numbers.get(quote.speaker_id, 0) + sign
        counts_add({}, numbers)


def tag_counts_add(tag_ids: Iterable[int], delta: int) -> None:
    tag_ids = set(tag_ids)
    TagCount.objects.bulk_create(
        [TagCount(tag_id=tag_id) for tag_id in tag_ids], ignore_conflicts=True
    )
    TagCount.objects.filter(tag_id__in=tag_ids).update(stories=F("stories") + delta)


def tags_recount(tag_ids: Iterable[int] | None = None) -> None:
    """Count again the counted stories carrying each of ``tag_ids`` (None: every tag)."""
    from taggit.models import Tag

    tags = Tag.objects.all() if tag_ids is None else Tag.objects.filter(pk__in=set(tag_ids))
    counted = Story.objects.filter(is_counted=True).values("pk")
    tagged = story_tagged_items().filter(tag=OuterRef("pk"), object_id__in=counted)
    counts = tags.annotate(number=count_of(tagged)).values_list("pk", "number")
    TagCount.objects.bulk_create(
        [TagCount(tag_id=tag_id, stories=number) for tag_id, number in counts],
        update_conflicts=True,
        unique_fields=["tag"],
        update_fields=["stories"],
    )


def people_recount(person_ids: Iterable[int] | None = None) -> None:
    """Count again the public quotes of each of ``person_ids`` (None: everyone)."""
    people = (
        Person.objects.all()
        if person_ids is None
        else Person.objects.filter(pk__in=set(person_ids))
    )
    public = Quote.objects.filter(speaker=OuterRef("pk"), is_fragment=False, story__is_counted=True)
    people.update(public_quote_count=count_of(public))


def counts_rebuild() -> None:
    """Every story's place in the counts, then every count, from the stories themselves."""
    with transaction.atomic():
        Story.objects.filter(is_counted=True).exclude(published_q()).update(is_counted=False)
        Story.objects.published().filter(is_counted=False).update(is_counted=True)
        tags_recount()
        people_recount()
    NEXT_PUBLICATION.forget()


def publications_due_sweep() -> int:
    """Bring into the counts the scheduled stories whose time has come; how many there were.
    Costs one cache read when none is due."""
    due = NEXT_PUBLICATION.get()
    if due is None or due > timezone.now():
        return 0
    due_ids = list(
        Story.objects.filter(
            status=Story.Status.PUBLISHED, is_counted=False, published_at__lte=timezone.now()
        ).values_list("pk", flat=True)
    )
    for story_id in due_ids:
        story_counts_sync(story_id)
    NEXT_PUBLICATION.refresh()
    return len(due_ids)
