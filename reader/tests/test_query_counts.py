"""A page's query count does not grow with its quotes, tags, related links or stories."""

import pytest

from stories.tests.helpers import (
    LIST_PAGE_QUERIES,
    STORY_PAGE_QUERIES,
    count_queries,
    make_person,
    make_quote,
    make_rich_story,
    make_story,
)

pytestmark = pytest.mark.django_db


def test_story_page_with_30_quotes_and_20_tags(client, django_assert_max_num_queries):
    small = make_rich_story(quotes=1, tags=1, links=1)
    big = make_rich_story(quotes=30, tags=20, links=10, speakers=10, corrections=8)
    assert big.quotes.count() == 30
    assert big.tags.count() == 20
    with django_assert_max_num_queries(STORY_PAGE_QUERIES):
        response = client.get(big.get_absolute_url())
    assert response.content.decode().count("<blockquote>") == 30
    assert count_queries(client, small.get_absolute_url()) == count_queries(
        client, big.get_absolute_url()
    )


def test_front_page_query_count_is_independent_of_story_count(
    client, django_assert_max_num_queries
):
    make_rich_story(quotes=2, tags=2, links=1)
    few = count_queries(client, "/")
    for _ in range(15):
        make_rich_story(quotes=3, tags=20, links=2)
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        client.get("/")
    assert count_queries(client, "/") == few


def test_tag_page_query_count_is_independent_of_story_count(client, django_assert_max_num_queries):
    make_story(tags=["Shared", "Other"])
    few = count_queries(client, "/tags/shared/")
    for number in range(15):
        make_story(tags=["Shared", *[f"Tag {number}-{i}" for i in range(20)]])
    with django_assert_max_num_queries(LIST_PAGE_QUERIES + 1):
        client.get("/tags/shared/")
    assert count_queries(client, "/tags/shared/") == few


def test_tag_index_query_count_is_independent_of_tag_count(client, django_assert_max_num_queries):
    make_story(tags=["One"])
    few = count_queries(client, "/tags/")
    make_rich_story(quotes=0, tags=50, links=0)
    with django_assert_max_num_queries(3):  # count, rows, featured tags
        client.get("/tags/")
    assert count_queries(client, "/tags/") == few


def test_person_pages_query_count_is_independent_of_quote_count(
    client, django_assert_max_num_queries
):
    speaker = make_person(slug="busy-speaker")
    make_quote(make_story(), speaker)
    few_person, few_index = (
        count_queries(client, "/people/busy-speaker/"),
        count_queries(client, "/people/"),
    )
    for _ in range(10):
        story = make_story()
        for position in range(5):
            make_quote(story, speaker, position=position)
        make_quote(story, make_person())
    with django_assert_max_num_queries(5):  # person, emptiness check, count, quotes, featured tags
        client.get("/people/busy-speaker/")
    assert count_queries(client, "/people/busy-speaker/") == few_person
    assert count_queries(client, "/people/") == few_index
