"""Corrections and updates at the foot of a story; old addresses of a story answer 301."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from stories.models import Correction, SlugRedirect, Story
from stories.tests.helpers import add_inline_row, between, make_story, story_form_data

pytestmark = pytest.mark.django_db


def test_editor_appends_a_correction_shown_newest_first_and_escaped(editor_client, editor):
    story = make_story()
    Correction.objects.create(
        story=story, text="Earlier fix.", created_at=timezone.now() - timedelta(days=1)
    )
    data = add_inline_row(
        story_form_data(story),
        "corrections",
        {
            "kind": "update",
            "text": "Vote moved to <b>Friday</b> & later.",
            "created_at_0": timezone.now().strftime("%Y-%m-%d"),
            "created_at_1": timezone.now().strftime("%H:%M:%S"),
        },
    )
    assert editor_client.post(f"/admin/stories/story/{story.pk}/change/", data).status_code == 302
    added = Correction.objects.get(kind="update")
    assert added.created_by == editor
    html = Client().get(story.get_absolute_url()).content.decode()
    assert "Corrections and updates" in html
    assert "Vote moved to &lt;b&gt;Friday&lt;/b&gt; &amp; later." in html
    corrections = between(html, '<ul class="corrections">', "</ul>")
    assert corrections.index("Vote moved") < corrections.index("Earlier fix.")


def test_reporters_do_not_add_corrections(reporter_client):
    story = make_story(status=Story.Status.DRAFT, published_at=None)
    response = reporter_client.get(f"/admin/stories/story/{story.pk}/change/")
    formsets = {f.formset.prefix: f for f in response.context["inline_admin_formsets"]}
    assert "corrections" not in formsets or not formsets["corrections"].has_add_permission


def test_a_published_storys_old_slug_answers_301_to_the_new_one_in_one_hop(client):
    story = make_story(slug="first-slug")
    for slug in ["second-slug", "third-slug"]:
        story.slug = slug
        story.save()
    for old in ["first-slug", "second-slug"]:
        response = client.get(f"/stories/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/stories/third-slug/"
    assert client.get("/stories/third-slug/").status_code == 200


def test_a_drafts_slug_changes_leave_no_redirect():
    story = make_story(slug="draft-slug", status=Story.Status.DRAFT, published_at=None)
    story.slug = "better-slug"
    story.save()
    assert not SlugRedirect.objects.exists()


def test_a_new_story_may_take_an_old_slug(client):
    story = make_story(slug="taken")
    story.slug = "moved"
    story.save()
    newcomer = make_story(slug="taken", headline="A new story")
    assert not SlugRedirect.objects.filter(old_slug="taken").exists()
    assert client.get("/stories/taken/").context["story"] == newcomer


def test_unknown_slug_is_still_404(client):
    assert client.get("/stories/never-was/").status_code == 404


def test_an_unpublished_storys_old_slug_does_not_reveal_its_new_one(client, editor):
    story = make_story(slug="before")
    story.slug = "after"
    story.status = Story.Status.UNPUBLISHED
    story.save()

    assert client.get("/stories/before/").status_code == 404
    staff = Client()
    staff.force_login(editor)
    response = staff.get("/stories/before/")
    assert response.status_code == 301
    assert response["Location"] == "/stories/after/"
