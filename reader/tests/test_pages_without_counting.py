"""Story lists page through the archive without counting it: no COUNT query, a next link
only when a story follows, a 404 past the end, and search counts only up to what it ranks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reader import search
from reader.pagination import MAX_PAGE
from stories.models import Person
from stories.tests.helpers import make_person, make_quote, make_story

pytestmark = pytest.mark.django_db


def sql_of(client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, [query["sql"] for query in queries.captured_queries]


def archive_with_a_tag_and_a_speaker(stories: int) -> Person:
    speaker = make_person(slug="counted-speaker")
    for _ in range(stories):
        make_quote(make_story(tags=["Counted"]), speaker)
    return speaker


@pytest.mark.parametrize(
    "url", ["/", "/?page=3", "/tags/counted/", "/tags/counted/?page=3", "/people/counted-speaker/"]
)
def test_no_list_page_counts_its_rows(client, url):
    archive_with_a_tag_and_a_speaker(45)
    status, queries = sql_of(client, url)
    assert status == 200
    assert not [sql for sql in queries if "COUNT(" in sql.upper()]


@pytest.mark.parametrize(
    ("url", "per_page"), [("/", 20), ("/tags/counted/", 20), ("/people/counted-speaker/", 50)]
)
def test_next_link_only_while_stories_follow_and_404_past_the_end(client, url, per_page):
    archive_with_a_tag_and_a_speaker(per_page + 1)
    first = client.get(url).content.decode()
    assert 'rel="next" href="?page=2' in first
    assert "Page 1" in first
    second = client.get(url + "?page=2").content.decode()
    assert 'rel="next"' not in second
    assert 'rel="prev" href="?page=1"' in second
    assert client.get(url + "?page=3").status_code == 404
    assert client.get(url + "?page=last").status_code == 404
    assert client.get(url + "?page=0").status_code == 404
    assert client.get(url + f"?page={MAX_PAGE + 1}").status_code == 404


def test_a_list_of_exactly_one_page_has_no_pagination(client):
    archive_with_a_tag_and_a_speaker(20)
    assert 'class="pagination"' not in client.get("/tags/counted/").content.decode()


def test_tag_and_person_without_published_stories_are_404_without_an_emptiness_query(client):
    make_person(slug="silent")
    make_story(tags=["Shelved"], status="draft")
    for url in ("/tags/shelved/", "/people/silent/"):
        status, queries = sql_of(client, url)
        assert status == 404
        assert not [sql for sql in queries if sql.startswith('SELECT 1 AS "a"')], url


def test_search_counts_matches_only_up_to_those_it_ranks(client, monkeypatch):
    monkeypatch.setattr(search, "RANKED_MATCHES", 3)
    for number in range(5):
        make_story(headline=f"Harbour report {number}")
    monkeypatch.setattr("reader.views.RANKED_MATCHES", 3)
    html = client.get("/search/", {"q": "harbour"}).content.decode()
    assert "At least 3 stories match" in html
    assert html.count("search-result") == 3
    assert "report 0" in html  # make_story: a later story is an older one
    assert "report 4" not in html
    make_story(headline="Lighthouse keeper")
    assert "1 story matches" in client.get("/search/", {"q": "lighthouse"}).content.decode()
