"""Each lineup says, on its own front, whether it is scheduled, in effect or replaced."""

from datetime import timedelta

import pytest
from django.utils import timezone

from fronts.models import Lineup
from stories.models import Section

pytestmark = pytest.mark.django_db


def test_each_lineup_is_scheduled_in_effect_or_replaced_on_its_own_front():
    now = timezone.now()
    politics = Section.objects.create(name="Politics", slug="politics")
    sport = Section.objects.create(name="Sport", slug="sport")
    expected = {
        Lineup.objects.create(takes_effect_at=now - timedelta(hours=2)): "Replaced",
        Lineup.objects.create(takes_effect_at=now - timedelta(hours=1)): "In effect",
        Lineup.objects.create(takes_effect_at=now + timedelta(hours=1)): "Scheduled",
        Lineup.objects.create(section=politics, takes_effect_at=now - timedelta(hours=3)): (
            "Replaced"
        ),
        Lineup.objects.create(section=politics, takes_effect_at=now - timedelta(hours=2)): (
            "In effect"
        ),
        Lineup.objects.create(section=sport, takes_effect_at=now - timedelta(days=9)): "In effect",
    }
    annotated = {lineup: lineup.state for lineup in Lineup.objects.with_state()}
    assert annotated == {lineup: state for lineup, state in expected.items()}
    assert {lineup: lineup.state for lineup in Lineup.objects.all()} == annotated
