"""Editors credit authors on the story form, in byline order; the history keeps them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from authors.models import Author
from stories.models import Story, StoryAuthor
from stories.tests.helpers import add_inline_row, credit, make_author, make_story, story_form_data

pytestmark = pytest.mark.django_db


def byline_of(story: Story) -> list[str]:
    return [
        author.name
        for author in Story.objects.get(pk=story.pk).authors.order_by("story_credits__position")
    ]


def test_the_story_form_credits_authors_in_the_order_given(editor_client):
    first, second = make_author(name="Jane Doe"), make_author(name="John Roe")
    story = make_story(headline="Council meets")
    data = story_form_data(Story.objects.get(pk=story.pk))
    data = add_inline_row(data, "story_authors", {"author": second.pk, "position": 0})
    data = add_inline_row(data, "story_authors", {"author": first.pk, "position": 1})
    response = editor_client.post(f"/admin/stories/story/{story.pk}/change/", data)
    assert response.status_code == 302
    assert byline_of(story) == ["John Roe", "Jane Doe"]


def test_an_author_credited_twice_is_a_form_error_and_nothing_is_saved(editor_client):
    author = make_author(name="Jane Doe")
    story = make_story(headline="Council meets")
    data = story_form_data(Story.objects.get(pk=story.pk), headline="Changed")
    data = add_inline_row(data, "story_authors", {"author": author.pk, "position": 0})
    data = add_inline_row(data, "story_authors", {"author": author.pk, "position": 1})
    response = editor_client.post(f"/admin/stories/story/{story.pk}/change/", data)
    assert response.status_code == 200
    assert "Please correct the duplicate data for author" in response.content.decode()
    assert Story.objects.get(pk=story.pk).headline == "Council meets"
    assert not StoryAuthor.objects.exists()


def test_the_change_form_shows_the_credited_authors_without_a_query_each(editor_client):
    few = credit(make_story(), make_author())
    many = credit(make_story(), *[make_author() for _ in range(8)])

    def queries(story):
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(f"/admin/stories/story/{story.pk}/change/").status_code == 200
        return len(captured)

    queries(few)
    assert queries(few) == queries(many)


def test_a_revert_brings_back_the_byline(editor_client):
    jane, john = make_author(name="Jane Doe"), make_author(name="John Roe")
    story = credit(make_story(headline="Council meets"), jane)
    data = story_form_data(Story.objects.get(pk=story.pk))
    assert editor_client.post(f"/admin/stories/story/{story.pk}/change/", data).status_code == 302
    with_jane = Version.objects.get_for_object(story).first()
    data = story_form_data(Story.objects.get(pk=story.pk))
    data["story_authors-0-author"] = john.pk
    assert editor_client.post(f"/admin/stories/story/{story.pk}/change/", data).status_code == 302
    assert byline_of(story) == ["John Roe"]
    url = f"/admin/stories/story/{story.pk}/history/{with_jane.pk}/"
    formsets = editor_client.get(url).context["inline_admin_formsets"]
    byline = next(f.formset for f in formsets if f.formset.prefix == "story_authors")
    assert [form["author"].value() for form in byline.forms] == [jane.pk]
    reverted = story_form_data(Story.objects.get(pk=story.pk))
    reverted["story_authors-0-author"] = jane.pk
    assert editor_client.post(url, reverted).status_code == 302
    assert byline_of(story) == ["Jane Doe"]


def test_an_author_with_stories_cannot_be_deleted_from_under_them(editor_client):
    author = make_author(name="Jane Doe")
    credit(make_story(), author)
    response = editor_client.post(f"/admin/authors/author/{author.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in (
        response.content.decode()
    )


def test_a_reporter_may_add_a_guest_author_but_not_delete_one(reporter_client):
    response = reporter_client.post(
        "/admin/authors/author/add/",
        {"name": "Guest Writer", "slug": "guest-writer", "links": "https://example.org/guest"},
    )
    assert response.status_code == 302
    author = make_author()
    assert reporter_client.get(f"/admin/authors/author/{author.pk}/delete/").status_code == 403


def profile_form(author, **changes) -> dict:
    fields = {"name": author.name, "slug": author.slug, "role": "", "bio": "", "email": ""}
    return fields | {"links": "", "user": author.user_id or ""} | changes


def test_a_reporter_changes_their_own_profile_and_guests_but_not_a_colleagues(
    reporter_client, reporter, editor
):
    own = make_author(name="Cub Reporter", user=reporter)
    guest = make_author(name="Guest Writer")
    colleague = make_author(name="Desk Editor", user=editor)
    for author in (own, guest):
        url = f"/admin/authors/author/{author.pk}/change/"
        response = reporter_client.post(url, profile_form(author, role="Writer"))
        assert response.status_code == 302
    url = f"/admin/authors/author/{colleague.pk}/change/"
    response = reporter_client.post(url, profile_form(colleague, name="Someone Else"))
    assert response.status_code == 403
    assert [author.name for author in Author.objects.order_by("pk")] == [
        "Cub Reporter",
        "Guest Writer",
        "Desk Editor",
    ]
    assert reporter_client.get(url).status_code == 200  # they still read it


def test_only_an_editor_says_which_staff_account_a_profile_belongs_to(
    reporter_client, reporter, editor
):
    guest = make_author(name="Guest Writer")
    url = f"/admin/authors/author/{guest.pk}/change/"
    reporter_client.post(url, profile_form(guest, user=reporter.pk))
    assert Author.objects.get(pk=guest.pk).user is None
    reporter_client.force_login(editor)
    reporter_client.post(url, profile_form(guest, user=reporter.pk))
    assert Author.objects.get(pk=guest.pk).user == reporter
