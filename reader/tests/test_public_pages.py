from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import Story
from stories.tests.helpers import (
    EXTREME_COURAGE,
    PENCE_LETTER,
    make_person,
    make_quote,
    make_story,
    page_html,
)

pytestmark = pytest.mark.django_db


def test_front_page_lists_published_stories_newest_first(client, fixture_stories):
    make_story(headline="Draft about the count", status=Story.Status.DRAFT)
    make_story(headline="Tomorrow's story", published_at=timezone.now() + timedelta(days=1))
    html = page_html(client, "/")
    assert html.index(f"/stories/{PENCE_LETTER}/") < html.index(f"/stories/{EXTREME_COURAGE}/")
    assert "Draft about the count" not in html
    assert "Tomorrow" not in html
    assert "In a letter to Congress, Vice President Mike Pence said" in html
    assert '<time datetime="2021-01-06T19:00:00+00:00">January 6, 2021</time>' in html
    assert 'href="/tags/mike-pence/"' in html


def test_front_page_shows_the_dek_when_there_is_one(client):
    make_story(dek="A dek written by an editor.", body="Opening paragraph.")
    html = client.get("/").content.decode()
    assert "A dek written by an editor." in html
    assert "Opening paragraph." not in html


def test_front_page_paginates(client, settings):
    for _ in range(25):
        make_story()
    first = client.get("/")
    assert len(first.context["stories"]) == 20
    assert 'rel="next" href="?page=2' in first.content.decode()
    assert len(client.get("/?page=2").context["stories"]) == 5
    assert client.get("/?page=3").status_code == 404


def test_front_page_without_stories_says_so(client, db):
    assert "No stories have been published yet." in client.get("/").content.decode()


def test_tag_index_counts_published_stories_only(client, fixture_stories):
    make_story(status=Story.Status.DRAFT, tags=["Secret plans"])
    html = page_html(client, "/tags/")
    assert 'href="/tags/mike-pence/">Mike Pence</a> <span class="count">2 stories</span>' in html
    assert 'href="/tags/donald-trump/">Donald Trump</a> <span class="count">1 story</span>' in html
    assert "Secret plans" not in html


def test_tag_page_lists_its_stories_newest_first(client, fixture_stories):
    html = page_html(client, "/tags/2020-election/")
    assert '<h1><span class="kicker">Topic</span> 2020 Election</h1>' in html
    assert html.index(PENCE_LETTER) < html.index(EXTREME_COURAGE)
    only_second = client.get("/tags/donald-trump/").content.decode()
    assert EXTREME_COURAGE in only_second
    assert PENCE_LETTER not in only_second


def test_tag_page_paginates_newest_first(client):
    stories = [make_story(tags=["Budget"]) for _ in range(23)]
    newest_first = sorted(stories, key=lambda story: story.published_at, reverse=True)
    first = client.get("/tags/budget/")
    assert list(first.context["stories"]) == newest_first[:20]
    assert list(client.get("/tags/budget/?page=2").context["stories"]) == newest_first[20:]


def test_unknown_tag_and_tag_without_published_stories_are_404(client):
    make_story(status=Story.Status.DRAFT, tags=["Embargoed"])
    assert client.get("/tags/no-such-tag/").status_code == 404
    assert client.get("/tags/embargoed/").status_code == 404


def test_people_index_lists_quoted_people(client, fixture_stories):
    html = page_html(client, "/people/")
    assert '<a href="/people/mike-pence/">Mike Pence</a>, Vice President' in html
    assert 'Donald Trump</a>, President <span class="count">9 quotes</span>' in html


def test_person_page_shows_quotes_across_stories_with_links(client, fixture_stories):
    html = page_html(client, "/people/donald-trump/")
    assert "<h1>Donald Trump</h1>" in html
    assert "Do it Mike, this is a time for extreme courage!" in html
    assert "We will not let them silence your voices" in html
    assert f'href="/stories/{PENCE_LETTER}/"' in html
    assert f'href="/stories/{EXTREME_COURAGE}/"' in html
    assert "fake news" not in html.split("<main", 1)[1].split("Quoted in our stories")[1]


def test_person_page_hides_quotes_from_unpublished_stories(client):
    speaker = make_person(name="Jane Mayor", slug="jane-mayor")
    make_quote(make_story(), speaker, text="On the record.")
    make_quote(make_story(status=Story.Status.DRAFT), speaker, text="Still embargoed.")
    html = client.get("/people/jane-mayor/").content.decode()
    assert "On the record." in html
    assert "Still embargoed." not in html


def test_person_without_published_quotes_and_unknown_person_are_404(client):
    speaker = make_person(slug="quiet-person")
    make_quote(make_story(status=Story.Status.DRAFT), speaker)
    assert client.get("/people/quiet-person/").status_code == 404
    assert client.get("/people/nobody/").status_code == 404


def test_unknown_page_is_a_styled_404(client, db):
    html = page_html(client, "/stories/no-such-story/", status=404)
    assert "<h1>Page not found</h1>" in html
    assert 'class="site-header"' in html
    assert "/stories/no-such-story/" in html


def test_healthz_answers_when_the_database_does(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_fails(client, db, monkeypatch):
    from django.db import OperationalError, connection

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.parametrize("path", ["/", "/tags/", "/people/", "/stories/no-such-story/"])
def test_every_page_has_one_h1_landmarks_and_a_skip_link(client, fixture_stories, path):
    html = client.get(path).content.decode()
    assert html.count("<h1") == 1
    assert '<html lang="en">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html
    assert "<footer" in html
    assert '<nav aria-label="Sections">' in html
