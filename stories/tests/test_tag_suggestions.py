"""The story form suggests the existing tags that fit, and refuses near-duplicate new tags."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from taggit.models import Tag

from stories.tag_suggestions import suggested_tags
from stories.tagging import NEAR_DUPLICATE, near_duplicate, tag_key
from stories.tests.helpers import (
    between,
    make_person,
    make_quote,
    make_story,
    page_html,
    story_form_data,
)

pytestmark = pytest.mark.django_db


def names(tags) -> list[str]:
    return [tag.name for tag in tags]


def make_tags(*tag_names: str) -> None:
    for name in tag_names:
        Tag.objects.create(name=name)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Election 2020", "election-2020"), ("U.S.", "US"), ("Mike Pence", "mike  pence!")],
)
def test_case_spacing_and_punctuation_do_not_make_another_tag(one, other):
    assert tag_key(one) == tag_key(other)
    make_tags(one)
    assert near_duplicate(other).name == one


def test_the_same_name_or_different_words_are_not_near_duplicates():
    make_tags("Election 2020")
    assert near_duplicate("election 2020") is None
    assert near_duplicate("2020 Election") is None
    assert near_duplicate("Elections") is None


def test_suggests_speakers_then_headline_words_but_not_current_tags():
    make_tags("Mike Pence", "Electoral College", "Congress", "College Sports", "Pence Family")
    pence = make_person(name="Mike Pence", aliases="Pence\nMr. Pence")

    suggestions = suggested_tags(
        headline="Congress counts the Electoral College votes",
        speakers=[pence],
        current=["congress"],
    )

    assert names(suggestions) == ["Mike Pence", "Electoral College"]


def test_suggests_a_tag_named_like_an_alias():
    make_tags("Pence")
    speaker = make_person(name="Mike Pence", aliases="Pence")
    assert names(suggested_tags(headline="", speakers=[speaker])) == ["Pence"]


def test_change_form_offers_the_suggestions_as_buttons(editor_client):
    make_tags("Harbour Authority", "Ada Brennan", "Weather")
    story = make_story(headline="Harbour Authority raises fees", tags=["Weather"])
    make_quote(story, make_person(name="Ada Brennan"))

    html = page_html(editor_client, f"/admin/stories/story/{story.pk}/change/")

    box = between(html, 'class="tag-suggestions"', "</div>")
    assert 'data-tag="Ada Brennan"' in box
    assert 'data-tag="Harbour Authority"' in box
    assert "Weather" not in box
    assert "stories/admin/tag_suggestions.js" in html


def test_suggestions_follow_the_headline_being_typed(editor_client):
    make_tags("Budget", "City Council", "Parks")

    response = editor_client.get(
        "/admin/stories/story/tag-suggestions/",
        {"headline": "City council passes the budget", "tags": "Budget"},
    )

    assert response.json() == {"tags": ["City Council"]}


def test_suggestions_are_for_staff_with_story_permissions(client):
    assert client.get("/admin/stories/story/tag-suggestions/").status_code == 302
    get_user_model().objects.create_user("visitor", password="x", is_staff=True)
    staff = Client()
    staff.force_login(get_user_model().objects.get(username="visitor"))
    assert staff.get("/admin/stories/story/tag-suggestions/").status_code == 403


def test_story_form_refuses_a_new_tag_that_repeats_an_existing_one(editor_client):
    make_tags("Election 2020")
    story = make_story(headline="Count", tags=["Weather"])

    response = editor_client.post(
        f"/admin/stories/story/{story.pk}/change/",
        story_form_data(story, tags="election-2020, Recount"),
    )

    assert response.status_code == 200
    message = NEAR_DUPLICATE.format(name="election-2020", existing="Election 2020")
    assert message in response.content.decode()
    assert names(story.tags.all()) == ["Weather"]
    assert not Tag.objects.filter(name="Recount").exists()


def test_story_form_accepts_an_existing_tag_in_another_case(editor_client):
    make_tags("Election 2020")
    story = make_story(headline="Count")

    response = editor_client.post(
        f"/admin/stories/story/{story.pk}/change/", story_form_data(story, tags="election 2020,")
    )

    assert response.status_code == 302
    assert names(story.tags.all()) == ["Election 2020"]
    assert Tag.objects.count() == 1
