"""The person page reaches the coverage about the person (the stories carrying the tag of
their name), not only their quotes, in the same number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import Story
from stories.tests.helpers import (
    EXTREME_COURAGE,
    between,
    count_queries,
    make_person,
    make_quote,
    make_story,
    page_html,
)

pytestmark = pytest.mark.django_db


def test_the_fixture_person_page_reaches_the_story_about_him(client, fixture_stories):
    html = page_html(client, "/people/mike-pence/")
    coverage = between(html, '<section class="person__coverage"', "</section>")
    assert "Coverage about Mike Pence" in coverage
    assert f'href="/stories/{EXTREME_COURAGE}/"' in coverage
    assert "Quoted in our stories" in html


def test_coverage_lists_published_stories_about_them_newest_first(client):
    person = make_person(name="Ada Mayor", slug="ada-mayor")
    make_quote(make_story(), person)
    now = timezone.now()
    make_story(headline="Older profile", tags=["Ada Mayor"], published_at=now - timedelta(days=2))
    make_story(headline="Newer profile", tags=["Ada Mayor"], published_at=now - timedelta(days=1))
    make_story(headline="Draft profile", tags=["Ada Mayor"], status=Story.Status.DRAFT)
    make_story(headline="Someone else", tags=["Bo Chu"])
    coverage = between(page_html(client, "/people/ada-mayor/"), "Coverage about", "</section>")
    assert coverage.index("Newer profile") < coverage.index("Older profile")
    assert "Draft profile" not in coverage
    assert "Someone else" not in coverage


def test_a_person_covered_but_never_quoted_has_a_page(client):
    make_person(name="Quiet Subject", slug="quiet-subject")
    make_story(headline="All about them", tags=["Quiet Subject"])
    html = page_html(client, "/people/quiet-subject/")
    assert "All about them" in html
    assert "Quoted in our stories" not in html


def test_a_person_neither_quoted_nor_covered_is_404(client):
    make_person(name="Nobody Much", slug="nobody-much")
    page_html(client, "/people/nobody-much/", status=404)


def test_the_coverage_adds_no_query_and_does_not_grow_with_it(client):
    person = make_person(name="Ada Mayor", slug="ada-mayor")
    make_quote(make_story(), person)
    client.get("/people/ada-mayor/")
    without = count_queries(client, "/people/ada-mayor/")
    for _ in range(15):
        make_story(tags=["Ada Mayor"])
    client.get("/people/ada-mayor/")
    assert count_queries(client, "/people/ada-mayor/") == without == 3
