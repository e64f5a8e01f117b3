"""Every save of a story keeps a revision of it with its quotes, links, corrections and tags;
the admin shows the history, compares two revisions and reverts; who changed what is listed."""

import json

import pytest
from django.test import Client
from django.utils import timezone
from reversion.models import Revision, Version

from media.tests.pictures import make_image
from stories.models import BodyImage, Quote, Story
from stories.tests.helpers import add_inline_row, make_person, make_story, story_form_data

pytestmark = pytest.mark.django_db


def edit(client, story: Story, **fields):
    story = Story.objects.get(pk=story.pk)
    data = story_form_data(story) | fields
    return data, client.post(f"/admin/stories/story/{story.pk}/change/", data)


@pytest.fixture
def story(editor_client):
    story = make_story(headline="Council meets", tags=["Budget"])
    edit(editor_client, story)  # the first revision, as found
    return story


def save_with_a_quote(client, story: Story, *, tags: str) -> None:
    """Save the story with a new headline, a quote added and ``tags``."""
    speaker = make_person(name="Karen Oduya")
    data = story_form_data(Story.objects.get(pk=story.pk), headline="Council passes budget")
    data = add_inline_row(
        data, "quotes", {"speaker": speaker.pk, "text": "We did it.", "position": 0}
    )
    data["tags"] = tags
    assert client.post(f"/admin/stories/story/{story.pk}/change/", data).status_code == 302


def versions_of(story: Story):
    return Version.objects.get_for_object(story)


def test_each_save_keeps_a_revision_with_its_user_quotes_and_tags(editor_client, story):
    save_with_a_quote(editor_client, story, tags="Budget")
    latest = versions_of(story).first().revision
    assert latest.user.username == "desk"
    saved = {version.content_type.model for version in latest.version_set.all()}
    assert {"story", "quote", "taggeditem"} <= saved


def test_history_page_lists_revisions_newest_first(editor_client, story):
    edit(editor_client, story, headline="Council passes budget")
    html = editor_client.get(f"/admin/stories/story/{story.pk}/history/").content.decode()
    assert html.count('name="older"') == 2
    assert "Compare the chosen versions" in html


def test_compare_shows_what_changed_between_two_revisions(editor_client, story):
    save_with_a_quote(editor_client, story, tags="Budget, City Hall")
    newer, older = versions_of(story)[:2]
    response = editor_client.get(
        f"/admin/stories/story/{story.pk}/history/compare/?older={older.pk}&newer={newer.pk}"
    )
    html = response.content.decode()
    assert "<del>Council meets</del>" in html
    assert "<ins>Council passes budget</ins>" in html
    assert "<ins>“We did it.”</ins>" in html
    assert "<ins>City Hall</ins>" in html


def test_revert_restores_the_story_its_quotes_and_tags_as_a_new_revision(editor_client, story):
    first = versions_of(story).first()
    save_with_a_quote(editor_client, story, tags="Schools")
    before_revert = Story.objects.get(pk=story.pk).version
    url = f"/admin/stories/story/{story.pk}/history/{first.pk}/"
    form = editor_client.get(url).context["adminform"].form
    assert form["headline"].value() == "Council meets"
    reverted = story_form_data(Story.objects.get(pk=story.pk)) | {
        "headline": "Council meets",
        "tags": "Budget",
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
    }
    assert editor_client.post(url, reverted).status_code == 302
    story.refresh_from_db()
    assert story.headline == "Council meets"
    assert not Quote.objects.filter(story=story).exists()
    assert list(story.tags.names()) == ["Budget"]
    assert story.version > before_revert  # forms opened before the revert are stale
    assert "Reverted to previous version" in versions_of(story).first().revision.get_comment()


def test_reporter_cannot_revert_a_published_story(story, reporter):
    reporter_client = Client()  # not the editor's: the story fixture logged that one in
    reporter_client.force_login(reporter)
    edit_data = story_form_data(Story.objects.get(pk=story.pk))
    first = versions_of(story).first()
    url = f"/admin/stories/story/{story.pk}/history/{first.pk}/"
    assert reporter_client.post(url, edit_data).status_code == 403
    assert versions_of(story).count() == 1


def test_reporter_cannot_unpublish_a_live_story_by_reverting_to_its_draft(editor_client, reporter):
    """The revert writes the draft revision back before the form runs; the permission check
    and the status rule still read the story as it is stored: published."""
    draft = make_story(headline="Council meets", status=Story.Status.DRAFT, published_at=None)
    edit(editor_client, draft)  # the draft revision
    edit(editor_client, draft, status="published")
    draft_revision = versions_of(draft).last()
    reporter_client = Client()
    reporter_client.force_login(reporter)
    url = f"/admin/stories/story/{draft.pk}/history/{draft_revision.pk}/"
    form = story_form_data(Story.objects.get(pk=draft.pk)) | {
        "headline": "Rewritten by a reporter",
        "status": "draft",
    }
    assert reporter_client.post(url, form).status_code == 403
    stored = Story.objects.get(pk=draft.pk)
    assert (stored.headline, stored.status) == ("Council meets", Story.Status.PUBLISHED)
    assert reporter_client.get(stored.get_absolute_url()).status_code == 200


def test_change_log_lists_who_changed_what_filterable_by_user(editor_client, story, editor):
    edit(editor_client, story, headline="Council passes budget")
    response = editor_client.get(f"/admin/reversion/revision/?user__id__exact={editor.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Council passes budget" in html
    assert f"/admin/stories/story/{story.pk}/history/" in html
    assert Revision.objects.filter(user=editor).count() == 2


def test_story_list_shows_and_filters_who_changed_last(editor_client, story, editor):
    html = editor_client.get(f"/admin/stories/story/?updated_by__id__exact={editor.pk}")
    assert "Council meets" in html.content.decode()


def test_a_status_change_by_the_service_is_a_revision(editor):
    from stories.workflow import story_transition

    story = make_story(status=Story.Status.REVIEW, published_at=None)
    story_transition(story=story, status=Story.Status.PUBLISHED, user=editor)
    revision = versions_of(story).get().revision
    assert revision.user == editor
    assert "Published" in revision.get_comment()


def test_a_headline_edit_from_a_browser_form_changes_only_the_headline(editor_client, story):
    """Browsers send textarea line breaks as CRLF; the body must not read as changed."""
    crlf_body = Story.objects.get(pk=story.pk).body.replace("\n", "\r\n")
    edit(editor_client, story, headline="Council passes budget", body=crlf_body)
    assert "\r" not in Story.objects.get(pk=story.pk).body
    newer, older = versions_of(story)[:2]
    response = editor_client.get(
        f"/admin/stories/story/{story.pk}/history/compare/?older={older.pk}&newer={newer.pk}"
    )
    assert [change["label"] for change in response.context["field_changes"]] == ["headline"]


@pytest.mark.parametrize(
    "query",
    ["older=abc&newer=1", "older=1", "older=-1&newer=1", "older=1&newer=99999999999999999999"],
)
def test_a_comparison_of_revisions_that_are_not_numbers_is_400(editor_client, story, query):
    url = f"/admin/stories/story/{story.pk}/history/compare/?{query}"
    assert editor_client.get(url).status_code == 400


def test_a_revert_brings_back_the_lead_image(editor_client, story):
    first, second = make_image(title="First"), make_image(title="Second")
    edit(editor_client, story, lead_image=first.pk)
    with_first = versions_of(story).first()
    edit(editor_client, story, lead_image=second.pk)
    assert Story.objects.get(pk=story.pk).lead_image == second
    url = f"/admin/stories/story/{story.pk}/history/{with_first.pk}/"
    form = editor_client.get(url).context["adminform"].form
    assert str(form["lead_image"].value()) == str(first.pk)
    reverted = story_form_data(Story.objects.get(pk=story.pk)) | {"lead_image": first.pk}
    assert editor_client.post(url, reverted).status_code == 302
    assert Story.objects.get(pk=story.pk).lead_image == first


def test_a_revert_brings_back_the_bodys_markup_and_the_pictures_it_holds(editor_client, story):
    photo = make_image(title="Chamber")
    picture = f'<figure data-image="{photo.pk}"></figure>'
    rich = f"<h2>The vote</h2><p>It <strong>passed</strong>.</p>{picture}"
    edit(editor_client, story, body=rich)
    with_picture = versions_of(story).first()
    edit(editor_client, story, body="<p>Plain now.</p>")
    assert not BodyImage.objects.filter(story=story).exists()
    url = f"/admin/stories/story/{story.pk}/history/{with_picture.pk}/"
    form = editor_client.get(url).context["adminform"].form
    assert form["body"].value() == rich
    reverted = story_form_data(Story.objects.get(pk=story.pk)) | {"body": form["body"].value()}
    assert editor_client.post(url, reverted).status_code == 302
    story.refresh_from_db()
    assert story.body == rich
    assert story.body_text == "The vote\n\nIt passed."
    assert list(BodyImage.objects.filter(story=story).values_list("image", flat=True)) == [photo.pk]


def test_a_revision_from_before_rich_bodies_reverts_as_paragraphs(editor_client, story):
    version = versions_of(story).first()
    data = json.loads(version.serialized_data)
    data[0]["fields"]["body"] = "Old first <b>paragraph</b>.\n\nOld second."
    version.serialized_data = json.dumps(data)
    version.save()
    version.revision.revert()
    story.refresh_from_db()
    assert story.body == "<p>Old first &lt;b&gt;paragraph&lt;/b&gt;.</p><p>Old second.</p>"
    assert story.body_text == "Old first <b>paragraph</b>.\n\nOld second."


def compared_bodies(client, story: Story, before: str, after: str) -> str:
    """The comparison page of two revisions saved with these bodies."""
    edit(client, story, body=before)
    older = versions_of(story).first()
    edit(client, story, body=after)
    newer = versions_of(story).first()
    url = f"/admin/stories/story/{story.pk}/history/compare/?older={older.pk}&newer={newer.pk}"
    return client.get(url).content.decode()


def test_the_comparison_shows_the_words_that_changed_not_whole_paragraphs(editor_client, story):
    html = compared_bodies(
        editor_client,
        story,
        "<p>The council met on Monday.</p><p>It voted.</p>",
        "<p>The council met on Tuesday.</p><p>It <em>voted</em>.</p>",
    )
    assert "<p>The council met on <del>Monday.</del> <ins>Tuesday.</ins></p>" in html
    assert "<p>It voted.</p>" in html
    assert "&lt;p&gt;" not in html


def test_a_change_of_markup_alone_is_said_so(editor_client, story):
    linked = '<p>Read <a href="https://c.example/">the minutes</a>.</p>'
    html = compared_bodies(editor_client, story, "<p>Read the minutes.</p>", linked)
    assert "The words are the same; their markup changed" in html


def test_a_save_from_the_form_shows_no_publication_time_change_nobody_made(editor_client):
    story = make_story(published_at=timezone.now().replace(microsecond=123456))
    edit(editor_client, story)
    older = versions_of(story).first()
    edit(editor_client, story, headline="Council passes budget")
    newer = versions_of(story).first()
    url = f"/admin/stories/story/{story.pk}/history/compare/?older={older.pk}&newer={newer.pk}"
    changes = editor_client.get(url).context["field_changes"]
    assert [str(change["label"]) for change in changes] == ["headline"]
