"""Who may do what with a story: the rules the admin, its actions and the services all apply.

Reporters write drafts, edit the drafts and stories in review (their own and colleagues'),
submit them for review and delete drafts. Only editors (``stories.publish_story``) publish,
schedule, unpublish, return a story to draft, change a story once it has left the desk, or
delete it.

A person quoted in a story that has left the desk is on pages readers see: only editors
change them. Reporters change the people only their drafts and stories in review quote.
"""

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .editing import story_locked, version_raise
from .models import Person, Story

PUBLISH_PERMISSION = "stories.publish_story"
DESK_STATUSES = (Story.Status.DRAFT, Story.Status.REVIEW)

CANNOT_SET_STATUS = _("Only an editor can publish, schedule or unpublish a story.")
CANNOT_CHANGE = _("Only an editor can change a story that is published, scheduled or unpublished.")
TRANSITIONED = "Status set to {status}."
CANNOT_DELETE = _("Only an editor can delete a story that is not a draft.")
CANNOT_CHANGE_PERSON = _(
    "Only an editor can change a person quoted in a story that is published, scheduled or "
    "unpublished."
)


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def statuses_for(user) -> list[str]:
    return list(Story.Status.values) if can_publish(user) else list(DESK_STATUSES)


def can_change(user, story: Story | None) -> bool:
    if not user.has_perm("stories.change_story"):
        return False
    return story is None or can_publish(user) or story.status in DESK_STATUSES


def can_delete(user, story: Story | None) -> bool:
    if not user.has_perm("stories.delete_story"):
        return False
    return story is None or can_publish(user) or story.status == Story.Status.DRAFT


def can_change_person(user, person: Person | None) -> bool:
    if not user.has_perm("stories.change_person"):
        return False
    if person is None or can_publish(user):
        return True
    return not person.quotes.exclude(story__status__in=DESK_STATUSES).exists()


def check_change(*, user, story: Story, old_status: str | None) -> None:
    """Refuse a save the user may not make; ``old_status`` is None for a new story."""
    if can_publish(user):
        return
    if old_status is not None and old_status not in DESK_STATUSES:
        raise PermissionDenied(CANNOT_CHANGE)
    if story.status not in DESK_STATUSES:
        raise PermissionDenied(CANNOT_SET_STATUS)


def check_delete(*, user, story: Story) -> None:
    if not can_delete(user, story):
        raise PermissionDenied(CANNOT_DELETE)


def story_transition(*, story: Story, status: str, user) -> Story:
    """Move a story to ``status`` (submit, publish, unpublish, return to draft) as ``user``."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        story = story_locked(story.pk)
        old_status = story.status
        story.status = status
        check_change(user=user, story=story, old_status=old_status)
        version_raise(story, user=user)
        story.full_clean()
        story.save()
        reversion.set_comment(TRANSITIONED.format(status=story.get_status_display()))
    return story
