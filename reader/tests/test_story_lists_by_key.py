"""The front and tag pages page by key: following Older and Newer links walks the whole list,
each page read from the index where the last one stopped, with no offset however deep."""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reader.pagination import key_parsed, story_key
from stories.models import Story
from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db
LINK = re.compile(r'<a rel="(prev|next)" href="([^"]*)"')
PER_PAGE = 20


def links(page_html: str) -> dict[str, str]:
    return {rel: html.unescape(href) for rel, href in LINK.findall(page_html)}


def walk(client, path: str, rel: str, start: str = "") -> list[tuple[str, list[Story]]]:
    """Each page reached by following ``rel`` links from ``start``: its address and stories."""
    pages, address = [], start or path
    while address:
        response = client.get(address if address.startswith("/") else path + address)
        assert response.status_code == 200, address
        pages.append((address, list(response.context["stories"])))
        address = links(response.content.decode()).get(rel)
    return pages


@pytest.fixture
def archive():
    now = timezone.now()
    stories = [
        make_story(tags=["Budget"], published_at=now - timedelta(hours=n)) for n in range(65)
    ]
    # Two stories published at the same moment are told apart by their ids.
    same_time = stories[30].published_at
    stories.append(make_story(tags=["Budget"], published_at=same_time))
    make_story(tags=["Budget"], status=Story.Status.DRAFT)
    return Story.objects.published().order_by("-published_at", "-id")


@pytest.mark.parametrize("path", ["/", "/tags/budget/"])
def test_older_links_walk_every_story_once_newest_first(client, archive, path):
    pages = walk(client, path, "next")
    assert [story for _, stories in pages for story in stories] == list(archive)
    assert [len(stories) for _, stories in pages] == [20, 20, 20, 6]
    assert all("older=" in address for address, _ in pages[1:])
    for number, (address, _) in enumerate(pages[1:], start=2):
        assert f"page={number}" in address


@pytest.mark.parametrize("path", ["/", "/tags/budget/"])
def test_newer_links_walk_back_to_the_first_page(client, archive, path):
    forward = walk(client, path, "next")
    back = walk(client, path, "prev", start=forward[-1][0])
    assert [stories for _, stories in back] == [stories for _, stories in reversed(forward)]
    assert back[-1][0] == "?page=1"  # the first page by its plain address, no key


@pytest.mark.parametrize("path", ["/", "/tags/budget/"])
def test_a_page_read_by_key_reads_no_offset_and_shows_its_number(client, archive, path):
    key = story_key(archive[39])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{path}?page=3&older={key}")
    assert list(response.context["stories"]) == list(archive[40:60])
    assert "Page 3" in response.content.decode()
    assert not [q["sql"] for q in queries if "OFFSET" in q["sql"].upper()]
    assert response.context["canonical_url"].endswith(f"{path}?page=3")


@pytest.mark.parametrize(
    "key", ["", "x", "12-", "-12", "1-2-3", "9" * 19 + "-1", "999999999999999999-1", "1.5-2"]
)
def test_a_key_that_is_not_one_is_ignored_and_the_page_read_by_number(client, archive, key):
    response = client.get("/", {"page": 2, "older": key})
    assert response.status_code == 200
    assert list(response.context["stories"]) == list(archive[20:40])


def test_a_key_gives_back_its_time_and_id_exactly(archive):
    story = archive[7]
    assert key_parsed(story_key(story)) == (story.published_at, story.pk)


def test_a_key_past_the_end_is_a_404(client, archive):
    oldest = archive.last()
    assert client.get("/", {"page": 5, "older": story_key(oldest)}).status_code == 404
