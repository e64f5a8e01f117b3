"""Reporters change the people their drafts quote; a person quoted in a story that has left
the desk is on readers' pages, and only editors change them."""

import pytest

from stories.models import Person, Story
from stories.tests.helpers import make_person, make_quote, make_story

pytestmark = pytest.mark.django_db


def person_form(person: Person, **changes) -> dict:
    data = {
        "name": person.name,
        "slug": person.slug,
        "title": person.title,
        "aliases": person.aliases,
        "handle": person.handle,
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
        "quotes-MIN_NUM_FORMS": "0",
        "quotes-MAX_NUM_FORMS": "1000",
    }
    return data | changes


def quoted_in(status: str) -> Person:
    person = make_person(name="Ada Mensah", title="Harbour master")
    make_quote(make_story(status=status), person, text="The bridge is safe.")
    return person


def change_url(person: Person) -> str:
    return f"/admin/stories/person/{person.pk}/change/"


def test_a_reporter_changes_a_person_only_their_drafts_quote(reporter_client):
    person = quoted_in(Story.Status.DRAFT)
    response = reporter_client.post(change_url(person), person_form(person, title="Port director"))
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).title == "Port director"


@pytest.mark.parametrize("status", [Story.Status.PUBLISHED, Story.Status.UNPUBLISHED])
def test_a_reporter_may_only_view_a_person_readers_see(reporter_client, status):
    person = quoted_in(status)
    page = reporter_client.get(change_url(person)).content.decode()
    assert 'name="_save"' not in page
    response = reporter_client.post(change_url(person), person_form(person, title="Impostor"))
    assert response.status_code == 403
    assert Person.objects.get(pk=person.pk).title == "Harbour master"


def test_an_editor_changes_a_person_readers_see(editor_client):
    person = quoted_in(Story.Status.PUBLISHED)
    response = editor_client.post(change_url(person), person_form(person, title="Port director"))
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).title == "Port director"
