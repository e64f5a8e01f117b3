"""A story's version goes up in one place, with who changed it; a form opened at an older
version is stale."""

import pytest

from stories.editing import is_stale, stories_locked, version_raise, versions_raise
from stories.models import Story
from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db


def test_a_story_about_to_be_saved_becomes_the_next_version_by_its_user(editor):
    story = make_story()
    version_raise(story, user=editor)
    story.save()
    stored = Story.objects.get(pk=story.pk)
    assert (stored.version, stored.updated_by) == (2, editor)


def test_the_next_version_follows_the_stored_one_when_the_instance_holds_an_older(editor):
    story = make_story()
    story.version = 1  # as a revert writes an old revision back
    version_raise(story, user=editor, stored_version=7)
    assert story.version == 8


def test_stories_changed_without_a_save_go_up_a_version_in_one_query(
    editor, django_assert_num_queries
):
    changed, untouched = make_story(), make_story()
    before = Story.objects.get(pk=changed.pk).updated_at
    with django_assert_num_queries(1):
        assert versions_raise(story_ids=[changed.pk], user=editor) == 1
    changed, untouched = Story.objects.get(pk=changed.pk), Story.objects.get(pk=untouched.pk)
    assert (changed.version, changed.updated_by) == (2, editor)
    assert changed.updated_at > before
    assert untouched.version == 1


def test_a_form_opened_at_another_version_is_stale():
    story = make_story()
    assert not is_stale(story, opened_version=1)
    assert is_stale(story, opened_version=0)


def test_stories_are_locked_in_the_order_given_each_once():
    first, second = make_story(), make_story()
    assert stories_locked([second, first, second]) == [second, first]


def test_a_form_that_does_not_say_its_version_is_stale():
    assert is_stale(make_story(), opened_version=None)
