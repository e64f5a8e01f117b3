"""When public content last changed, for caches of public pages: ``content_generation()`` is
a number that ``content_changed()`` raises, once the change is committed, whenever a story,
its quotes, tags, people, links, corrections, packages or lineups change.

The number is kept in the database, so every worker of every app server reads the same one
with one single-row query, whatever cache each has. It is raised after the commit, never
before: a page read under the new number cannot have been built from the old content.
"""

from django.db import transaction
from django.db.models import F

from .models import ContentGeneration

ROW = 1


def content_generation() -> int:
    number = ContentGeneration.objects.filter(pk=ROW).values_list("number", flat=True).first()
    return number or 0


def content_changed() -> None:
    """Raise the generation when the current transaction commits (at once outside one)."""
    transaction.on_commit(generation_raise, robust=True)


def generation_raise() -> None:
    if not ContentGeneration.objects.filter(pk=ROW).update(number=F("number") + 1):
        ContentGeneration.objects.get_or_create(pk=ROW, defaults={"number": 1})
