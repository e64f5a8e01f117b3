"""A reporter names a new speaker on the quote row itself: the person is created with the
story's save, an existing name is reused, and a row with neither or both is refused with
nothing saved."""

import pytest

from stories.models import Person, Quote, Story
from stories.tests.helpers import add_inline_row, make_person, make_story, save, story_form_data

pytestmark = pytest.mark.django_db


def with_quote(story: Story, **row) -> dict:
    data = story_form_data(Story.objects.get(pk=story.pk))
    return add_inline_row(data, "quotes", {"text": "We did it.", "position": 0, **row})


def test_a_new_speaker_typed_on_the_row_is_created_with_the_story(editor_client):
    story = make_story()
    response = save(editor_client, story, with_quote(story, new_speaker="  Karen   Oduya "))
    assert response.status_code == 302
    quote = Quote.objects.get(story=story)
    assert quote.speaker.name == "Karen Oduya"
    assert quote.speaker.slug == "karen-oduya"
    assert Person.objects.count() == 1


def test_a_name_the_site_knows_is_that_person_not_a_second_one(editor_client):
    known = make_person(name="Karen Oduya")
    story = make_story()
    assert (
        save(editor_client, story, with_quote(story, new_speaker="karen oduya")).status_code == 302
    )
    assert Quote.objects.get(story=story).speaker == known
    assert Person.objects.count() == 1


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({}, "Choose the speaker, or type the name of a new one."),
        ({"new_speaker": "Karen Oduya", "speaker": "PERSON"}, "not both"),
    ],
)
def test_a_row_with_no_speaker_or_two_is_refused_and_nothing_is_created(
    editor_client, row, message
):
    other = make_person(name="Someone Else")
    story = make_story()
    row = {key: other.pk if value == "PERSON" else value for key, value in row.items()}
    response = save(editor_client, story, with_quote(story, **row))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Quote.objects.filter(story=story).exists()
    assert list(Person.objects.values_list("name", flat=True)) == ["Someone Else"]


def test_a_refused_story_creates_no_speaker(editor_client):
    story = make_story()
    data = with_quote(story, new_speaker="Karen Oduya") | {"headline": ""}
    assert save(editor_client, story, data).status_code == 200
    assert not Person.objects.filter(name="Karen Oduya").exists()
