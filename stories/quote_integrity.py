"""Quote integrity across the archive: the same words (punctuation, case and small edits
aside) given to different speakers flag both quotes as a possible misattribution
until an editor confirms one; a quote that repeats words published earlier in another story
links that first appearance.

A check reads, through indexes, the quotes with the same words as those it is given and those
sharing their first or last words (which a small edit leaves alone), compares them, and writes
what changed: three queries whatever the archive's size. Saves ask for a check when their
transaction commits (``check_later``), once for all the quotes and stories they changed;
``check_quotes`` goes over the whole archive.
"""

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from .models import Quote
from .models.story import is_published_expression

MIN_WORDS = 6  # shorter words ("thank you very much") are said by many people
BATCH = 2000  # different words a check reads at once
SAME_WORDS_RATIO = 0.9  # difflib's ratio of two quotes' words with a small edit
CHECKED_FIELDS = [
    "id",
    "story_id",
    "speaker_id",
    "words",
    "words_key",
    "words_head",
    "words_tail",
    "is_fragment",
    "story_published_at",
    "first_said_id",
    "attribution_doubted",
    "attribution_confirmed_at",
]

_pending = threading.local()


def check_later(*, keys: Iterable[str] = (), story_ids: Iterable[int] = ()) -> None:
    """Check these words and these stories' quotes once the transaction commits; what a rolled
    back transaction asked for is checked with the next one."""
    if not hasattr(_pending, "keys"):
        _pending.keys, _pending.story_ids = set(), set()
    _pending.keys.update(key for key in keys if key)
    _pending.story_ids.update(story_ids)
    if not getattr(_pending, "deferred", False):
        transaction.on_commit(check_pending, robust=True)


@contextmanager
def checks_deferred() -> Iterator[None]:
    """One check at the end for everything written inside, as a bulk import wants: its
    articles' quotes are checked together rather than each import against the last."""
    _pending.deferred = True
    try:
        yield
    finally:
        _pending.deferred = False
        check_pending()


def check_pending() -> None:
    keys, story_ids = getattr(_pending, "keys", set()), getattr(_pending, "story_ids", set())
    if not keys and not story_ids:
        return
    _pending.keys, _pending.story_ids = set(), set()
    if story_ids:
        stories_words = Quote.objects.filter(story_id__in=story_ids).values_list("words_key")
        keys |= {key for (key,) in stories_words}
    ordered = sorted(keys)
    for start in range(0, len(ordered), BATCH):
        words_check(set(ordered[start : start + BATCH]))


def same_words_elsewhere(quotes: list[Quote]) -> dict[int, list[Quote]]:
    """For each of these quotes, the other quotes with the same words and another speaker,
    with their speakers and stories, in one query."""
    keys = {quote.words_key for quote in quotes if quote.words_key}
    others = (
        Quote.objects.filter(words_key__in=keys).select_related("speaker", "story")
        if keys
        else Quote.objects.none()
    )
    found = defaultdict(list)
    for other in others.order_by("story_published_at", "pk"):
        for quote in quotes:
            if other.words_key == quote.words_key and other.speaker_id != quote.speaker_id:
                found[quote.pk].append(other)
    return found


def attributions_confirm(quotes, *, user) -> int:
    """An editor says these quotes' speakers are right: none of them is in doubt any more,
    nor are the quotes doubted only because of them."""
    quotes = list(quotes)
    Quote.objects.filter(pk__in=[quote.pk for quote in quotes]).update(
        attribution_confirmed_at=timezone.now(), attribution_confirmed_by=user
    )
    check_later(keys=[quote.words_key for quote in quotes])
    return len(quotes)


def check_quotes(batch: int = BATCH) -> int:
    """Check the whole archive; how many quotes changed. The words, first words and last words
    that more than one quote shares are each found by one grouped query over their index (run
    apart: joined with OR, PostgreSQL could not hash them at 5,500,000 quotes and took minutes),
    the quotes holding them and those flagged or linked now are read ``batch`` at a time, and
    their words are checked ``batch`` at a time."""
    full = Quote.objects.filter(is_fragment=False).exclude(words_key="")
    keys = set()
    for field in ("words_key", "words_head", "words_tail"):
        grouped = full.values(field).annotate(quotes=Count("pk")).filter(quotes__gt=1)
        shared = list(grouped.values_list(field, flat=True))
        if field == "words_key":
            keys.update(shared)
            continue
        for start in range(0, len(shared), batch):
            holding = Quote.objects.filter(**{f"{field}__in": shared[start : start + batch]})
            keys.update(holding.values_list("words_key", flat=True))
    judged = Quote.objects.filter(Q(attribution_doubted=True) | Q(first_said__isnull=False))
    keys.update(judged.values_list("words_key", flat=True))
    ordered = sorted(keys)
    changed = 0
    for start in range(0, len(ordered), batch):
        changed += words_check(set(ordered[start : start + batch]))
    return changed


def words_check(keys: set[str]) -> int:
    """Flag and link again every quote with these words; how many changed. Quotes with the
    same words, or words a small edit apart, are judged together, in time linear in their
    number."""
    keys.discard("")
    if not keys:
        return 0
    rows = list(checked_rows(Quote.objects.filter(words_key__in=keys)))
    by_key = defaultdict(list)
    for row in rows:
        by_key[row.words_key].append(row)
    near = similar_words(rows)
    for other in near.rows:
        if other.words_key not in keys:
            by_key[other.words_key].append(other)
    changed = []
    for cluster_keys in clusters(by_key, near.pairs):
        cluster = Cluster.of(
            [row for key in cluster_keys for row in by_key[key] if is_checked(row)]
        )
        for quote in {row.pk: row for key in cluster_keys for row in by_key[key]}.values():
            doubted, first = judged(quote, cluster)
            if quote.words_key not in keys:  # reached by a small edit: its other kin unread
                doubted, first = doubted or quote.attribution_doubted, quote.first_said_id or first
            if (doubted, first) != (quote.attribution_doubted, quote.first_said_id):
                quote.attribution_doubted, quote.first_said_id = doubted, first
                changed.append(quote)
    Quote.objects.bulk_update(changed, ["attribution_doubted", "first_said"])
    return len(changed)


def clusters(by_key: dict[str, list[Quote]], pairs: set[tuple[str, str]]) -> list[set[str]]:
    """The words' keys joined into groups by the small edits between them."""
    group_of = {key: {key} for key in by_key}
    for one, other in pairs:
        if group_of[one] is not group_of[other]:
            merged = group_of[one] | group_of[other]
            for key in merged:
                group_of[key] = merged
    return list({id(group): group for group in group_of.values()}.values())


def checked_rows(quotes):
    return quotes.annotate(is_public=is_published_expression("story__")).only(*CHECKED_FIELDS)


def is_checked(quote: Quote) -> bool:
    return not quote.is_fragment and len(quote.words.split()) >= MIN_WORDS


@dataclass
class Cluster:
    """What judging one quote of a cluster needs, read once for all of them."""

    unconfirmed_speakers: set[int]
    public_first: list[Quote]  # the public quotes, earliest first

    @classmethod
    def of(cls, quotes: list[Quote]) -> "Cluster":
        return cls(
            {quote.speaker_id for quote in quotes if not quote.attribution_confirmed_at},
            sorted((quote for quote in quotes if quote.is_public), key=appeared),
        )


def judged(quote: Quote, cluster: Cluster) -> tuple[bool, int | None]:
    """Whether the quote's attribution is in doubt, and the quote its words first appeared
    in: the earliest public one of another story, published before it."""
    if not is_checked(quote):
        return False, None
    doubted = not quote.attribution_confirmed_at and bool(
        cluster.unconfirmed_speakers - {quote.speaker_id}
    )
    first = next((o for o in cluster.public_first if o.story_id != quote.story_id), None)
    if first is None or (quote.is_public and appeared(first) >= appeared(quote)):
        return doubted, None
    return doubted, first.pk


def appeared(quote: Quote):
    return (quote.story_published_at or timezone.now(), quote.pk)


@dataclass
class Near:
    rows: list[Quote]  # quotes sharing first or last words with those checked
    pairs: set[tuple[str, str]]  # keys of words a small edit apart


def similar_words(rows: list[Quote]) -> Near:
    """The quotes sharing first or last words with ``rows``, and which of their words are a
    small edit apart (each distinct wording compared once)."""
    checked = [row for row in rows if is_checked(row)]
    if not checked:
        return Near([], set())
    heads, tails = {row.words_head for row in checked}, {row.words_tail for row in checked}
    found = Quote.objects.filter(Q(words_head__in=heads) | Q(words_tail__in=tails))
    near = [other for other in checked_rows(found) if is_checked(other)]
    wordings = {row.words_key: row for row in checked}
    others = {other.words_key: other for other in near}
    by_head, by_tail = defaultdict(list), defaultdict(list)
    for other in others.values():
        by_head[other.words_head].append(other)
        by_tail[other.words_tail].append(other)
    pairs = {
        (key, other.words_key)
        for key, row in wordings.items()
        for other in by_head[row.words_head] + by_tail[row.words_tail]
        if other.words_key != key and one_small_edit_apart(row, other)
    }
    return Near(near, pairs)


def one_small_edit_apart(quote: Quote, other: Quote) -> bool:
    shares_an_end = quote.words_head == other.words_head or quote.words_tail == other.words_tail
    ratio = SequenceMatcher(None, quote.words, other.words).ratio() if shares_an_end else 0
    return ratio >= SAME_WORDS_RATIO
