"""When public content last changed, for caches of public pages: ``content_generation()`` is
a number that ``content_changed()`` raises, once the change is committed, whenever a story,
its quotes, tags, people, links, corrections, packages or lineups change.

The number is kept in the database, so every worker of every app server reads the same one
with one single-row query, whatever cache each has. It is raised after the commit, never
before: a page read under the new number cannot have been built from the old content.
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections, router, transaction
from django.db.models import F

from .models import ContentGeneration

ROW = 1
PURGE_EVERY_PAGE = "newsroom"  # the Surrogate-Key every cached page carries
KEPT_UNTIL_CHANGE_SECONDS = 86_400  # a generation left behind expires after a day

Kept = TypeVar("Kept")


def content_generation() -> int:
    """Read on every request the page cache answers, so in plain SQL: the ORM would build
    the same query each time, for a third of the request's cost."""
    table = connection.ops.quote_name(ContentGeneration._meta.db_table)
    using = router.db_for_read(ContentGeneration)
    with connections[using or "default"].cursor() as cursor:
        cursor.execute(f"SELECT number FROM {table} WHERE id = %s", [ROW])
        row = cursor.fetchone()
    return row[0] if row else 0


def content_changed() -> None:
    """Raise the generation when the current transaction commits (at once outside one)."""
    transaction.on_commit(generation_raise, robust=True)


def generation_raise() -> None:
    if not ContentGeneration.objects.filter(pk=ROW).update(number=F("number") + 1):
        ContentGeneration.objects.get_or_create(pk=ROW, defaults={"number": 1})
    if settings.NEWSROOM_PURGE_URL:
        from .tasks import purge_pages

        purge_pages.enqueue([PURGE_EVERY_PAGE])


def until_content_changes(name: str, compute: Callable[[], Kept]) -> Kept:
    """What ``compute()`` gives, kept in the cache until public content next changes: for
    figures over the whole archive (how many stories a year, a list's count and latest
    change) that would otherwise be counted again on every request. ``name`` must say
    everything the figure depends on besides the content."""
    digest = hashlib.sha256(name.encode()).hexdigest()[:32]
    key = f"newsroom:kept:{content_generation()}:{digest}"
    kept = cache.get(key)
    if kept is None:
        kept = compute()
        cache.set(key, kept, KEPT_UNTIL_CHANGE_SECONDS)
    return kept
