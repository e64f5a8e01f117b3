"""The read-only JSON API at /api/: what it lists, its parameters, errors, headers and cost."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from media.tests.pictures import make_image
from stories.models import Story
from stories.tests.helpers import (
    make_hostile_story,
    make_person,
    make_quote,
    make_rich_story,
    make_story,
)

pytestmark = pytest.mark.django_db

# The content generation, the count and latest change (only on the first request after a
# change), the stories with their tags, corrections and inbound links, quotes, own links:
LIST_QUERIES = 5
DETAIL_QUERIES = 4  # the ETag's row, the story, its quotes, its own links
PERSON_QUERIES = 4  # the person, the generation, count and latest change (after a change), quotes


def get_json(client, url: str, status: int = 200, **request) -> dict:
    response = client.get(url, **request)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def associated(item: dict, kind: str) -> list[dict]:
    """The item's associations of one kind ("related", "quote", "correction"), in order."""
    return [a for a in item["associations"] if a["name"].rstrip("0123456789") == kind]


def slugs(listing: dict) -> list[str]:
    return [item["slugline"] for item in listing["items"]]


def draft(**fields) -> Story:
    return make_story(status=Story.Status.DRAFT, published_at=None, **fields)


def scheduled(**fields) -> Story:
    return make_story(published_at=timezone.now() + timedelta(hours=1), **fields)


def hidden_stories() -> list[Story]:
    """One story in each state readers may not see."""
    return [
        draft(tags=["Shared"]),
        make_story(status=Story.Status.REVIEW, tags=["Shared"]),
        make_story(status=Story.Status.UNPUBLISHED, tags=["Shared"]),
        scheduled(tags=["Shared"]),
    ]


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


# --- the list ------------------------------------------------------------------------------


def test_list_has_published_stories_only_newest_first(client):
    hidden_stories()
    older = make_story(published_at=timezone.now() - timedelta(days=2))
    moment = timezone.now() - timedelta(days=1)
    tied_first, tied_second = make_story(published_at=moment), make_story(published_at=moment)
    listing = get_json(client, "/api/stories/")
    assert slugs(listing) == [tied_second.slug, tied_first.slug, older.slug]
    assert listing["count"] == 3
    assert listing["items"][0]["type"] == "text"


def test_list_pages_with_absolute_next_and_previous_links(client):
    for _ in range(25):
        make_story()
    first = get_json(client, "/api/stories/")
    assert (first["count"], first["page"], first["pages"], len(first["items"])) == (25, 1, 2, 20)
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/stories/?page=2"
    second = get_json(client, first["next"])
    assert (second["page"], len(second["items"]), second["next"]) == (2, 5, None)
    assert second["previous"] == "http://testserver/api/stories/?page=1"
    assert not set(slugs(first)) & set(slugs(second))


def test_page_size_and_filters_are_kept_in_the_links(client):
    for _ in range(12):
        make_story(tags=["Shared"])
    make_story()
    listing = get_json(client, "/api/stories/?tag=shared&page_size=5&page=2")
    assert (listing["count"], listing["pages"], len(listing["items"])) == (12, 3, 5)
    assert listing["next"] == "http://testserver/api/stories/?tag=shared&page_size=5&page=3"
    assert listing["previous"] == "http://testserver/api/stories/?tag=shared&page_size=5&page=1"
    assert len(get_json(client, "/api/stories/?page_size=100")["items"]) == 13


def test_an_empty_list_is_one_empty_page(client):
    draft()
    listing = get_json(client, "/api/stories/")
    assert listing == {
        "count": 0, "page": 1, "pages": 1, "next": None, "previous": None, "items": []
    }  # fmt: skip


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("page=two", "page"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=1.5", "page"),
        ("page=3", "page 3 is past the last page, 1"),
        ("page_size=0", "page_size"),
        ("page_size=101", "page_size"),
        ("page_size=ten", "page_size"),
        ("since=yesterday", "since"),
        ("since=2024-03-10T06:00:00 01:00", "since"),  # a + left unencoded
        ("until=2024-02-30", "until"),
        ("until=0001-01-01", "until"),
    ],
)
def test_bad_parameters_are_400_with_a_message(client, query, named):
    make_story()
    error = get_json(client, f"/api/stories/?{query}", status=400)
    assert set(error) == {"error"}
    assert named in error["error"]


@pytest.mark.parametrize("parameter", ["tag", "person"])
def test_a_nul_byte_in_a_filter_is_400_naming_it(client, parameter):
    make_story(tags=["Shared"])
    error = get_json(client, "/api/stories/", status=400, data={parameter: "sha\x00red"})
    assert parameter in error["error"]


def test_filter_by_tag(client):
    hidden_stories()
    tagged = make_story(tags=["Shared", "Other"])
    make_story(tags=["Other"])
    assert slugs(get_json(client, "/api/stories/?tag=shared")) == [tagged.slug]


@pytest.mark.parametrize("slug", ["never-used", "only-on-drafts"])
def test_filter_by_an_unknown_tag_is_404(client, slug):
    draft(tags=["Only on drafts"])
    make_story(tags=["Shared"])
    error = get_json(client, f"/api/stories/?tag={slug}", status=404)
    assert slug in error["error"]


def test_filter_by_person_lists_each_quoting_story_once(client):
    speaker = make_person(slug="speaker")
    quoted_twice, quoted_once, fragment_only = make_story(), make_story(), make_story()
    make_quote(quoted_twice, speaker, position=1)
    make_quote(quoted_twice, speaker, position=2)
    make_quote(quoted_once, speaker)
    make_quote(fragment_only, speaker, is_fragment=True)
    make_quote(draft(), speaker)
    make_quote(make_story(), make_person())
    listing = get_json(client, "/api/stories/?person=speaker")
    assert slugs(listing) == [quoted_twice.slug, quoted_once.slug]
    assert listing["count"] == 2


@pytest.mark.parametrize("slug", ["nobody", "draft-speaker", "fragment-speaker"])
def test_filter_by_an_unknown_or_unpublished_person_is_404(client, slug):
    make_quote(draft(), make_person(slug="draft-speaker"))
    make_quote(make_story(), make_person(slug="fragment-speaker"), is_fragment=True)
    error = get_json(client, f"/api/stories/?person={slug}", status=404)
    assert slug in error["error"]


@pytest.fixture
def around_midnight_in_new_york(settings):
    """Two stories an hour apart across midnight in New York, both on March 10 in UTC."""
    settings.TIME_ZONE = "America/New_York"
    late = make_story(published_at=datetime(2024, 3, 10, 3, 30, tzinfo=UTC))  # 22:30 on the 9th
    early = make_story(published_at=datetime(2024, 3, 10, 5, 30, tzinfo=UTC))  # 00:30 on the 10th
    return late.slug, early.slug


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"until": "2024-03-09"}, ["late"]),
        ({"since": "2024-03-10"}, ["early"]),
        ({"since": "2024-03-09", "until": "2024-03-09"}, ["late"]),
        ({"since": "2024-03-10T05:00:00Z"}, ["early"]),
        ({"since": "2024-03-10T06:00:00+01:00"}, ["early"]),
        ({"since": "2024-03-10T00:00:00"}, ["early"]),  # no offset: New York time
        ({"until": "2024-03-10T00:00:00-05:00"}, ["late"]),
        ({"until": "2024-03-10T05:30:00Z"}, ["early", "late"]),  # the bound is included
        ({"since": "2024-03-11"}, []),
    ],
)
def test_since_and_until_in_the_sites_time_zone(
    client, around_midnight_in_new_york, params, expected
):
    late, early = around_midnight_in_new_york
    names = {late: "late", early: "early"}
    listing = get_json(client, "/api/stories/", data=params)
    assert [names[slug] for slug in slugs(listing)] == expected


# --- one story -----------------------------------------------------------------------------


def test_story_detail_is_the_ninjs_item(client):
    story = make_story(headline="The budget passes", tags=["Budget"])
    item = get_json(client, f"/api/stories/{story.slug}/")
    assert item["uri"] == f"http://testserver/stories/{story.slug}/"
    assert item["headlines"][0]["value"] == "The budget passes"
    assert item["subjects"][0]["uri"] == "http://testserver/tags/budget/"
    assert item == get_json(client, "/api/stories/")["items"][0]


@pytest.mark.parametrize("state", ["draft", "review", "unpublished", "scheduled", "unknown"])
def test_a_story_readers_may_not_see_is_404(client, state):
    story = {
        "draft": lambda: draft(slug="hidden"),
        "review": lambda: make_story(slug="hidden", status=Story.Status.REVIEW),
        "unpublished": lambda: make_story(slug="hidden", status=Story.Status.UNPUBLISHED),
        "scheduled": lambda: scheduled(slug="hidden"),
        "unknown": lambda: None,
    }[state]()
    error = get_json(client, "/api/stories/hidden/", status=404)
    assert "hidden" in error["error"]
    assert story is None or story.slug not in json.dumps(get_json(client, "/api/stories/"))


def test_an_old_slug_answers_301_to_the_current_api_address(client):
    story = make_story(slug="first-slug")
    story.slug = "current-slug"
    story.save()
    response = client.get("/api/stories/first-slug/")
    assert response.status_code == 301
    assert response["Location"] == "/api/stories/current-slug/"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_old_slug_of_a_story_no_longer_published_is_404(client):
    story = make_story(slug="first-slug")
    story.slug, story.status = "renamed-while-withdrawn", Story.Status.UNPUBLISHED
    story.save()
    get_json(client, "/api/stories/first-slug/", status=404)


# --- a person ------------------------------------------------------------------------------


def test_person_has_public_facts_and_quotes_from_published_stories_newest_first(client):
    speaker = make_person(
        name="Ada Mayor", slug="ada", title="Mayor", handle="adamayor", aliases="Mayor Ada"
    )
    older = make_story(headline="Older", published_at=timezone.now() - timedelta(days=2))
    newer = make_story(headline="Newer", published_at=timezone.now() - timedelta(days=1))
    make_quote(older, speaker, text="First words.", context="at a rally")
    make_quote(newer, speaker, text="Second thought.", position=2)
    make_quote(newer, speaker, text="First thought.", position=1)
    make_quote(newer, speaker, text="spin", position=3, is_fragment=True)
    make_quote(draft(), speaker, text="Under embargo.")
    make_quote(scheduled(), speaker, text="Not yet.")
    found = get_json(client, "/api/people/ada/")
    assert found["person"] == {
        "name": "Ada Mayor",
        "slug": "ada",
        "title": "Mayor",
        "handle": "adamayor",
        "uri": "http://testserver/people/ada/",
    }
    assert [q["text"] for q in found["items"]] == [
        "First thought.",
        "Second thought.",
        "First words.",
    ]
    assert found["count"] == 3
    assert found["items"][2] == {
        "text": "First words.",
        "context": "at a rally",
        "said_on": None,
        "position": 0,
        "story": {
            "uri": f"http://testserver/stories/{older.slug}/",
            "headline": "Older",
            "slug": older.slug,
        },
    }
    assert "Mayor Ada" not in json.dumps(found)


def test_person_quotes_are_paginated(client):
    speaker = make_person(slug="talker")
    story = make_story()
    for position in range(5):
        make_quote(story, speaker, position=position)
    found = get_json(client, "/api/people/talker/?page_size=2&page=3")
    assert (found["count"], found["pages"], len(found["items"])) == (5, 3, 1)
    assert found["previous"] == "http://testserver/api/people/talker/?page_size=2&page=2"
    get_json(client, "/api/people/talker/?page=4&page_size=2", status=400)


@pytest.mark.parametrize("slug", ["nobody", "draft-speaker"])
def test_an_unknown_or_unpublished_person_is_404(client, slug):
    make_quote(draft(), make_person(slug="draft-speaker"))
    assert slug in get_json(client, f"/api/people/{slug}/", status=404)["error"]


# --- HTTP: caching, CORS, methods ---------------------------------------------------------


@pytest.fixture
def api_urls():
    story = make_story(slug="cached")
    make_quote(story, make_person(slug="quoted"))
    return ["/api/stories/", "/api/stories/cached/", "/api/people/quoted/"]


def test_every_200_has_an_etag_and_last_modified_and_conditional_requests_get_304(client, api_urls):
    for url in api_urls:
        response = client.get(url)
        assert response.status_code == 200
        assert response["ETag"].startswith('"')
        assert response["Last-Modified"].endswith(" GMT")
        assert response["Cache-Control"] == "no-cache"  # a browser revalidates every time
        unchanged = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert unchanged.status_code == 304, url
        assert unchanged.content == b""
        assert unchanged["ETag"] == response["ETag"]
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        assert since.status_code == 304, url


def test_a_change_gives_a_new_etag(client, api_urls, django_capture_on_commit_callbacks):
    before = {url: client.get(url)["ETag"] for url in api_urls}
    story = Story.objects.get(slug="cached")
    story.headline = "Changed"
    with django_capture_on_commit_callbacks(execute=True):  # as its commit would
        story.save()
        make_quote(make_story(), story.quotes.get().speaker)
    for url in api_urls:
        response = client.get(url, HTTP_IF_NONE_MATCH=before[url])
        assert response.status_code == 200, url
        assert response["ETag"] != before[url]


def test_a_story_published_later_changes_last_modified(client, django_capture_on_commit_callbacks):
    make_story(published_at=datetime(2024, 1, 1, tzinfo=UTC))
    Story.objects.update(updated_at=datetime(2024, 1, 1, tzinfo=UTC))
    before = client.get("/api/stories/")["Last-Modified"]
    assert before == "Mon, 01 Jan 2024 00:00:00 GMT"
    with django_capture_on_commit_callbacks(execute=True):
        make_story(published_at=datetime(2024, 1, 2, tzinfo=UTC))
    response = client.get("/api/stories/", HTTP_IF_MODIFIED_SINCE=before)
    assert response.status_code == 200
    assert response["Last-Modified"] != before


def test_any_origin_may_read_even_errors(client, api_urls):
    for url in [*api_urls, "/api/stories/nope/", "/api/stories/?page=x"]:
        response = client.get(url, HTTP_ORIGIN="https://elsewhere.example")
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_preflight_is_answered_204(client, api_urls):
    for url in api_urls:
        response = client.options(
            url,
            HTTP_ORIGIN="https://elsewhere.example",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
        )
        assert response.status_code == 204, url
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Access-Control-Allow-Methods"] == "GET, OPTIONS"
        allowed = response["Access-Control-Allow-Headers"].lower()
        assert "if-none-match" in allowed
        assert "if-modified-since" in allowed


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_405_even_without_a_csrf_token(api_urls, method):
    strict_client = Client(enforce_csrf_checks=True)
    for url in api_urls:
        response = getattr(strict_client, method)(url)
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert "read-only" in json.loads(response.content)["error"]
    assert Story.objects.filter(slug="cached").exists()


# --- hostile text --------------------------------------------------------------------------

HOSTILE = '</script><script>alert("x")</script> & \'quoted\' "double" \u200fright-to-left'


def test_hostile_text_round_trips_exactly(client):
    make_hostile_story(HOSTILE)
    item = get_json(client, "/api/stories/hostile/")
    assert item["headlines"][0]["value"] == f"Headline {HOSTILE}"
    assert item["descriptions"][0]["value"] == f"Dek {HOSTILE}"
    assert item["bodies"][0]["value"] == f"Body {HOSTILE}\n\nSecond {HOSTILE}"
    assert item["by"] == f"Byline {HOSTILE}"
    assert item["subjects"][0]["name"] == f"Tag {HOSTILE}"
    assert item["people"][0]["name"] == f"Person {HOSTILE}"
    quote, correction = associated(item, "quote")[0], associated(item, "correction")[0]
    assert quote["bodies"][0]["value"] == f"Quote {HOSTILE}"
    assert quote["descriptions"][0] == {
        "role": "context",
        "contenttype": "text/plain",
        "value": f"Context {HOSTILE}",
    }
    assert correction["bodies"][0]["value"] == f"Correction {HOSTILE}"
    person = get_json(client, "/api/people/hostile/")["person"]
    assert (person["name"], person["title"]) == (f"Person {HOSTILE}", f"Title {HOSTILE}")
    error = get_json(client, "/api/stories/", status=404, data={"tag": HOSTILE})["error"]
    assert "</script><script>" in error


# --- query counts ------------------------------------------------------------------------------


def test_list_query_count_does_not_grow_with_stories_tags_quotes_or_links(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    make_rich_story(quotes=1, tags=1, links=1, corrections=1)
    client.get("/api/stories/")  # counted; the second request reads the kept count
    few = count_queries(client, "/api/stories/")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(8):
            make_rich_story(quotes=6, tags=10, links=3, speakers=4, corrections=2)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get("/api/stories/?page_size=100")
    assert json.loads(response.content)["count"] > 40
    assert count_queries(client, "/api/stories/?page_size=100") == few


def test_the_list_reads_every_body_picture_in_one_query(client, django_capture_on_commit_callbacks):
    make_story(body=f'<figure data-image="{make_image().pk}"></figure>')
    client.get("/api/stories/")  # counted; the second request reads the kept count
    one = count_queries(client, "/api/stories/")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(6):
            make_story(body=f'<p>x</p><figure data-image="{make_image().pk}"></figure>')
    client.get("/api/stories/")
    assert count_queries(client, "/api/stories/") == one
    bodies = [item["bodies"][1]["value"] for item in client.get("/api/stories/").json()["items"]]
    assert all('<img src="http://testserver/images/' in body for body in bodies)


def test_filtered_list_query_count_is_bounded(client, django_assert_max_num_queries):
    speaker = make_person(slug="busy")
    for _ in range(10):
        story = make_rich_story(quotes=3, tags=5, links=2)
        story.tags.add("Shared")
        make_quote(story, speaker)
    for query in ["tag=shared", "person=busy"]:
        with django_assert_max_num_queries(LIST_QUERIES + 1):
            response = client.get(f"/api/stories/?{query}")
        assert json.loads(response.content)["count"] == 10


def test_detail_query_count_does_not_grow_with_quotes_tags_or_links(
    client, django_assert_max_num_queries
):
    small = make_rich_story(quotes=1, tags=1, links=1)
    big = make_rich_story(quotes=30, tags=20, links=10, speakers=10, corrections=8)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(f"/api/stories/{big.slug}/")
    item = json.loads(response.content)
    associations = [associated(item, kind) for kind in ("related", "quote", "correction")]
    assert [len(found) for found in associations] == [20, 30, 8]
    assert len(item["people"]) == 10
    assert count_queries(client, f"/api/stories/{small.slug}/") == count_queries(
        client, f"/api/stories/{big.slug}/"
    )


def test_person_query_count_does_not_grow_with_quotes(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    speaker = make_person(slug="busy")
    make_quote(make_story(), speaker)
    client.get("/api/people/busy/")
    few = count_queries(client, "/api/people/busy/")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(10):
            story = make_story()
            for position in range(5):
                make_quote(story, speaker, position=position)
    with django_assert_max_num_queries(PERSON_QUERIES):
        response = client.get("/api/people/busy/?page_size=100")
    assert len(json.loads(response.content)["items"]) == 51
    assert count_queries(client, "/api/people/busy/?page_size=100") == few


def story_counts_made(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return sum('COUNT("stories_story"."id")' in query["sql"] for query in captured)


def test_the_list_is_counted_once_until_content_changes(client, django_capture_on_commit_callbacks):
    for _ in range(3):
        make_story()
    assert story_counts_made(client, "/api/stories/?page_size=1") == 1
    assert story_counts_made(client, "/api/stories/?page=2&page_size=1") == 0  # the same list
    assert story_counts_made(client, "/api/stories/?page_size=1&since=2000-01-01") == 1
    make_story()  # not committed yet: nobody else could see it
    assert get_json(client, "/api/stories/")["count"] == 3
    with django_capture_on_commit_callbacks(execute=True):
        make_story()
    assert story_counts_made(client, "/api/stories/") == 1
    assert get_json(client, "/api/stories/")["count"] == 5
