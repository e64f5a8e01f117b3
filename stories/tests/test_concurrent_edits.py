"""Two people edit one story: the save made from a form opened before the other's save is
refused, names who saved and when, keeps the input, shows their change, overwrites nothing."""

import pytest

from stories.models import Quote, Story
from stories.tests.helpers import (
    add_inline_row,
    desk_client,
    make_person,
    make_quote,
    make_story,
    opened_form,
    save,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return make_story(status=Story.Status.DRAFT, published_at=None, headline="Council meets")


@pytest.fixture
def alice():
    return desk_client("alice")


@pytest.fixture
def bob():
    return desk_client("bob", group="Reporter")


def test_second_save_of_a_stale_form_is_refused_and_keeps_its_input(story, alice, bob):
    alice_form, bob_form = opened_form(alice, story), opened_form(bob, story)
    assert save(alice, story, alice_form | {"headline": "Council passes budget"}).status_code == 302
    response = save(bob, story, bob_form | {"headline": "Council delays vote"})
    assert response.status_code == 200
    form = response.context["adminform"].form
    error = " ".join(form.non_field_errors())
    assert "alice saved this story at" in error
    assert "Council passes budget" in error  # their change, shown
    assert form["headline"].value() == "Council delays vote"  # bob's input, kept
    story.refresh_from_db()
    assert story.headline == "Council passes budget"
    assert story.updated_by.username == "alice"


def test_a_form_posted_without_its_version_is_refused_like_a_stale_one(story, alice, bob):
    old_form = opened_form(alice, story)
    assert save(bob, story, opened_form(bob, story) | {"headline": "Newer"}).status_code == 302
    del old_form["opened_version"]
    response = save(alice, story, old_form | {"headline": "Older"})
    assert response.status_code == 200
    assert "bob saved this story at" in " ".join(
        response.context["adminform"].form.non_field_errors()
    )
    story.refresh_from_db()
    assert story.headline == "Newer"


def test_saving_again_after_seeing_the_conflict_is_a_deliberate_overwrite(story, alice, bob):
    alice_form, bob_form = opened_form(alice, story), opened_form(bob, story)
    save(alice, story, alice_form | {"headline": "Council passes budget"})
    refused = save(bob, story, bob_form | {"headline": "Council delays vote"})
    retry = refused.context["adminform"].form["opened_version"].value()
    response = save(
        bob, story, bob_form | {"headline": "Council delays vote", "opened_version": retry}
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.headline == "Council delays vote"


def test_a_change_to_the_inlines_alone_also_protects_the_story(story, alice, bob):
    speaker = make_person(name="Karen Oduya")
    alice_form, bob_form = opened_form(alice, story), opened_form(bob, story)
    alice_form = add_inline_row(
        alice_form, "quotes", {"speaker": speaker.pk, "text": "We did it.", "position": 0}
    )
    assert save(alice, story, alice_form).status_code == 302
    response = save(bob, story, bob_form | {"dek": "A late vote."})
    assert response.status_code == 200
    assert list(story.quotes.values_list("text", flat=True)) == ["We did it."]
    story.refresh_from_db()
    assert story.dek == ""


def test_tags_changed_by_one_are_shown_to_the_other(story, alice, bob):
    alice_form, bob_form = opened_form(alice, story), opened_form(bob, story)
    save(alice, story, alice_form | {"tags": "Budget, City Hall"})
    response = save(bob, story, bob_form | {"tags": "Schools"})
    error = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Budget" in error
    assert "City Hall" in error
    assert sorted(story.tags.names()) == ["Budget", "City Hall"]


def test_a_quote_edited_on_its_own_page_protects_the_story_form(story, alice, bob):
    quote = make_quote(story, make_person(), text="Original words.")
    bob_form = opened_form(bob, story)
    response = alice.post(
        f"/admin/stories/quote/{quote.pk}/change/",
        {"story": story.pk, "speaker": quote.speaker_id, "text": "Corrected words.", "position": 0},
    )
    assert response.status_code == 302
    response = save(bob, story, bob_form | {"headline": "Council meets again"})
    assert response.status_code == 200
    assert Quote.objects.get(pk=quote.pk).text == "Corrected words."


def test_each_save_raises_the_version_once(story, alice):
    form = opened_form(alice, story)
    save(alice, story, form | {"headline": "One"})
    save(alice, story, opened_form(alice, story) | {"headline": "Two"})
    story.refresh_from_db()
    assert story.version == 3
