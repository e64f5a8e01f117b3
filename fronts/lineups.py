"""What a front shows: the published stories of its lineup in effect, in the editors' order
(the first is the lead), then the others newest first. A story that is not published, or
scheduled for later, never shows, whatever the lineup says.

No worker brings a scheduled lineup into effect: it is in effect once its time has come, and
the first request after that time raises the content generation (``lineups_due_sweep``) so
cached pages are built again.
"""

from django.db.models import IntegerField, OuterRef, Subquery
from django.utils import timezone

from stories.freshness import content_changed
from stories.next_due import NextDue

from .models import Lineup, LineupSlot


def lineup_in_effect(section=None) -> Subquery:
    """The id of the front's lineup in effect, as a subquery (NULL when there is none)."""
    return Subquery(Lineup.objects.of_front(section).in_effect().values("pk")[:1])


def lineup_slots(section=None):
    return LineupSlot.objects.filter(lineup=lineup_in_effect(section))


def lineup_stories(stories, section=None):
    """``stories`` (published) that the front's lineup in effect holds, in its order."""
    position = lineup_slots(section).filter(story=OuterRef("pk")).values("position")[:1]
    return (
        stories.filter(pk__in=lineup_slots(section).values("story_id"))
        .annotate(lineup_position=Subquery(position, output_field=IntegerField()))
        .order_by("lineup_position", "-published_at", "-id")
    )


def outside_lineup(stories, section=None):
    """``stories`` without those of the front's lineup in effect."""
    return stories.exclude(pk__in=lineup_slots(section).values("story_id"))


# when a lineup next takes effect that the page caches have not been told of
NEXT_LINEUP = NextDue(
    "newsroom:fronts:next-lineup-due",
    lambda: Lineup.objects.filter(is_announced=False),
    "takes_effect_at",
)


def lineups_due_sweep() -> int:
    """Announce the lineups whose time has come: mark them and raise the content generation.
    Costs one cache read when none is due."""
    due = NEXT_LINEUP.get()
    if due is None or due > timezone.now():
        return 0
    announced = Lineup.objects.filter(
        is_announced=False, takes_effect_at__lte=timezone.now()
    ).update(is_announced=True)
    if announced:
        content_changed()
    NEXT_LINEUP.refresh()
    return announced
