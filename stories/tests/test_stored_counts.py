"""The stored counts (a tag's published stories, a person's public quotes) stay what counting
the archive would give, whichever way a story, its tags or its quotes change."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from stories.bulk import stories_tag
from stories.counts import counts_rebuild, publications_due_sweep
from stories.models import Person, Quote, Story, TagCount, public_quote_q, published_q
from stories.tag_services import tags_merge
from stories.tests.helpers import make_person, make_quote, make_story

pytestmark = pytest.mark.django_db


def stored_counts() -> tuple[dict, dict]:
    tags = {count.tag.name: count.stories for count in TagCount.objects.select_related("tag")}
    people = dict(Person.objects.values_list("name", "public_quote_count"))
    return {name: number for name, number in tags.items() if number}, people


def counted_from_the_archive() -> tuple[dict, dict]:
    tags = {}
    for tag in Tag.objects.all():
        number = Story.objects.published().tagged(tag).count()
        if number:
            tags[tag.name] = number
    people = {
        person.name: Quote.objects.filter(public_quote_q(), speaker=person).count()
        for person in Person.objects.all()
    }
    return tags, people


def assert_counts_exact():
    assert stored_counts() == counted_from_the_archive()


def test_publishing_and_unpublishing_count_a_story_in_and_out():
    speaker = make_person(name="Ada Mayor")
    story = make_story(tags=["Budget", "Transit"], status=Story.Status.DRAFT, published_at=None)
    make_quote(story, speaker)
    assert stored_counts() == ({}, {"Ada Mayor": 0})

    story.status = Story.Status.PUBLISHED
    story.published_at = timezone.now()
    story.save()
    assert stored_counts() == ({"Budget": 1, "Transit": 1}, {"Ada Mayor": 1})

    story.status = Story.Status.UNPUBLISHED
    story.save()
    assert stored_counts() == ({}, {"Ada Mayor": 0})


def test_tags_and_quotes_changed_on_a_published_story_change_the_counts():
    first, second = make_person(name="First"), make_person(name="Second")
    story = make_story(tags=["Budget"])
    quote = make_quote(story, first)
    make_quote(story, first, is_fragment=True)
    story.tags.add("Transit")
    story.tags.remove("Budget")
    assert_counts_exact()
    quote.speaker = second
    quote.save()
    assert stored_counts()[1] == {"First": 0, "Second": 1}
    quote.delete()
    story.tags.clear()
    assert stored_counts() == ({}, {"First": 0, "Second": 0})


def test_a_quote_made_a_fragment_moved_or_given_back_keeps_the_counts_exact():
    first, second = make_person(name="First"), make_person(name="Second")
    story, draft = make_story(), make_story(status=Story.Status.DRAFT, published_at=None)
    quote = make_quote(story, first)
    make_quote(draft, second)
    for change in (
        {"is_fragment": True},
        {"is_fragment": False},
        {"story": draft},
        {"speaker": second},
        {"story": story},
        {"speaker": first, "is_fragment": True},
    ):
        for name, value in change.items():
            setattr(quote, name, value)
        quote.save()
        assert_counts_exact()
    Quote.objects.get(pk=quote.pk).delete()
    assert_counts_exact()


def test_a_quote_saved_adds_to_its_speakers_count_without_counting_their_quotes():
    speaker = make_person(name="Prolific")
    story = make_story()
    for _ in range(5):
        make_quote(story, speaker)
    with CaptureQueriesContext(connection) as queries:
        quote = make_quote(story, speaker)
        quote.delete()
    counting = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert counting == []
    assert stored_counts()[1] == {"Prolific": 5}


def test_a_person_saved_from_an_old_instance_keeps_the_count_of_quotes_added_since():
    speaker = make_person(name="Renamed")
    story = make_story()
    quote = make_quote(story, speaker)
    make_quote(story, speaker)
    speaker.name = "Renamed Again"  # this instance was read before its quotes were counted
    speaker.save()
    assert stored_counts()[1] == {"Renamed Again": 2}
    quote.delete()
    assert stored_counts()[1] == {"Renamed Again": 1}


def test_a_deleted_story_leaves_the_counts():
    story = make_story(tags=["Budget", "Transit"])
    speaker = make_person(name="Speaker")
    make_quote(story, speaker)
    make_quote(story, speaker)
    make_quote(make_story(tags=["Budget"]), speaker)
    story.delete()
    assert stored_counts() == ({"Budget": 1}, {"Speaker": 1})


def test_a_scheduled_story_is_counted_by_the_first_request_after_its_time(client, monkeypatch):
    soon = timezone.now() + timedelta(minutes=5)
    make_story(tags=["Embargoed"], published_at=soon)
    client.get("/")
    assert stored_counts()[0] == {}
    assert client.get("/tags/").content.decode().count("Embargoed") == 0

    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Embargoed" in client.get("/tags/").content.decode()
    assert stored_counts()[0] == {"Embargoed": 1}


def test_a_request_with_nothing_due_costs_no_query_for_the_sweep():
    make_story(tags=["Budget"], published_at=timezone.now() + timedelta(days=1))
    with CaptureQueriesContext(connection) as queries:
        assert publications_due_sweep() == 0
    assert len(queries) == 0


def test_bulk_tagging_and_merging_keep_the_counts_exact(editor):
    stories = [make_story(tags=["Old"]) for _ in range(3)]
    draft = make_story(tags=["Old"], status=Story.Status.DRAFT, published_at=None)
    stories_tag(stories=[*stories, draft], add=["Budget"], remove=["Old"], user=editor)
    assert_counts_exact()
    make_story(tags=["Spending"])
    stories[0].tags.add("Spending")
    tags_merge(
        tags=Tag.objects.filter(name__in=["Spending"]),
        into=Tag.objects.get(name="Budget"),
        user=editor,
    )
    assert stored_counts()[0] == {"Budget": 4}
    assert_counts_exact()


def test_loaded_fixtures_are_counted_by_the_first_request(client, fixture_stories):
    assert stored_counts()[0] == {}
    client.get("/")
    assert_counts_exact()
    assert stored_counts()[0]


def test_rebuild_gives_the_counts_from_the_archive():
    make_quote(make_story(tags=["Budget"]), make_person(name="Speaker"))
    TagCount.objects.update(stories=7)
    Person.objects.update(public_quote_count=3)
    Story.objects.update(is_counted=False)
    counts_rebuild()
    assert_counts_exact()
    assert (
        Story.objects.filter(is_counted=True).count() == Story.objects.filter(published_q()).count()
    )


def test_refresh_counts_command_rebuilds_them(capsys):
    make_story(tags=["Budget"])
    TagCount.objects.update(stories=0)
    call_command("refresh_counts")
    assert stored_counts()[0] == {"Budget": 1}
    assert "Counted" in capsys.readouterr().out
