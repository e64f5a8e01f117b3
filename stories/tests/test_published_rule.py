from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import Quote, Story, published_q
from stories.tests.helpers import make_person, make_quote, make_story

pytestmark = pytest.mark.django_db


def test_published_story_with_past_date_is_visible():
    story = make_story(published_at=timezone.now() - timedelta(minutes=1))
    assert list(Story.objects.published()) == [story]


def test_draft_is_not_visible_even_with_a_past_date():
    make_story(status=Story.Status.DRAFT, published_at=timezone.now() - timedelta(days=1))
    assert not Story.objects.published().exists()


def test_future_dated_story_is_not_visible_until_its_time():
    make_story(published_at=timezone.now() + timedelta(minutes=5))
    assert not Story.objects.published().exists()


def test_published_story_without_a_date_is_not_visible():
    make_story(published_at=None)
    assert not Story.objects.published().exists()


def test_rule_combines_with_other_filters():
    wanted = make_story(headline="Budget vote passes", is_developing=True)
    make_story(headline="Budget vote delayed", status=Story.Status.DRAFT)
    make_story(headline="Weather", is_developing=True)
    budget = Story.objects.filter(headline__startswith="Budget")
    found = budget.published().filter(is_developing=True)
    assert list(found) == [wanted]


def test_rule_reaches_stories_through_relations():
    speaker = make_person()
    visible = make_quote(make_story(), speaker)
    make_quote(make_story(status=Story.Status.DRAFT), speaker)
    make_quote(make_story(published_at=timezone.now() + timedelta(days=1)), speaker)
    assert list(Quote.objects.filter(published_q("story__"))) == [visible]


def test_is_public_annotation_agrees_with_published():
    make_story()
    make_story(status=Story.Status.DRAFT)
    make_story(published_at=timezone.now() + timedelta(hours=1))
    flags = dict(Story.objects.with_is_published().values_list("pk", "is_public"))
    assert {pk for pk, public in flags.items() if public} == set(
        Story.objects.published().values_list("pk", flat=True)
    )
    assert sum(flags.values()) == 1
