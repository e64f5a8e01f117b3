"""Stories sharing speakers and tags with a story are suggested, best first, in one query."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import Story
from stories.tests.helpers import between, make_link, make_person, make_quote, make_story, page_html

pytestmark = pytest.mark.django_db


def headlines(stories) -> list[str]:
    return [story.headline for story in stories]


def test_ranked_by_shared_speakers_then_tags_then_newest():
    pence = make_person(name="Mike Pence")
    story = make_story(headline="Certification", tags=["Congress", "Election", "Capitol"])
    make_quote(story, pence)
    make_story(headline="Two tags", tags=["Congress", "Election"])
    make_story(
        headline="One tag, older", tags=["Capitol"], published_at=timezone.now() - timedelta(days=9)
    )
    make_story(
        headline="One tag, newer",
        tags=["Election"],
        published_at=timezone.now() - timedelta(days=1),
    )
    same_speaker = make_story(headline="Same speaker, one tag", tags=["Congress"])
    make_quote(same_speaker, pence)
    make_story(headline="Nothing shared", tags=["Weather"])

    assert headlines(list(Story.objects.suggested_for(story))) == [
        "Same speaker, one tag",
        "Two tags",
        "One tag, newer",
        "One tag, older",
    ]


def test_leaves_out_itself_unpublished_and_already_related_stories():
    story = make_story(headline="Main", tags=["Shared"])
    linked = make_story(headline="Linked from main", tags=["Shared"])
    linking = make_story(headline="Links to main", tags=["Shared"])
    make_link(story, linked)
    make_link(linking, story)
    make_story(headline="Draft", tags=["Shared"], status=Story.Status.DRAFT)
    make_story(
        headline="Scheduled", tags=["Shared"], published_at=timezone.now() + timedelta(hours=1)
    )
    make_story(headline="Candidate", tags=["Shared"])

    assert headlines(list(Story.objects.suggested_for(story))) == ["Candidate"]


def test_at_most_five_and_fragments_do_not_count():
    speaker = make_person()
    story = make_story(tags=["Shared"])
    make_quote(story, speaker)
    for number in range(8):
        make_story(headline=f"Tagged {number}", tags=["Shared"])
    fragment_only = make_story(headline="Fragment only")
    make_quote(fragment_only, speaker, is_fragment=True)

    suggestions = list(Story.objects.suggested_for(story))

    assert len(suggestions) == 5
    assert "Fragment only" not in headlines(list(Story.objects.suggested_for(story, limit=20)))


def test_nothing_to_share_means_no_suggestions_and_no_query(django_assert_num_queries):
    story = make_story()
    make_story(tags=["Elsewhere"])
    story = Story.objects.prefetch_related("tags", "quotes", "related_links", "inbound_links").get(
        pk=story.pk
    )
    with django_assert_num_queries(0):
        assert list(Story.objects.suggested_for(story)) == []


def test_one_query_however_many_candidates_tags_and_speakers(django_assert_num_queries):
    people = [make_person() for _ in range(4)]
    tags = [f"Topic {number}" for number in range(10)]
    story = make_story(tags=tags)
    for person in people:
        make_quote(story, person)
    for number in range(30):
        candidate = make_story(tags=tags[: number % 10 + 1])
        make_quote(candidate, people[number % 4])
    story = Story.objects.prefetch_related("tags", "quotes", "related_links", "inbound_links").get(
        pk=story.pk
    )

    with django_assert_num_queries(1):
        suggestions = list(Story.objects.suggested_for(story))

    assert len(suggestions) == 5
    assert [s.shared_tags for s in suggestions] == [10, 10, 10, 9, 9]


def test_story_page_shows_suggestions_below_the_related_links(client):
    story = make_story(headline="Main", tags=["Harbour"])
    make_link(story, title="Coverage elsewhere", url="https://example.org/x")
    make_story(headline="<b>Harbour</b> & docks", tags=["Harbour"])

    html = page_html(client, story.get_absolute_url())

    assert html.index("Related coverage") < html.index("More on these topics")
    suggested = between(html, 'id="suggested-heading"', "</section>")
    assert "&lt;b&gt;Harbour&lt;/b&gt; &amp; docks" in suggested


def test_story_page_without_anything_shared_has_no_suggestions(client):
    story = make_story(headline="Alone", tags=["Solitude"])
    make_story(headline="Other", tags=["Crowds"])

    assert "More on these topics" not in page_html(client, story.get_absolute_url())


def test_candidates_are_the_stories_most_recently_given_each_tag_and_speaker(monkeypatch):
    monkeypatch.setattr("stories.models.story.SUGGESTION_CANDIDATES", 2)
    speaker = make_person()
    story = make_story(headline="Main", tags=["Shared"])
    make_quote(story, speaker)
    oldest_tagged, older_tagged, newest_tagged = (
        make_story(headline=f"Tagged {number}") for number in range(3)
    )
    for tagged in (oldest_tagged, older_tagged, newest_tagged):
        tagged.tags.add("Shared")
    quoting = make_story(headline="Quoting")
    make_quote(quoting, speaker)

    assert set(headlines(Story.objects.suggested_for(story))) == {
        "Tagged 1",
        "Tagged 2",
        "Quoting",
    }
