"""The story page's furniture: the publication date and time, an "Updated" line once the
story changed after publication, a reading time, share links that load nothing from the
networks, and unresolved related headlines that lead to a search."""

from datetime import UTC, datetime, timedelta

import pytest

from stories.models import Correction, Story
from stories.tests.helpers import (
    STORY_PAGE_QUERIES,
    count_queries,
    make_link,
    make_story,
    page_html,
)

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2021, 1, 6, 17, 5, tzinfo=UTC)


def published_story(**fields) -> Story:
    story = make_story(published_at=PUBLISHED, **fields)
    Story.objects.filter(pk=story.pk).update(updated_at=PUBLISHED + timedelta(seconds=20))
    return story


def test_the_page_gives_the_publication_date_and_time(client):
    html = page_html(client, published_story().get_absolute_url())
    assert (
        '<time datetime="2021-01-06T17:05:00+00:00">January 6, 2021, 5:05 p.m. UTC</time>' in html
    )
    assert "story__updated" not in html  # saved within a minute of publication


def test_an_edit_after_publication_shows_when_it_was_updated(client):
    story = published_story()
    Story.objects.filter(pk=story.pk).update(updated_at=PUBLISHED + timedelta(hours=3))
    html = page_html(client, story.get_absolute_url())
    assert (
        '<span class="story__updated">Updated <time datetime="2021-01-06T20:05:00+00:00">'
        "January 6, 2021, 8:05 p.m. UTC</time></span>"
    ) in html


def test_a_correction_shows_the_story_as_updated(client):
    story = published_story()
    Correction.objects.create(
        story=story,
        text="An earlier version misstated the vote.",
        created_at=PUBLISHED + timedelta(days=1),
    )
    # whatever the story's own last save says, the correction's time counts
    Story.objects.filter(pk=story.pk).update(updated_at=PUBLISHED + timedelta(seconds=20))
    html = page_html(client, story.get_absolute_url())
    assert 'Updated <time datetime="2021-01-07T17:05:00+00:00">' in html


@pytest.mark.parametrize(("words", "minutes"), [(12, 1), (460, 2), (1150, 5)])
def test_the_reading_time_follows_the_words(client, words, minutes):
    story = published_story(body="<p>" + "word " * words + "</p>")
    assert f"{minutes} min read" in page_html(client, story.get_absolute_url())


def test_share_links_are_plain_addresses_and_the_page_loads_nothing_of_the_networks(client):
    story = published_story(headline="Council passes budget", slug="council-passes-budget")
    html = page_html(client, story.get_absolute_url())
    address = "http%3A%2F%2Ftestserver%2Fstories%2Fcouncil-passes-budget%2F"
    for expected in [
        f"mailto:?subject=Council%20passes%20budget&amp;body={address}",
        f"https://bsky.app/intent/compose?text=Council+passes+budget+{address}",
        f"https://mastodonshare.com/?text=Council+passes+budget&amp;url={address}",
        f"https://www.facebook.com/sharer/sharer.php?u={address}",
        f"https://x.com/intent/post?text=Council+passes+budget&amp;url={address}",
        f"https://www.linkedin.com/sharing/share-offsite/?url={address}",
    ]:
        assert f'href="{expected}"' in html
    assert 'data-url="http://testserver/stories/council-passes-budget/" hidden>Copy link' in html
    for network in ["bsky.app", "facebook", "x.com", "linkedin", "mastodonshare"]:
        assert f'src="https://{network}' not in html
        assert f'src="https://www.{network}' not in html


def test_a_preview_offers_no_share_links(editor_client):
    draft = make_story(status=Story.Status.DRAFT, published_at=None)
    assert 'class="share"' not in page_html(editor_client, draft.get_absolute_url())


def test_an_unresolved_related_headline_leads_to_a_search_for_it(client):
    story = published_story()
    make_link(story, title="Pence & the electors", url="")
    html = page_html(client, story.get_absolute_url())
    assert '<a href="/search/?q=Pence%20%26%20the%20electors"' in html


def test_the_furniture_adds_no_query(client):
    story = published_story()
    Correction.objects.create(story=story, text="A fix.", created_at=PUBLISHED + timedelta(days=1))
    assert count_queries(client, story.get_absolute_url()) <= STORY_PAGE_QUERIES
