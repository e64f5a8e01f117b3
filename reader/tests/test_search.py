"""Readers find published stories by their words, quotes and speakers, best matches first."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from reader.search import (
    MARK_START,
    MARK_STOP,
    marked_html,
    query_terms,
    story_search,
)
from stories.models import Story
from stories.search_vectors import search_vectors_refresh
from stories.tests.helpers import make_person, make_quote, make_story, page_html

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the stored search vector is PostgreSQL's"
)


def found_headlines(query: str) -> list[str]:
    return [story.headline for story in story_search(query)]


def result_headlines(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", headline)
        for headline in re.findall(r'class="story-card__headline"><a [^>]+>(.*?)</a>', html)
    ]


def test_finds_words_in_headline_dek_body_quote_and_speaker():
    make_story(headline="Harbour bridge closes")
    make_story(headline="Budget", dek="The harbour authority asks for more.")
    make_story(headline="Weather", body="Storms hit the harbour overnight.\n\nMore later.")
    quoted = make_story(headline="Council meets")
    make_quote(quoted, make_person(name="Ada Brennan"), text="The harbour must stay open.")
    spoken = make_story(headline="Rail strike")
    make_quote(spoken, make_person(name="Harbour Master Quinn"), text="We are ready.")
    make_story(headline="Unrelated", body="Nothing about boats.")

    assert sorted(found_headlines("harbour")) == [
        "Budget",
        "Council meets",
        "Harbour bridge closes",
        "Rail strike",
        "Weather",
    ]
    assert found_headlines("Brennan") == ["Council meets"]


def test_headline_and_quote_matches_rank_above_body_matches():
    make_story(headline="Quiet day", body="A word about tariffs, deep in the text.")
    quoted = make_story(headline="Trade talks", body="Talks went on.")
    make_quote(quoted, make_person(), text="Tariffs hurt farmers.")
    make_story(headline="Tariffs rise again", body="Prices follow.")

    assert found_headlines("tariffs") == ["Tariffs rise again", "Trade talks", "Quiet day"]


def test_every_word_must_match_and_a_phrase_matches_as_written():
    make_story(headline="Senate passes the budget", body="The vote was close.")
    make_story(headline="Budget vote delayed", body="The senate adjourned.")
    make_story(headline="Senate recess", body="No vote today.")

    assert sorted(found_headlines("senate budget")) == [
        "Budget vote delayed",
        "Senate passes the budget",
    ]
    assert found_headlines('"passes the budget"') == ["Senate passes the budget"]
    assert found_headlines("senate -budget") == ["Senate recess"]


def test_only_published_stories_are_found():
    make_story(headline="Published zeppelin story")
    make_story(headline="Draft zeppelin story", status=Story.Status.DRAFT)
    make_story(headline="Unpublished zeppelin story", status=Story.Status.UNPUBLISHED)
    make_story(
        headline="Scheduled zeppelin story",
        published_at=timezone.now() + timedelta(hours=2),
    )

    assert found_headlines("zeppelin") == ["Published zeppelin story"]


def test_search_page_marks_matches_and_escapes_everything_else(client):
    make_story(
        headline="<script>alert(1)</script> Volcano & ash",
        body='He said "volcano" \u200fright-to-left\u200f and </script> twice.',
    )

    html = page_html(client, "/search/?q=volcano")

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Volcano</mark> &amp; ash" in html
    assert "&lt;/script&gt;" in html
    assert "\u200fright-to-left\u200f" in html
    assert "<mark>volcano</mark>" in html
    assert "1 story matches “volcano”." in html


def test_hostile_query_is_escaped_on_the_page(client):
    html = page_html(client, '/search/?q=%3C%2Fscript%3E%3Cb%3E"%26')

    assert "</script><b>" not in html
    assert "&lt;/script&gt;&lt;b&gt;&quot;&amp;" in html
    assert "No stories match" in html


def test_empty_query_shows_the_form_and_no_results(client):
    make_story(headline="Anything at all")

    html = page_html(client, "/search/?q=++")

    assert 'id="search-query"' in html
    assert "match" not in html.split("</form>", 2)[2]
    assert result_headlines(html) == []


def test_results_are_paginated_and_keep_the_query(client, settings):
    for number in range(23):
        make_story(headline=f"Glacier report {number}")

    first = page_html(client, "/search/?q=glacier")
    second = page_html(client, "/search/?q=glacier&page=2")

    assert len(result_headlines(first)) == 20
    assert len(result_headlines(second)) == 3
    assert 'href="?q=glacier&amp;page=2"' in first
    assert "23 stories match" in first
    assert not set(result_headlines(first)) & set(result_headlines(second))


def test_search_page_query_count_does_not_grow_with_results(client, django_assert_max_num_queries):
    make_story(headline="Lighthouse one", tags=["Coast"])
    with django_assert_max_num_queries(4):  # count, rows, tags, featured tags
        page_html(client, "/search/?q=lighthouse")
    for number in range(15):
        story = make_story(headline=f"Lighthouse {number}", tags=[f"T{number}", "Coast"])
        make_quote(story, make_person(), text="Lighthouse keepers speak.")
    with django_assert_max_num_queries(4):
        page_html(client, "/search/?q=lighthouse")


def test_query_terms_keep_phrases_and_exclusions():
    assert query_terms('senate "budget vote" -delay') == [
        query_terms("senate")[0],
        query_terms('"budget vote"')[0],
        query_terms("-delay")[0],
    ]
    words = [(term.words, term.excluded) for term in query_terms('a  "b   c" -d -"e f"')]
    assert words == [("a", False), ("b c", False), ("d", True), ("e f", True)]


def test_marks_become_mark_elements_and_stray_marks_are_dropped():
    text = f"<b>{MARK_START}x{MARK_STOP} & {MARK_STOP}y{MARK_START}z"
    assert marked_html(text) == "&lt;b&gt;<mark>x</mark> &amp; y<mark>z</mark>"


@on_postgres
def test_stored_vector_follows_quotes_speakers_and_edits():
    story = make_story(headline="Ferry timetable")
    speaker = make_person(name="Oona Kettleby")
    quote = make_quote(story, speaker, text="Crossings resume on Monday.")
    assert found_headlines("crossings") == ["Ferry timetable"]
    assert found_headlines("Kettleby") == ["Ferry timetable"]

    speaker.name = "Oona Marchbanks"
    speaker.save()
    assert found_headlines("Kettleby") == []
    assert found_headlines("Marchbanks") == ["Ferry timetable"]

    quote.delete()
    assert found_headlines("crossings") == []

    story.headline = "Ferry strike"
    story.save()
    assert found_headlines("strike") == ["Ferry strike"]


@on_postgres
def test_stemming_and_web_search_syntax_on_postgres():
    make_story(headline="Councils vote on housing", body="Votes were counted.")
    make_story(headline="Housing market cools")

    assert found_headlines("council voting") == ["Councils vote on housing"]
    assert sorted(found_headlines("council or market")) == [
        "Councils vote on housing",
        "Housing market cools",
    ]


@on_postgres
def test_search_vector_is_gin_indexed_and_used():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "stories_story")
    gin = [c for c in constraints.values() if c["columns"] == ["search_vector"]]
    assert gin
    assert gin[0]["type"] == "gin"

    for number in range(200):
        make_story(headline=f"Filler {number}", body="Nothing to see.")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM stories_story WHERE search_vector @@ "
            "websearch_to_tsquery('english', 'filler')"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "story_search_vector_gin" in plan


@on_postgres
def test_refresh_fills_vectors_of_rows_written_without_signals():
    story = make_story(headline="Orchard harvest")
    Story.objects.filter(pk=story.pk).update(search_vector=None)
    assert found_headlines("orchard") == []

    search_vectors_refresh([story.pk])

    assert found_headlines("orchard") == ["Orchard harvest"]


@pytest.mark.parametrize("query", ["\x00", "pence\x00", "\x00\x01\x1f\x7f", "a\x00b " * 200])
def test_control_characters_in_a_query_are_dropped_not_a_500(client, query):
    make_story(headline="Pence writes to Congress")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    if query == "pence\x00":
        assert "writes to Congress" in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("didn't", "The mayor didn’t vote."),
        ("didn’t", "The mayor didn't vote."),
        ("Biden's", "Biden’s plan passed."),
        ("Biden’s", "Biden's plan passed."),
    ],
)
def test_straight_and_curly_apostrophes_find_the_same_stories(typed, written):
    make_story(headline="The one", body=written)
    make_story(headline="Another", body="Nothing of the kind.")
    assert found_headlines(typed) == ["The one"]


def test_words_match_whole_words_not_parts_of_others():
    make_story(headline="Senate sits", body="The Senate met late.")
    make_story(headline="Lunch", body="The council ate at noon.")
    assert found_headlines("ate") == ["Lunch"]
