"""Authors: the byline links each author, their pages list their stories, their feed, and
what structured data and ninjs say of them."""

import json
from datetime import timedelta

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reader.tests.test_structured_data import news_article, read_head
from reader.views import AuthorDetailView
from stories.models import Section, Story
from stories.tests.helpers import (
    HOSTILE,
    LIST_PAGE_QUERIES,
    between,
    count_queries,
    credit,
    make_author,
    make_story,
    page_html,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def jane():
    return make_author(
        name="Jane Doe",
        slug="jane-doe",
        role="City hall reporter",
        bio="Jane covers the council.\n\nShe joined in 2019.",
        email="jane@example.org",
        links="https://bsky.app/profile/jane.example.org\nhttps://www.linkedin.com/in/janedoe",
    )


@pytest.fixture
def john():
    return make_author(name="John Roe", slug="john-roe")


def test_the_story_byline_links_each_author_in_order_then_the_credit(client, jane, john):
    story = credit(make_story(byline="in Kyiv"), john, jane)
    byline = between(
        page_html(client, story.get_absolute_url()), '<span class="byline">', "</span>"
    )
    assert byline == (
        'By <a href="/authors/john-roe/">John Roe</a> and '
        '<a href="/authors/jane-doe/">Jane Doe</a>, in Kyiv'
    )


def test_three_authors_are_listed_with_commas_and_a_last_and(client, jane, john):
    story = credit(make_story(), jane, john, make_author(name="Ann Lee", slug="ann-lee"))
    byline = between(
        page_html(client, story.get_absolute_url()), '<span class="byline">', "</span>"
    )
    assert ">Jane Doe</a>, <a" in byline
    assert ">John Roe</a> and <a" in byline
    assert story.byline_text == "Jane Doe, John Roe and Ann Lee"


def test_wire_copy_keeps_its_free_text_credit_alone(client):
    story = make_story(byline="Associated Press")
    html = page_html(client, story.get_absolute_url())
    assert '<span class="byline">By Associated Press</span>' in html
    assert "/authors/" not in between(html, "<main", "</main>")


def test_every_card_on_the_front_page_links_its_authors(client, jane):
    credit(make_story(headline="Council story"), jane)
    front = page_html(client, "/")
    card = between(front, "Council story", "</article>")
    assert '<a href="/authors/jane-doe/">Jane Doe</a>' in card


def test_an_author_name_is_escaped_in_the_byline_the_page_and_the_feed(client):
    hostile = make_author(name=HOSTILE, slug="hostile")
    story = credit(make_story(), hostile)
    for url in (story.get_absolute_url(), "/", "/authors/", "/authors/hostile/"):
        html = page_html(client, url)
        assert '<script>alert("x")</script>' not in html
        assert "&lt;/script&gt;" in html
    feed = feedparser.parse(client.get("/authors/hostile/feed/").content)
    assert not feed.bozo
    assert feed.feed.title.endswith(
        '</script><script>alert("x")</script> & <b>bold</b> \u202eevil\u2069'
    )


def test_the_author_page_shows_the_profile_and_their_published_stories_newest_first(
    client, jane, john
):
    now = timezone.now()
    older = credit(make_story(headline="Older", published_at=now - timedelta(days=2)), jane)
    newer = credit(make_story(headline="Newer", published_at=now - timedelta(days=1)), jane, john)
    credit(make_story(headline="Draft", status=Story.Status.DRAFT), jane)
    credit(make_story(headline="Scheduled", published_at=now + timedelta(days=1)), jane)
    credit(make_story(headline="Someone else's"), john)
    html = page_html(client, "/authors/jane-doe/")
    main = between(html, "<main", "</main>")
    assert '<h1 id="author-name">Jane Doe</h1>' in main
    assert "City hall reporter" in main
    assert "<p>Jane covers the council.</p><p>She joined in 2019.</p>" in main
    assert 'href="mailto:jane@example.org"' in main
    assert (
        '<a href="https://bsky.app/profile/jane.example.org" rel="me noopener">bsky.app</a>' in main
    )
    assert ">linkedin.com</a>" in main
    headlines = [h for h in ("Newer", "Older", "Draft", "Scheduled", "Someone else") if h in main]
    assert headlines == ["Newer", "Older"]
    assert main.index(newer.headline) < main.index(older.headline)
    assert '<link rel="canonical" href="http://testserver/authors/jane-doe/">' in html


def test_an_author_without_stories_has_a_page_saying_so(client, john):
    assert "No stories published yet." in page_html(client, "/authors/john-roe/")


def test_an_unknown_author_is_404(client):
    page_html(client, "/authors/nobody/", status=404)
    assert client.get("/authors/nobody/feed/").status_code == 404


def test_the_author_page_is_paged_by_key(client, monkeypatch, jane):
    for number in range(5):
        credit(make_story(headline=f"Piece {number}"), jane)
    monkeypatch.setattr(AuthorDetailView, "paginate_by", 2)
    html = page_html(client, "/authors/jane-doe/")
    older = between(html, '<a rel="next" href="', '"').replace("&amp;", "&")
    assert "older=" in older
    second = page_html(client, f"/authors/jane-doe/{older}")
    assert ("Piece 2" in second, "Piece 3" in second, "Piece 0" in second) == (True, True, False)


def test_the_author_index_lists_the_authors_of_published_stories_by_name(client, jane, john):
    credit(make_story(), john)
    credit(make_story(), jane)
    credit(make_story(status=Story.Status.DRAFT), make_author(name="Only Drafts"))
    later = timezone.now() + timedelta(hours=1)
    credit(make_story(published_at=later), make_author(name="Embargoed Writer"))
    make_author(name="Nothing Yet")
    html = between(page_html(client, "/authors/"), "<main", "</main>")
    assert html.index("Jane Doe") < html.index("John Roe")
    assert ("Only Drafts" in html, "Embargoed Writer" in html, "Nothing Yet" in html) == (
        False,
        False,
        False,
    )
    assert (
        '<a href="/authors/jane-doe/">Jane Doe</a> <span class="count">City hall reporter' in html
    )


def test_author_pages_query_count_is_independent_of_stories_and_authors(
    client, django_assert_max_num_queries, jane
):
    credit(make_story(tags=["Budget"]), jane)
    client.get("/authors/jane-doe/")  # the first request after a save reads what is due
    few = count_queries(client, "/authors/jane-doe/"), count_queries(client, "/")
    for number in range(12):
        others = [make_author() for _ in range(3)]
        credit(make_story(tags=[f"Tag {number}", "Budget"]), jane, *others)
    client.get("/")
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        client.get("/authors/jane-doe/")
    assert (count_queries(client, "/authors/jane-doe/"), count_queries(client, "/")) == few
    assert count_queries(client, "/authors/") == count_queries(client, "/authors/")


def test_the_author_feed_has_their_stories_with_the_byline_as_author(client, jane, john):
    credit(make_story(headline="By both"), jane, john)
    credit(make_story(headline="By Jane alone"), jane)
    credit(make_story(headline="Not hers"), john)
    feed = feedparser.parse(client.get("/authors/jane-doe/feed/atom/").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["By both", "By Jane alone"]
    assert feed.entries[0].author == "Jane Doe and John Roe"
    assert feed.entries[1].author_detail.href == "http://testserver/authors/jane-doe/"


def test_structured_data_names_the_authors_as_people_with_their_pages(client, jane, john):
    story = credit(make_story(byline="Associated Press"), jane, john)
    article = news_article(read_head(client, story.get_absolute_url()))
    assert article["author"] == [
        {"@type": "Person", "name": "Jane Doe", "url": "http://testserver/authors/jane-doe/"},
        {"@type": "Person", "name": "John Roe", "url": "http://testserver/authors/john-roe/"},
    ]


def test_ninjs_gives_the_byline_and_the_authors_among_its_people(client, jane):
    story = credit(make_story(byline="in Kyiv"), jane)
    item = json.loads(client.get(f"/api/stories/{story.slug}/").content)
    assert item["by"] == "Jane Doe, in Kyiv"
    assert item["people"][0] == {
        "name": "Jane Doe",
        "rel": "author",
        "uri": "http://testserver/authors/jane-doe/",
        "literal": "jane-doe",
    }


@pytest.mark.parametrize(
    "links",
    ["http://example.org/jane", "javascript:alert(1)", "bsky.app/profile/jane"],
)
def test_profile_links_must_be_https_addresses(links):
    author = make_author(links=f"https://example.org/ok\n{links}")
    with pytest.raises(ValidationError) as refusal:
        author.full_clean()
    assert "is not an https:// address" in str(refusal.value)


def test_the_story_page_links_its_section_without_a_query_more(client):
    section = Section.objects.create(name="Politics", slug="politics")
    plain = make_story()
    client.get(plain.get_absolute_url())
    sectioned = make_story(section=section)
    client.get(sectioned.get_absolute_url())
    html = page_html(client, sectioned.get_absolute_url())
    assert '<a class="story__section" href="/sections/politics/">Politics</a>' in html
    assert news_article(read_head(client, sectioned.get_absolute_url()))["articleSection"] == (
        "Politics"
    )
    assert count_queries(client, sectioned.get_absolute_url()) == count_queries(
        client, plain.get_absolute_url()
    )
