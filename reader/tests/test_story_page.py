from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from stories.models import Story
from stories.tests.helpers import (
    EXTREME_COURAGE,
    PENCE_LETTER,
    between,
    make_link,
    make_person,
    make_quote,
    make_story,
    page_html,
)

pytestmark = pytest.mark.django_db


def story_html(client, slug):
    return page_html(client, f"/stories/{slug}/")


def test_story_page_shows_the_whole_story(client, fixture_stories):
    html = story_html(client, PENCE_LETTER)
    assert "<h1>In letter to Congress, Pence says he can&#x27;t claim" in html
    published = "January 6, 2021, 7:00 p.m. UTC"
    assert f'<time datetime="2021-01-06T19:00:00+00:00">{published}</time>' in html
    assert "<p>Trump put pressure on Pence to toss electors" in html
    assert "RELATED:" not in html
    assert "News2020" not in html


def test_developing_story_shows_a_notice(client, fixture_stories):
    assert "This is a developing story." in story_html(client, PENCE_LETTER)
    assert "This is a developing story." not in story_html(client, EXTREME_COURAGE)


def test_byline_outlet_and_dek_are_shown_when_present(client):
    story = make_story(byline="Jane Doe", outlet="The Daily Planet", dek="What happened.")
    html = story_html(client, story.slug)
    assert "By Jane Doe" in html
    assert "The Daily Planet" in html
    assert '<p class="story__dek">What happened.</p>' in html


def test_quotes_are_marked_in_the_body_and_the_people_quoted_listed_once(client, fixture_stories):
    html = story_html(client, PENCE_LETTER)
    body = between(html, '<div class="story__body">', '<nav class="share"')
    assert body.count('<q class="said">') == 8
    assert (
        '"<q class="said"><a href="/people/mike-pence/">The presidency belongs to the American '
        'people, and to them alone<span class="visually-hidden"> (Mike Pence)</span></a></q>," '
        "Mr. Pence wrote in the three-page letter."
    ) in body
    assert 'will "never concede" the election' in body  # a fragment, not marked
    people = between(html, '<ul class="people-quoted">', "</ul>")
    assert '<a href="/people/mike-pence/">Mike Pence</a>, Vice President' in people
    assert '<span class="count">3 quotes</span>' in people
    assert '<span class="count">5 quotes</span>' in people
    assert "Who said what" not in html
    assert 'class="story__quotes"' not in html  # every quote stands in the body


def test_tags_link_to_tag_pages(client, fixture_stories):
    html = story_html(client, PENCE_LETTER)
    for slug, name in [("2020-election", "2020 Election"), ("us", "U.S."), ("news", "News")]:
        assert f'<a href="/tags/{slug}/">{name}</a>' in html


def test_related_coverage_links_resolved_and_searches_for_unresolved(client, fixture_stories):
    html = story_html(client, PENCE_LETTER)
    related = between(html, '<ul class="related">', "</ul>")
    assert (
        '<li><a href="/search/?q=Congress%20meets%20to%20certify%20Biden%27s%20win%20over%20'
        'Trump%3B%20GOP%20allies%20challenge%20Arizona%20results" title="Search for this '
        'headline">Congress meets to certify Biden&#x27;s win over Trump; '
        "GOP allies challenge Arizona results</a></li>"
    ) in related
    warnock = "Democrat Raphael Warnock wins Senate race; 2nd too early to call"
    assert f'title="Search for this headline">{warnock}</a>' in related
    assert f'<a href="/stories/{EXTREME_COURAGE}/">' in related
    assert related.count("<li>") == 3


def test_related_coverage_includes_stories_that_link_here_once(client):
    story = make_story()
    both_ways = make_story(headline="Linked both ways")
    make_link(story, both_ways)
    make_link(both_ways, story)
    inbound_only = make_story(headline="Links here only")
    make_link(inbound_only, story)
    make_link(make_story(status=Story.Status.DRAFT, headline="Draft linking here"), story)
    related = between(story_html(client, story.slug), '<ul class="related">', "</ul>")
    assert related.count("Linked both ways") == 1
    assert f'<a href="{inbound_only.get_absolute_url()}">Links here only</a>' in related
    assert "Draft linking here" not in related


def test_link_to_an_unpublished_story_is_not_a_dead_link(client):
    story = make_story()
    draft = make_story(headline="Draft target", status=Story.Status.DRAFT)
    make_link(story, draft)
    make_link(story, title="Partner coverage", url="https://example.org/coverage")
    html = story_html(client, story.slug)
    assert 'title="Search for this headline">Draft target</a>' in html
    assert draft.get_absolute_url() not in html
    assert '<a href="https://example.org/coverage">Partner coverage</a>' in html


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Story.Status.DRAFT},
        {"published_at": timezone.now() + timedelta(days=1)},
        {"published_at": None},
    ],
    ids=["draft", "future", "undated"],
)
def test_unpublished_story_is_404_to_the_public(client, fields):
    story = make_story(**fields)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 404
    assert story.headline not in response.content.decode()


def test_staff_preview_unpublished_story_with_banner_and_noindex(editor_client):
    story = make_story(status=Story.Status.DRAFT, headline="Embargoed story")
    response = editor_client.get(story.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>Preview.</strong>" in html
    assert "its state is “draft”" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_staff_preview_of_a_scheduled_story_names_its_time(editor_client):
    story = make_story(published_at=timezone.now() + timedelta(days=2))
    html = editor_client.get(story.get_absolute_url()).content.decode()
    assert "it is scheduled for" in html


def test_published_story_has_no_preview_banner_for_staff(editor_client):
    story = make_story()
    response = editor_client.get(story.get_absolute_url())
    assert "Preview." not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_logged_in_user_without_permission_gets_404_for_drafts(client):
    user = get_user_model().objects.create_user("reader", password="x")
    client.force_login(user)
    story = make_story(status=Story.Status.DRAFT)
    assert client.get(story.get_absolute_url()).status_code == 404


def test_fragments_stay_off_the_page_but_in_the_data(client):
    story = make_story()
    speaker = make_person()
    make_quote(story, speaker, text="fake news", is_fragment=True)
    make_quote(story, speaker, text="A whole sentence someone said.")
    html = story_html(client, story.slug)
    assert "A whole sentence someone said." in html
    assert "fake news" not in html
    assert story.quotes.count() == 2
