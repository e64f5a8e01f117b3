"""A story's lead image, as editors choose it: alt text before publication unless the picture
is decorative, whether the story is saved from its form or published from the list; a picture
in use cannot be deleted from under a story; the form reads no more for having one."""

import pytest
from django.db.models import ProtectedError

from media.tests.pictures import make_image
from stories.models import Story
from stories.tests.helpers import count_queries, make_story, opened_form, save, story_form_data

pytestmark = pytest.mark.django_db

NEEDS_ALT = "The lead image needs alt text before the story is published"


def test_a_story_with_a_lead_image_without_alt_text_cannot_be_published(editor_client):
    blank = make_image(alt_text="")
    response = editor_client.post(
        "/admin/stories/story/add/", story_form_data(lead_image=blank.pk, status="published")
    )
    assert response.status_code == 200
    assert NEEDS_ALT in str(response.context["adminform"].form.errors["lead_image"])
    assert not Story.objects.exists()


def test_a_draft_may_wait_for_its_alt_text(editor_client):
    blank = make_image(alt_text="")
    data = story_form_data(lead_image=blank.pk, status="draft")
    del data["published_at_0"], data["published_at_1"]
    response = editor_client.post("/admin/stories/story/add/", data)
    assert response.status_code == 302
    assert Story.objects.get().lead_image == blank


@pytest.mark.parametrize("fields", [{"alt_text": "A council meeting"}, {"is_decorative": True}])
def test_alt_text_or_a_decorative_picture_lets_the_story_be_published(editor_client, fields):
    image = make_image(**({"alt_text": ""} | fields))
    response = editor_client.post(
        "/admin/stories/story/add/", story_form_data(lead_image=image.pk, status="published")
    )
    assert response.status_code == 302
    story = Story.objects.get()
    assert story.lead_image == image
    assert story.status == Story.Status.PUBLISHED


def test_publishing_from_the_list_refuses_the_story_and_says_why(editor_client):
    waiting = make_story(status=Story.Status.REVIEW, lead_image=make_image(alt_text=""))
    ready = make_story(status=Story.Status.REVIEW, lead_image=make_image())
    response = editor_client.post(
        "/admin/stories/story/",
        {"action": "publish", "_selected_action": [waiting.pk, ready.pk]},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert any(NEEDS_ALT in message and waiting.headline in message for message in messages)
    assert "1 story is now Published." in messages
    waiting.refresh_from_db()
    ready.refresh_from_db()
    assert waiting.status == Story.Status.REVIEW
    assert ready.status == Story.Status.PUBLISHED


def test_a_picture_leading_a_story_cannot_be_deleted(editor_client):
    image = make_image()
    make_story(lead_image=image)
    with pytest.raises(ProtectedError):
        image.delete()
    response = editor_client.post(f"/admin/media/image/{image.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert "protected" in response.content.decode().lower()


def test_the_form_keeps_the_lead_image_and_offers_the_library(editor_client):
    image = make_image(title="Council chamber")
    story = make_story(lead_image=image)
    form = editor_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert 'data-field-name="lead_image"' in form
    assert "Council chamber" in form
    response = save(editor_client, story, opened_form(editor_client, story))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.lead_image == image


def test_the_change_form_reads_one_query_more_for_a_lead_image_however_many_stories_use_it(
    editor_client,
):
    plain = make_story()
    image = make_image()
    pictured = make_story(lead_image=image)
    for _ in range(5):
        make_story(lead_image=image)
    plain_form = count_queries(editor_client, f"/admin/stories/story/{plain.pk}/change/")
    pictured_form = count_queries(editor_client, f"/admin/stories/story/{pictured.pk}/change/")
    assert pictured_form <= plain_form + 1


def test_reporters_may_upload_pictures_but_not_delete_them(reporter_client):
    assert reporter_client.get("/admin/media/image/add/").status_code == 200
    image = make_image()
    assert reporter_client.get(f"/admin/media/image/{image.pk}/delete/").status_code == 403
