"""Anonymous public pages come from the cache until anything they show changes; editors and
previews never do; conditional requests get 304; the headers let a CDN keep pages briefly."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from packages.models import Package, PackageItem
from stories import freshness
from stories.models import Correction, Story
from stories.tests.helpers import desk_client, make_link, make_person, make_quote, make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings, monkeypatch):
    """The page cache on, and the generation raised at once: a test's transaction never
    commits (the two-server test sees it raised by real commits)."""
    settings.NEWSROOM_PAGE_CACHE = True
    monkeypatch.setattr(freshness.transaction, "on_commit", lambda raise_it, robust: raise_it())


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


@pytest.fixture
def story(page_cache):
    story = make_story(headline="Council meets", tags=["Budget"])
    make_quote(story, make_person(name="Ada Mayor", slug="ada-mayor"), text="We will decide.")
    return story


@pytest.mark.parametrize("url", ["/", "/tags/budget/", "/people/ada-mayor/", "/sitemap.xml"])
def test_a_second_request_costs_one_query_for_the_generation(client, story, url):
    first = html(client, url)
    assert queries_of(client, url) == 1
    assert html(client, url) == first


def test_a_story_saved_is_seen_on_the_next_request(client, story):
    url = story.get_absolute_url()
    assert "Council meets" in html(client, "/")
    html(client, url)
    story.headline = "Council adjourns"
    story.save()
    assert "Council adjourns" in html(client, "/")
    assert "Council adjourns" in html(client, url)


@pytest.mark.parametrize(
    "change",
    [
        "quote",
        "person",
        "tag",
        "link",
        "correction",
        "package",
        "lineup",
    ],
)
def test_each_part_of_a_story_changed_is_seen_on_the_next_request(client, story, change):
    url = story.get_absolute_url()
    html(client, url)
    if change == "quote":
        quote = story.quotes.get()
        quote.text = "We have decided."
        quote.save()
        expected = "We have decided."
    elif change == "person":
        person = story.quotes.get().speaker
        person.name = "Ada Lovelace-Mayor"
        person.save()
        expected = "Ada Lovelace-Mayor"
    elif change == "tag":
        tag = Tag.objects.get(name="Budget")
        tag.name = "Spending"
        tag.save()
        expected = "Spending"
    elif change == "link":
        make_link(story, make_story(headline="Earlier vote"))
        expected = "Earlier vote"
    elif change == "correction":
        Correction.objects.create(story=story, text="An earlier version misnamed the mayor.")
        expected = "misnamed the mayor"
    elif change == "package":
        package = Package.objects.create(name="City budget", slug="city-budget")
        PackageItem.objects.create(package=package, story=story)
        expected = "City budget"
    else:
        package = Package.objects.create(name="City budget", slug="city-budget")
        PackageItem.objects.create(package=package, story=story)
        html(client, url)
        other = make_story(headline="Budget explained")
        PackageItem.objects.create(package=package, story=other, position=1)
        expected = "Budget explained"
    assert expected in html(client, url)


def test_editors_and_previews_are_never_answered_from_or_kept_in_the_cache(client, story):
    editor = desk_client("cached-editor")
    draft = make_story(headline="Embargoed draft", status=Story.Status.DRAFT, published_at=None)
    assert "Embargoed draft" in html(editor, draft.get_absolute_url())
    assert client.get(draft.get_absolute_url()).status_code == 404
    html(client, "/")
    assert queries_of(editor, "/") > 1
    response = editor.get("/")
    assert "Surrogate-Key" not in response


def test_a_scheduled_story_appears_at_its_time_and_the_cdn_lifetime_stops_there(
    client, story, settings, monkeypatch
):
    settings.NEWSROOM_PAGE_MAX_AGE = 3600
    soon = timezone.now() + timedelta(minutes=2)
    make_story(headline="Scheduled budget vote", published_at=soon)
    response = client.get("/")
    assert "Scheduled budget vote" not in response.content.decode()
    max_age = int(response["Cache-Control"].split("s-maxage=")[1])
    assert 60 <= max_age <= 120

    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Scheduled budget vote" in html(client, "/")
    assert client.get("/")["Cache-Control"].endswith("s-maxage=3600")


def test_a_conditional_request_for_an_unchanged_page_is_answered_304(client, story):
    etag = client.get("/")["ETag"]
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    story.headline = "Council adjourns"
    story.save()
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_cached_pages_say_how_a_cdn_may_keep_and_purge_them(client, story):
    response = client.get(story.get_absolute_url())
    assert response["Cache-Control"].startswith("public, max-age=0, must-revalidate, s-maxage=")
    assert response["Surrogate-Key"] == f"newsroom stories stories/{story.slug}"
    assert client.get("/")["Surrogate-Key"] == "newsroom front"
    assert "Cookie" in response["Vary"]


def test_the_page_cache_off_keeps_nothing(client, story, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    html(client, "/")
    assert queries_of(client, "/") > 1
    assert "Surrogate-Key" not in client.get("/")


def test_a_request_with_a_session_cookie_is_built_anew(story):
    reader = Client()
    html(reader, "/")
    reader.cookies["sessionid"] = "not-a-session"
    assert queries_of(reader, "/") > 1
