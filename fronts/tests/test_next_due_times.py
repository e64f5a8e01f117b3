"""The soonest scheduled time (a story's publication, a front's lineup) that a request checks
before any page is built: kept a minute at most, read again by a save and again when the save
commits, and read from the primary database even where public pages read a replica."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from fronts.lineups import NEXT_LINEUP
from fronts.models import Lineup
from stories import next_due
from stories.counts import NEXT_PUBLICATION
from stories.next_due import LIFETIME, NOTHING_DUE
from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db


class EveryReadFromAReplica:
    def db_for_read(self, model, **hints):
        return "replica-not-configured"

    def db_for_write(self, model, **hints):
        return "default"


def test_a_lineup_saved_is_read_again_at_once_and_when_its_transaction_commits(
    django_capture_on_commit_callbacks,
):
    soon = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        Lineup.objects.create(takes_effect_at=soon)
        assert cache.get(NEXT_LINEUP.key) == soon
        cache.set(NEXT_LINEUP.key, NOTHING_DUE)  # another request, before the commit
    assert cache.get(NEXT_LINEUP.key) == soon


def test_a_story_saved_is_read_again_at_once_and_when_its_transaction_commits(
    django_capture_on_commit_callbacks,
):
    soon = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        make_story(published_at=soon)
        assert cache.get(NEXT_PUBLICATION.key) == soon
        cache.set(NEXT_PUBLICATION.key, NOTHING_DUE)
    assert cache.get(NEXT_PUBLICATION.key) == soon


@pytest.mark.parametrize("due", [NEXT_LINEUP, NEXT_PUBLICATION], ids=["lineup", "publication"])
def test_the_soonest_time_is_kept_a_minute_at_most(due, monkeypatch):
    kept_for = []
    monkeypatch.setattr(next_due.cache, "set", lambda key, value, timeout: kept_for.append(timeout))
    due.refresh()
    assert kept_for == [LIFETIME]
    assert LIFETIME <= 60


def test_the_soonest_time_is_read_from_the_primary_where_reads_go_to_a_replica():
    soon = timezone.now() + timedelta(minutes=5)
    Lineup.objects.create(takes_effect_at=soon)
    make_story(published_at=soon + timedelta(minutes=1))
    with override_settings(DATABASE_ROUTERS=[f"{__name__}.EveryReadFromAReplica"]):
        assert NEXT_LINEUP.refresh() == soon
        assert NEXT_PUBLICATION.refresh() == soon + timedelta(minutes=1)
