"""The front page and the section fronts follow their lineup in effect: the lead, then the top
stories in the editors' order, then the rest newest first; a scheduled lineup takes effect at
its time with no worker; a story readers may not see never shows, whatever the lineup says."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from fronts.models import Lineup, LineupSlot
from stories import freshness
from stories.models import Section, Story
from stories.tests.helpers import (
    LIST_PAGE_QUERIES,
    between,
    count_queries,
    make_story,
    page_html,
)

pytestmark = pytest.mark.django_db
STORIES_PER_PAGE = settings.NEWSROOM_STORIES_PER_PAGE


def lineup_of(*stories: Story, section=None, at=None) -> Lineup:
    lineup = Lineup.objects.create(section=section, takes_effect_at=at or timezone.now())
    for position, story in enumerate(stories):
        LineupSlot.objects.create(lineup=lineup, story=story, position=position)
    return lineup


def headlines(client, url: str) -> list[str]:
    html = page_html(client, url)
    return [
        part.split(">", 1)[1].split("<", 1)[0]
        for part in html.split('<h2 class="story-card__headline"><a href="')[1:]
    ]


def lead_of(client, url: str) -> str:
    lead = between(page_html(client, url), '<div class="lineup__lead">', "</div>")
    return between(lead, '<h2 class="story-card__headline">', "</h2>")


@pytest.fixture
def archive():
    now = timezone.now()
    return [
        make_story(headline=f"Story {n}", published_at=now - timedelta(hours=n)) for n in range(6)
    ]


def test_the_front_page_shows_the_lead_then_top_stories_then_the_rest_newest_first(client, archive):
    lineup_of(archive[4], archive[2])
    assert headlines(client, "/") == [
        "Story 4",
        "Story 2",
        "Story 0",
        "Story 1",
        "Story 3",
        "Story 5",
    ]
    assert "Story 4" in lead_of(client, "/")
    html = page_html(client, "/")
    assert html.index('aria-label="Top stories"') < html.index(
        '<h2 class="front__latest">Latest</h2>'
    )


def test_without_a_lineup_the_front_page_is_the_latest_stories(client, archive):
    html = page_html(client, "/")
    assert "<h1>Latest stories</h1>" in html
    assert "lineup__lead" not in html
    assert headlines(client, "/") == [f"Story {n}" for n in range(6)]


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Story.Status.DRAFT},
        {"status": Story.Status.REVIEW},
        {"status": Story.Status.UNPUBLISHED},
        {"published_at": timezone.now() + timedelta(days=1)},
    ],
)
def test_a_story_readers_may_not_see_never_shows_whatever_the_lineup_says(client, archive, hidden):
    unseen = make_story(headline="Not for readers", **hidden)
    lineup_of(unseen, archive[3])
    assert "Not for readers" not in page_html(client, "/")
    assert "Story 3" in lead_of(client, "/")


def test_the_latest_lineup_in_effect_wins_and_a_scheduled_one_waits_for_its_time(
    client, archive, monkeypatch
):
    now = timezone.now()
    lineup_of(archive[5], at=now - timedelta(hours=2))
    lineup_of(archive[3], at=now - timedelta(hours=1))
    soon = now + timedelta(minutes=5)
    lineup_of(archive[1], at=soon)
    assert "Story 3" in lead_of(client, "/")
    monkeypatch.setattr(timezone, "now", lambda: soon + timedelta(seconds=1))
    assert "Story 1" in lead_of(client, "/")


def test_a_scheduled_lineup_reaches_cached_pages_at_its_time_and_bounds_the_cdn_lifetime(
    client, archive, settings, monkeypatch
):
    settings.NEWSROOM_PAGE_CACHE = True
    settings.NEWSROOM_PAGE_MAX_AGE = 3600
    monkeypatch.setattr(freshness.transaction, "on_commit", lambda raise_it, robust: raise_it())
    lineup_of(archive[3])
    soon = timezone.now() + timedelta(minutes=2)
    lineup_of(archive[1], at=soon)
    response = client.get("/")
    assert "Story 3" in lead_of(client, "/")
    assert 60 <= int(response["Cache-Control"].split("s-maxage=")[1]) <= 120
    assert count_queries(client, "/") == 1  # from the cache
    monkeypatch.setattr(timezone, "now", lambda: soon + timedelta(seconds=1))
    assert "Story 1" in lead_of(client, "/")
    assert client.get("/")["Cache-Control"].endswith("s-maxage=3600")
    assert Lineup.objects.filter(is_announced=False).count() == 0


def test_a_section_front_has_its_own_lineup_and_only_its_stories(client, archive):
    politics = Section.objects.create(name="Politics", slug="politics")
    sports = Section.objects.create(name="Sports", slug="sports")
    Story.objects.filter(pk__in=[s.pk for s in archive[:4]]).update(section=politics)
    Story.objects.filter(pk=archive[4].pk).update(section=sports)
    lineup_of(archive[2], section=politics)
    lineup_of(archive[2], archive[4])  # a story may sit on several fronts
    assert headlines(client, "/sections/politics/") == ["Story 2", "Story 0", "Story 1", "Story 3"]
    assert "Story 2" in lead_of(client, "/sections/politics/")
    assert "Story 2" in lead_of(client, "/")
    assert headlines(client, "/sections/sports/") == ["Story 4"]
    page_html(client, "/sections/nowhere/", status=404)


def test_a_section_front_shows_the_sections_description(client):
    Section.objects.create(name="World", slug="world", description="News from abroad.")
    html = page_html(client, "/sections/world/")
    assert '<h1><span class="kicker">Section</span> World</h1>' in html
    assert "News from abroad." in html
    assert "No stories in this section yet." in html


def test_the_navigation_shows_the_sections_in_the_editors_order(client):
    Section.objects.create(name="World", slug="world", position=2)
    Section.objects.create(name="U.S.", slug="us", position=1)
    Section.objects.create(name="Hidden", slug="hidden", position=0, in_navigation=False)
    nav = between(page_html(client, "/"), '<ul class="site-nav">', "</ul>")
    assert nav.index(">U.S.<") < nav.index(">World<") < nav.index(">Topics<")
    assert "Hidden" not in nav
    on_its_page = between(page_html(client, "/sections/world/"), '<ul class="site-nav">', "</ul>")
    assert '<a href="/sections/world/" aria-current="page">World</a>' in on_its_page


def test_a_front_reads_the_same_number_of_queries_however_long_its_lineup(
    client, django_assert_max_num_queries
):
    short = lineup_of(make_story(tags=["Budget"]))
    client.get("/")
    few = count_queries(client, "/")
    for number in range(10):
        story = make_story(tags=[f"Tag {number}", "Budget"])
        LineupSlot.objects.create(lineup=short, story=story, position=number + 1)
    client.get("/")
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        client.get("/")
    assert count_queries(client, "/") == few == 4  # lineup, the rest, their tags, navigation


def test_later_pages_leave_out_the_lineups_stories(client):
    now = timezone.now()
    stories = [
        make_story(headline=f"Item {n}", published_at=now - timedelta(hours=n))
        for n in range(2 * STORIES_PER_PAGE + 2)
    ]
    lineup_of(stories[3])
    first = page_html(client, "/")
    older = between(first, '<a rel="next" href="', '"').replace("&amp;", "&")
    second = headlines(client, f"/{older}")
    assert f"Item {STORIES_PER_PAGE}" not in second
    assert second[0] == f"Item {STORIES_PER_PAGE + 1}"
    assert "Item 3" not in second


def test_a_section_front_may_feature_a_story_of_another_section(client, archive):
    politics = Section.objects.create(name="Politics", slug="politics")
    world = Section.objects.create(name="World", slug="world")
    Story.objects.filter(pk=archive[0].pk).update(section=politics)
    Story.objects.filter(pk=archive[1].pk).update(section=world)
    lineup_of(archive[1], section=politics)
    assert headlines(client, "/sections/politics/") == ["Story 1", "Story 0"]
    assert headlines(client, "/sections/world/") == ["Story 1"]
