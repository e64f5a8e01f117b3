"""Reporters write and submit; only editors publish, schedule, unpublish and delete what left
the desk. Enforced in the admin's forms, actions and views, and in stories.workflow."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from stories.models import Story
from stories.tests.helpers import make_story, story_form_data
from stories.workflow import CANNOT_CHANGE, CANNOT_SET_STATUS, story_transition

pytestmark = pytest.mark.django_db


def change_url(story: Story) -> str:
    return f"/admin/stories/story/{story.pk}/change/"


def test_migrations_create_reporter_and_editor_groups():
    reporter = set(
        Group.objects.get(name="Reporter").permissions.values_list("codename", flat=True)
    )
    editor = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
    assert {"add_story", "change_story", "delete_story", "add_quote"} <= reporter
    assert "publish_story" not in reporter
    assert {"publish_story", "add_correction", "delete_story"} <= editor


def test_reporter_creates_a_draft_and_submits_it_for_review(reporter_client):
    data = story_form_data(status="draft", slug="reporter-draft", headline="Reporter draft")
    del data["published_at_0"], data["published_at_1"]
    response = reporter_client.post("/admin/stories/story/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    story = Story.objects.get(slug="reporter-draft")
    assert story.created_by.username == "cub"
    response = reporter_client.post(
        "/admin/stories/story/",
        {"action": "submit_for_review", "_selected_action": [story.pk]},
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == Story.Status.REVIEW


def test_reporter_cannot_publish_through_the_form(reporter_client):
    story = make_story(status=Story.Status.DRAFT, published_at=None)
    data = story_form_data(story, status="published")
    response = reporter_client.post(change_url(story), data)
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    story.refresh_from_db()
    assert story.status == Story.Status.DRAFT


def test_reporter_sees_only_the_statuses_and_actions_they_may_use(reporter_client):
    story = make_story(status=Story.Status.DRAFT, published_at=None)
    form = reporter_client.get(change_url(story)).context["adminform"].form
    assert [value for value, _ in form.fields["status"].choices] == ["draft", "review"]
    assert "published_at" not in form.fields  # read-only: reporters do not schedule
    actions = reporter_client.get("/admin/stories/story/").context["action_form"]
    offered = {value for value, _ in actions.fields["action"].choices}
    assert "submit_for_review" in offered
    assert not {"publish", "unpublish", "return_to_draft"} & offered


def test_reporter_cannot_change_or_delete_a_published_story(reporter_client):
    story = make_story(headline="Out")
    response = reporter_client.get(change_url(story))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False  # a read-only view
    response = reporter_client.post(change_url(story), story_form_data(story, headline="Mine"))
    assert response.status_code == 403
    response = reporter_client.post(f"/admin/stories/story/{story.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.headline == "Out"


def test_reporter_cannot_publish_with_the_list_action(reporter_client):
    story = make_story(status=Story.Status.REVIEW, published_at=None)
    response = reporter_client.post(
        "/admin/stories/story/", {"action": "publish", "_selected_action": [story.pk]}
    )
    assert response.status_code == 302  # not offered: "No action selected."
    story.refresh_from_db()
    assert story.status == Story.Status.REVIEW


def test_reporter_may_delete_a_draft_but_not_a_story_in_review(reporter_client):
    draft = make_story(status=Story.Status.DRAFT, published_at=None)
    reviewed = make_story(status=Story.Status.REVIEW, published_at=None)
    assert (
        reporter_client.post(
            f"/admin/stories/story/{draft.pk}/delete/", {"post": "yes"}
        ).status_code
        == 302
    )
    assert (
        reporter_client.post(
            f"/admin/stories/story/{reviewed.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert list(Story.objects.all()) == [reviewed]


def test_the_service_refuses_a_reporter_whatever_the_caller(reporter):
    story = make_story(status=Story.Status.REVIEW, published_at=None)
    with pytest.raises(PermissionDenied, match=str(CANNOT_SET_STATUS)):
        story_transition(story=story, status=Story.Status.PUBLISHED, user=reporter)
    published = make_story()
    with pytest.raises(PermissionDenied, match=str(CANNOT_CHANGE)):
        story_transition(story=published, status=Story.Status.DRAFT, user=reporter)


def test_editor_publishes_unpublishes_and_returns_to_draft(editor_client):
    story = make_story(status=Story.Status.REVIEW, published_at=None)
    for action, status in [
        ("publish", Story.Status.PUBLISHED),
        ("unpublish", Story.Status.UNPUBLISHED),
        ("return_to_draft", Story.Status.DRAFT),
    ]:
        response = editor_client.post(
            "/admin/stories/story/", {"action": action, "_selected_action": [story.pk]}
        )
        assert response.status_code == 302
        story.refresh_from_db()
        assert story.status == status
    assert story.published_at is not None  # set when first published
    assert story.version == 4


def test_editor_schedules_a_story_that_appears_on_time_without_a_worker(editor_client):
    reader = Client()
    story = make_story(status=Story.Status.REVIEW, published_at=None)
    soon = timezone.now() + timedelta(hours=2)
    data = story_form_data(story, status="published")
    data |= {
        "published_at_0": soon.strftime("%Y-%m-%d"),
        "published_at_1": soon.strftime("%H:%M:%S"),
    }
    assert editor_client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    assert story.is_scheduled
    listing = editor_client.get("/admin/stories/story/?state=scheduled").content.decode()
    assert "Scheduled for" in listing
    assert story.headline in listing
    assert reader.get(story.get_absolute_url()).status_code == 404
    Story.objects.filter(pk=story.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert reader.get(story.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "published", "unpublished"])
def test_state_filter_shows_only_stories_in_that_state(editor_client, state):
    future = timezone.now() + timedelta(days=1)
    stories = {
        "draft": make_story(status="draft", published_at=None),
        "review": make_story(status="review", published_at=None),
        "scheduled": make_story(status="published", published_at=future),
        "published": make_story(status="published"),
        "unpublished": make_story(status="unpublished"),
    }
    changelist = editor_client.get(f"/admin/stories/story/?state={state}").context["cl"]
    assert list(changelist.result_list) == [stories[state]]


def test_unpublished_story_is_404_to_readers_and_previewed_for_staff(editor_client):
    story = make_story(status=Story.Status.UNPUBLISHED)
    assert Client().get(story.get_absolute_url()).status_code == 404
    response = editor_client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
