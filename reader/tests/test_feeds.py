"""RSS and Atom feeds: the right stories, every entry complete, valid XML whatever the text."""

import html
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import strip_tags

from stories.models import Correction, Story
from stories.tests.helpers import between, make_person, make_quote, make_story, page_html

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
SITE = "http://testserver"
SITE_NAME = settings.NEWSROOM_SITE_NAME

HOSTILE = '<script>alert(1)</script> </script> "quotes" & \u200fright-to-left\x0b control'
HOSTILE_AS_READ = HOSTILE.replace("\x0b", "")


def parse_feed(client, url: str) -> ElementTree.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return ElementTree.fromstring(response.content)


def rss_items(client, url: str) -> list[ElementTree.Element]:
    return parse_feed(client, url).findall("channel/item")


def atom_entries(client, url: str) -> list[ElementTree.Element]:
    return parse_feed(client, url).findall(f"{ATOM}entry")


def titles(client, url: str) -> list[str]:
    """Entry titles in feed order, from an RSS or an Atom feed."""
    root = parse_feed(client, url)
    entries = root.findall("channel/item") or root.findall(f"{ATOM}entry")
    return [entry.findtext("title") or entry.findtext(f"{ATOM}title") for entry in entries]


def html_text(fragment: str) -> str:
    """What a feed reader shows of an HTML description: the text, tags dropped."""
    return html.unescape(strip_tags(fragment))


def set_updated_at(story: Story, moment: datetime) -> Story:
    """Back-date the story's last save, which auto_now would otherwise set to now."""
    Story.objects.filter(pk=story.pk).update(updated_at=moment)
    story.refresh_from_db()
    return story


def test_rss_entry_has_headline_link_summary_author_dates_and_tags(client):
    story = make_story(
        headline="Senate passes the budget",
        dek="A late-night vote ends the standoff.",
        byline="Jane Doe",
        tags=["Politics", "Budget"],
    )
    root = parse_feed(client, "/feeds/latest/")
    assert root.tag == "rss"
    assert root.findtext("channel/title") == f"{SITE_NAME}: latest stories"
    [item] = root.findall("channel/item")
    url = f"{SITE}{story.get_absolute_url()}"
    assert item.findtext("title") == "Senate passes the budget"
    assert item.findtext("link") == url
    assert item.findtext("guid") == url
    assert html_text(item.findtext("description")) == "A late-night vote ends the standoff."
    assert item.findtext(DC_CREATOR) == "Jane Doe"
    published = parsedate_to_datetime(item.findtext("pubDate"))
    assert published == story.published_at.replace(microsecond=0)
    assert sorted(category.text for category in item.findall("category")) == [
        "Budget",
        "Politics",
    ]


def test_atom_entry_has_headline_link_summary_author_dates_and_tags(client):
    story = make_story(
        headline="Senate passes the budget",
        dek="A late-night vote ends the standoff.",
        byline="Jane Doe",
        tags=["Politics", "Budget"],
    )
    root = parse_feed(client, "/feeds/latest/atom/")
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == f"{SITE_NAME}: latest stories"
    [entry] = root.findall(f"{ATOM}entry")
    url = f"{SITE}{story.get_absolute_url()}"
    assert entry.findtext(f"{ATOM}title") == "Senate passes the budget"
    assert entry.find(f"{ATOM}link").get("href") == url
    assert entry.findtext(f"{ATOM}id") == url
    summary = entry.findtext(f"{ATOM}summary")
    assert html_text(summary) == "A late-night vote ends the standoff."
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Jane Doe"
    assert datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == story.published_at
    assert datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == story.modified_at
    terms = sorted(category.get("term") for category in entry.findall(f"{ATOM}category"))
    assert terms == ["Budget", "Politics"]


@pytest.mark.parametrize(
    ("fields", "author"),
    [
        ({"byline": "", "outlet": "The Daily Planet"}, "The Daily Planet"),
        ({"byline": "", "outlet": ""}, SITE_NAME),
    ],
)
def test_author_falls_back_to_the_outlet_then_the_site_name(client, fields, author):
    make_story(**fields)
    [item] = rss_items(client, "/feeds/latest/")
    assert item.findtext(DC_CREATOR) == author
    [entry] = atom_entries(client, "/feeds/latest/atom/")
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == author


@pytest.mark.parametrize("url", ["/feeds/latest/", "/feeds/latest/atom/"])
def test_latest_feed_lists_only_published_stories_newest_first(client, url):
    now = timezone.now()
    make_story(headline="Older", published_at=now - timedelta(days=2))
    make_story(headline="Newer", published_at=now - timedelta(hours=1))
    make_story(headline="Draft", status=Story.Status.DRAFT)
    make_story(headline="In review", status=Story.Status.REVIEW)
    make_story(headline="Scheduled", published_at=now + timedelta(hours=1))
    make_story(headline="Unpublished", status=Story.Status.UNPUBLISHED, published_at=now)
    assert titles(client, url) == ["Newer", "Older"]


def test_latest_feed_holds_the_30_newest_stories(client):
    now = timezone.now()
    for hours in range(31):
        make_story(headline=f"Hours ago {hours}", published_at=now - timedelta(hours=hours + 1))
    listed = titles(client, "/feeds/latest/")
    assert len(listed) == 30
    assert listed[0] == "Hours ago 0"
    assert "Hours ago 30" not in listed


@pytest.mark.parametrize("url", ["/tags/courts/feed/", "/tags/courts/feed/atom/"])
def test_tag_feed_lists_only_that_tags_published_stories(client, url):
    make_story(headline="Court rules", tags=["Courts", "Politics"])
    make_story(headline="Budget vote", tags=["Politics"])
    make_story(headline="Draft ruling", tags=["Courts"], status=Story.Status.DRAFT)
    root = parse_feed(client, url)
    assert f"{SITE_NAME}: Courts" in {root.findtext("channel/title"), root.findtext(f"{ATOM}title")}
    assert titles(client, url) == ["Court rules"]


@pytest.mark.parametrize("url", ["/people/jane-roe/feed/", "/people/jane-roe/feed/atom/"])
def test_person_feed_lists_each_story_quoting_the_person_once(client, url):
    now = timezone.now()
    speaker = make_person(name="Jane Roe", slug="jane-roe")
    twice = make_story(headline="Quoted twice", published_at=now - timedelta(hours=1))
    make_quote(twice, speaker, position=0)
    make_quote(twice, speaker, position=1)
    once = make_story(headline="Quoted once", published_at=now - timedelta(hours=2))
    make_quote(once, speaker)
    fragment = make_story(headline="Only a fragment")
    make_quote(fragment, speaker, is_fragment=True)
    make_quote(make_story(headline="Someone else"), make_person())
    make_quote(make_story(headline="Unpublished", status=Story.Status.DRAFT), speaker)
    root = parse_feed(client, url)
    assert f"{SITE_NAME}: Jane Roe" in {
        root.findtext("channel/title"),
        root.findtext(f"{ATOM}title"),
    }
    assert titles(client, url) == ["Quoted twice", "Quoted once"]


@pytest.mark.parametrize(
    "url",
    [
        "/tags/no-such-tag/feed/",
        "/tags/no-such-tag/feed/atom/",
        "/people/no-such-person/feed/",
        "/people/no-such-person/feed/atom/",
    ],
)
def test_feed_of_an_unknown_tag_or_person_is_404(client, url):
    make_story(tags=["Courts"])
    assert client.get(url).status_code == 404


def test_corrections_are_in_the_entry_and_move_its_updated_date(client):
    story = make_story(
        dek="The summary.",
        published_at=datetime(2024, 11, 1, 9, tzinfo=UTC),
    )
    set_updated_at(story, datetime(2024, 11, 2, 9, tzinfo=UTC))
    [entry] = atom_entries(client, "/feeds/latest/atom/")
    assert entry.findtext(f"{ATOM}updated") == "2024-11-02T09:00:00+00:00"

    appended_from = timezone.now().replace(microsecond=0)
    Correction.objects.create(
        story=story,
        text="An earlier version misstated the vote.",
        created_at=datetime(2024, 11, 3, 12, tzinfo=UTC),
    )
    Correction.objects.create(
        story=story,
        kind=Correction.Kind.UPDATE,
        text="The governor has signed the bill.",
        created_at=datetime(2024, 11, 4, 15, 30, tzinfo=UTC),
    )
    [entry] = atom_entries(client, "/feeds/latest/atom/")
    updated = datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    assert updated >= appended_from, "the entry is updated when the correction is appended"
    expected = (
        "The summary.\n"
        "Update (November 4, 2024): The governor has signed the bill.\n"
        "Correction (November 3, 2024): An earlier version misstated the vote."
    )
    assert html_text(entry.findtext(f"{ATOM}summary")) == expected
    [item] = rss_items(client, "/feeds/latest/")
    assert html_text(item.findtext("description")) == expected


@pytest.fixture
def hostile_story():
    story = make_story(
        headline=HOSTILE, dek=HOSTILE, byline=HOSTILE, tags=[f"Tag {HOSTILE}"], slug="hostile"
    )
    Correction.objects.create(story=story, text=HOSTILE)
    make_quote(story, make_person(name=f"Person {HOSTILE}", slug="hostile-person"))
    return story


def hostile_feed_urls(story: Story) -> list[str]:
    tag_slug = story.tags.get().slug
    return [
        "/feeds/latest/",
        "/feeds/latest/atom/",
        f"/tags/{tag_slug}/feed/",
        f"/tags/{tag_slug}/feed/atom/",
        "/people/hostile-person/feed/",
        "/people/hostile-person/feed/atom/",
    ]


def test_hostile_rss_text_comes_out_escaped_and_intact(client, hostile_story):
    for url in hostile_feed_urls(hostile_story)[::2]:
        response = client.get(url)
        assert b"<script>" not in response.content, url
        assert b"</script>" not in response.content, url
        [item] = ElementTree.fromstring(response.content).findall("channel/item")
        assert item.findtext("title") == HOSTILE_AS_READ
        assert item.findtext(DC_CREATOR) == HOSTILE_AS_READ
        assert [category.text for category in item.findall("category")] == [
            f"Tag {HOSTILE_AS_READ}"
        ]
        description = html_text(item.findtext("description"))
        assert description.startswith(f"{HOSTILE_AS_READ}\nCorrection (")
        assert description.endswith(f"): {HOSTILE_AS_READ}")


def test_hostile_atom_text_comes_out_escaped_and_intact(client, hostile_story):
    for url in hostile_feed_urls(hostile_story)[1::2]:
        response = client.get(url)
        assert b"<script>" not in response.content, url
        assert b"</script>" not in response.content, url
        [entry] = ElementTree.fromstring(response.content).findall(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}title") == HOSTILE_AS_READ
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == HOSTILE_AS_READ
        assert entry.find(f"{ATOM}category").get("term") == f"Tag {HOSTILE_AS_READ}"
        assert html_text(entry.findtext(f"{ATOM}summary")).startswith(HOSTILE_AS_READ)


def test_hostile_tag_and_person_names_make_valid_feed_titles(client, hostile_story):
    tag_slug = hostile_story.tags.get().slug
    tag_feed = parse_feed(client, f"/tags/{tag_slug}/feed/")
    assert tag_feed.findtext("channel/title") == f"{SITE_NAME}: Tag {HOSTILE_AS_READ}"
    person_feed = parse_feed(client, "/people/hostile-person/feed/atom/")
    assert person_feed.findtext(f"{ATOM}title") == f"{SITE_NAME}: Person {HOSTILE_AS_READ}"


def make_tagged_quoted_story(speaker, number: int, corrections: int) -> Story:
    story = make_story(tags=["Shared", *[f"Tag {number}-{i}" for i in range(5)]])
    make_quote(story, speaker)
    for correction in range(corrections):
        Correction.objects.create(story=story, text=f"Correction {correction}.")
    return story


FEED_QUERIES = {
    "/feeds/latest/": 3,  # stories, their tags, their corrections
    "/feeds/latest/atom/": 3,
    "/tags/shared/feed/": 4,  # the tag, then as above
    "/tags/shared/feed/atom/": 4,
    "/people/busy-speaker/feed/": 4,  # the person, then as above
    "/people/busy-speaker/feed/atom/": 4,
}


@pytest.mark.parametrize(("url", "most"), FEED_QUERIES.items())
def test_feed_query_count_is_independent_of_stories_tags_and_corrections(
    client, django_assert_max_num_queries, url, most
):
    speaker = make_person(slug="busy-speaker")
    make_tagged_quoted_story(speaker, 0, corrections=0)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(1, 16):
        make_tagged_quoted_story(speaker, number, corrections=3)
    with django_assert_max_num_queries(most) as many:
        response = client.get(url)
    assert len(titles(client, url)) == 16
    assert response.status_code == 200
    assert len(many) == len(few)


def head(page: str) -> str:
    return between(page, "<head>", "</head>")


def test_pages_announce_their_feeds(client):
    story = make_story(tags=["Courts"])
    make_quote(story, make_person(slug="jane-roe"))
    front = head(page_html(client, "/"))
    assert '<link rel="alternate" type="application/rss+xml"' in front
    assert 'href="/feeds/latest/"' in front
    assert '<link rel="alternate" type="application/atom+xml"' in front
    assert 'href="/feeds/latest/atom/"' in front
    tag_page = page_html(client, "/tags/courts/")
    assert 'href="/tags/courts/feed/"' in head(tag_page)
    assert 'href="/tags/courts/feed/atom/"' in head(tag_page)
    assert '<a href="/tags/courts/feed/">RSS feed</a>' in tag_page
    person_page = page_html(client, "/people/jane-roe/")
    assert 'href="/people/jane-roe/feed/"' in head(person_page)
    assert 'href="/people/jane-roe/feed/atom/"' in head(person_page)
    assert '<a href="/people/jane-roe/feed/">RSS feed</a>' in person_page
