"""The desk's work as the admin's front page shows it: the signed-in editor's drafts, the
stories in review, the scheduled ones and the latest published, each list a single query of
at most DESK_ROWS stories, read by an index in its order."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Story

DESK_ROWS = 10


@dataclass(frozen=True)
class DeskList:
    title: str
    empty: str
    stories: list[Story]
    changelist_query: str


def desk_rows(stories: QuerySet, *ordering: str) -> list[Story]:
    return list(
        stories.select_related("updated_by")
        .defer("body", "body_text", "search_vector")
        .order_by(*ordering)[:DESK_ROWS]
    )


def desk_lists(user) -> list[DeskList]:
    mine = Story.objects.filter(Q(created_by=user) | Q(updated_by=user), status=Story.Status.DRAFT)
    return [
        DeskList(
            _("My drafts"),
            _("No draft of yours."),
            desk_rows(mine, "-updated_at", "-id"),
            f"state=draft&updated_by__id__exact={user.pk}",
        ),
        DeskList(
            _("In review"),
            _("Nothing waits for review."),
            desk_rows(Story.objects.filter(status=Story.Status.REVIEW), "-updated_at", "-id"),
            "state=review",
        ),
        DeskList(
            _("Scheduled"),
            _("Nothing is scheduled."),
            desk_rows(Story.objects.scheduled(), "published_at", "id"),
            "state=scheduled",
        ),
        DeskList(
            _("Recently published"),
            _("Nothing published yet."),
            desk_rows(Story.objects.published(), "-published_at", "-id"),
            "state=published",
        ),
    ]
