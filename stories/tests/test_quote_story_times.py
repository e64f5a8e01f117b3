"""Each quote keeps its story's publication time, so a person's page reads their newest
quotes from an index, however the quote or the story was written."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import Quote, Story
from stories.tests.helpers import make_person, make_quote, make_story

pytestmark = pytest.mark.django_db


def test_loaded_quotes_take_their_story_s_time(fixture_stories):
    quotes = Quote.objects.select_related("story")
    assert quotes.exists()
    for quote in quotes:
        assert quote.story_published_at == quote.story.published_at


def test_a_story_moved_in_time_moves_its_quotes():
    story = make_story()
    make_quote(story, make_person())
    story.published_at -= timedelta(days=3)
    story.save()
    assert set(story.quotes.values_list("story_published_at", flat=True)) == {story.published_at}


def test_a_person_s_page_lists_the_newest_stories_first_whatever_order_they_were_written(client):
    speaker = make_person(slug="ada")
    now = timezone.now()
    older = make_story(headline="Older story", published_at=now - timedelta(days=9))
    newer = make_story(headline="Newer story", published_at=now - timedelta(days=1))
    make_quote(newer, speaker, text="Said lately.")
    make_quote(older, speaker, text="Said long ago.")
    Story.objects.filter(pk=older.pk).update(published_at=now - timedelta(days=10))
    older.refresh_from_db()
    older.save()
    html = client.get("/people/ada/").content.decode()
    assert html.index("Said lately.") < html.index("Said long ago.")
