"""Versions and stale saves: the one place a story's version goes up.

A story form remembers the version it was opened at, and a save from a form opened at another
version than the stored one is refused (the admin's ``StoryAdminForm``). So every change to a
story, or to what belongs to it (quotes, links, tags), moves its version on, with who made the
change and when: the admin's forms, bulk actions, tag merges and renames, workflow transitions
and imports all do it here.
"""

from collections.abc import Iterable

from django.db.models import F
from django.utils import timezone

from .freshness import content_changed
from .models import Story


def version_raise(story: Story, *, user, stored_version: int | None = None) -> Story:
    """``story``, about to be saved by ``user``, becomes the version after ``stored_version``,
    the one in the database (the instance's own unless a revert has put an old one in it)."""
    story.version = (story.version if stored_version is None else stored_version) + 1
    story.updated_by = user
    return story


def versions_raise(*, story_ids: Iterable[int], user) -> int:
    """The same, in one UPDATE, for stories changed without being saved themselves: a quote
    edited on its own page, tags added in bulk, a tag merged or renamed."""
    content_changed()
    return Story.objects.filter(pk__in=story_ids).update(
        version=F("version") + 1, updated_by=user, updated_at=timezone.now()
    )


def is_stale(story: Story, *, opened_version: int | None) -> bool:
    """Whether a form opened at ``opened_version`` would save over a change it has not seen.

    A form that does not say which version it was opened at is refused the same way: it
    cannot show that it has seen the stored one.
    """
    return opened_version != story.version


def story_locked(pk: int) -> Story:
    """The story as stored, locked until the transaction ends, so that no other save slips in
    between a check and the write."""
    return Story.objects.select_for_update().get(pk=pk)


def stories_locked(stories: Iterable[Story]) -> list[Story]:
    """The stories as stored, locked until the transaction ends, in the given order."""
    wanted = [story.pk for story in stories]
    # Locked in primary-key order, so two bulk changes never wait on each other in a cycle.
    locked = Story.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
    by_pk = {story.pk: story for story in locked}
    return [by_pk[pk] for pk in dict.fromkeys(wanted) if pk in by_pk]
