"""Story pages carry schema.org NewsArticle JSON-LD, OpenGraph and Twitter tags; every public
page has a canonical address and a description; hostile text cannot break any of them."""

import json
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from reader.structured_data import byline_names, json_ld_script
from stories.models import Correction, Story
from stories.tests.helpers import (
    STORY_PAGE_QUERIES,
    between,
    count_queries,
    make_hostile_story,
    make_person,
    make_quote,
    make_rich_story,
    make_story,
    page_html,
)
from stories.text import shorten

pytestmark = pytest.mark.django_db

SITE_NAME = "The Test Gazette"
SITE_URL = "http://testserver/"
PUBLISHED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LONG_HEADLINE = (
    "Council passes the budget after a night of debate over schools, buses, parks, libraries "
    "and the pay of every city worker"
)
HOSTILE = '</script><script>alert(1)</script> <!-- "quotes" &amp; & \u200f\u2028 end'
JSON_LD_START = '<script type="application/ld+json">'


class HeadParser(HTMLParser):
    """A page head's meta tags, canonical links and JSON-LD, as a browser reads them."""

    def __init__(self):
        super().__init__()
        self.meta = defaultdict(list)
        self.canonical = []
        self.json_ld = []
        self.in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and "content" in attributes:
            key = attributes.get("property") or attributes.get("name")
            self.meta[key].append(attributes["content"])
        elif tag == "link" and attributes.get("rel") == "canonical":
            self.canonical.append(attributes["href"])
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self.json_ld.append("")
            self.in_json_ld = True

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_json_ld = False

    def handle_data(self, data):
        if self.in_json_ld:
            self.json_ld[-1] += data


def read_head(client, url: str) -> HeadParser:
    parser = HeadParser()
    parser.feed(page_html(client, url).split("</head>", 1)[0])
    return parser


def news_article(head: HeadParser) -> dict:
    assert len(head.json_ld) == 1
    return json.loads(head.json_ld[0])


@pytest.fixture(autouse=True)
def site(settings):
    settings.NEWSROOM_SITE_NAME = SITE_NAME
    settings.TIME_ZONE = "UTC"


@pytest.fixture
def reported_story():
    """A story with a two-person byline, tags, quotes (one a fragment), a correction and an
    update; saved an hour after its publication."""
    story = make_story(
        headline=LONG_HEADLINE,
        slug="council-budget",
        dek="The council passed the budget after a long night.",
        body="First paragraph.\n\nSecond paragraph.",
        byline="Jane Doe and John Roe",
        published_at=PUBLISHED,
        tags=["City Council", "Budget"],
    )
    Story.objects.filter(pk=story.pk).update(updated_at=PUBLISHED + timedelta(hours=1))
    mayor = make_person(name="Ann Mayor", slug="ann-mayor", title="Mayor")
    clerk = make_person(name="Bo Clerk", slug="bo-clerk")
    make_quote(story, mayor, text="We balanced it.", position=0, said_on=date(2026, 2, 28))
    make_quote(story, clerk, text="It took all night.", position=1)
    make_quote(story, mayor, text="Balanced, again.", position=2)
    make_quote(story, clerk, text="fake news", position=3, is_fragment=True)
    Correction.objects.create(
        story=story,
        text="An earlier version misspelled the clerk's name.",
        created_at=PUBLISHED + timedelta(hours=2),
    )
    Correction.objects.create(
        story=story,
        kind=Correction.Kind.UPDATE,
        text="The mayor signed the budget.",
        created_at=PUBLISHED + timedelta(hours=3),
    )
    Story.objects.filter(pk=story.pk).update(updated_at=PUBLISHED + timedelta(hours=3))
    return story


def test_story_page_describes_the_story_as_a_news_article(client, reported_story):
    mayor = {
        "@type": "Person",
        "name": "Ann Mayor",
        "url": "http://testserver/people/ann-mayor/",
        "jobTitle": "Mayor",
    }
    clerk = {"@type": "Person", "name": "Bo Clerk", "url": "http://testserver/people/bo-clerk/"}
    publisher = {"@type": "Organization", "name": SITE_NAME, "url": SITE_URL}
    url = "http://testserver/stories/council-budget/"
    article = news_article(read_head(client, reported_story.get_absolute_url()))
    assert article == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": LONG_HEADLINE,
        "description": "The council passed the budget after a long night.",
        "articleBody": "First paragraph.\n\nSecond paragraph.",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": "2026-03-01T12:00:00+00:00",
        "dateModified": "2026-03-01T15:00:00+00:00",
        "author": [
            {"@type": "Person", "name": "Jane Doe"},
            {"@type": "Person", "name": "John Roe"},
        ],
        "publisher": publisher,
        "isAccessibleForFree": True,
        "keywords": ["Budget", "City Council"],
        "hasPart": [
            {
                "@type": "Quotation",
                "text": "We balanced it.",
                "spokenByCharacter": mayor,
                "dateCreated": "2026-02-28",
            },
            {"@type": "Quotation", "text": "It took all night.", "spokenByCharacter": clerk},
            {"@type": "Quotation", "text": "Balanced, again.", "spokenByCharacter": mayor},
        ],
        "mentions": [mayor, clerk],
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": "An earlier version misspelled the clerk's name.",
                "datePublished": "2026-03-01T14:00:00+00:00",
            }
        ],
    }
    assert len(article["headline"]) > 110


def test_date_modified_follows_the_newest_correction(client):
    story = make_story(published_at=PUBLISHED)
    Story.objects.filter(pk=story.pk).update(updated_at=PUBLISHED)
    before = news_article(read_head(client, story.get_absolute_url()))
    assert before["dateModified"] == before["datePublished"] == "2026-03-01T12:00:00+00:00"
    assert "correction" not in before

    appended_from = timezone.now().replace(microsecond=0)
    Correction.objects.create(
        story=story, text="The vote was on Tuesday.", created_at=PUBLISHED + timedelta(days=1)
    )
    head = read_head(client, story.get_absolute_url())
    after = news_article(head)
    assert datetime.fromisoformat(after["dateModified"]) >= appended_from
    assert head.meta["article:modified_time"] == [after["dateModified"]]
    assert after["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "The vote was on Tuesday.",
            "datePublished": "2026-03-02T12:00:00+00:00",
        }
    ]


def test_date_modified_follows_a_later_save(client):
    story = make_story(published_at=PUBLISHED)
    Story.objects.filter(pk=story.pk).update(updated_at=PUBLISHED + timedelta(hours=5))
    article = news_article(read_head(client, story.get_absolute_url()))
    assert article["datePublished"] == "2026-03-01T12:00:00+00:00"
    assert article["dateModified"] == "2026-03-01T17:00:00+00:00"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Jane Doe", ["Jane Doe"]),
        ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Ann Lee, Bo Chu and Cy Roe", ["Ann Lee", "Bo Chu", "Cy Roe"]),
        ("Ann Lee, Bo Chu, and Cy Roe", ["Ann Lee", "Bo Chu", "Cy Roe"]),
        ("Sandy Anderson", ["Sandy Anderson"]),
        ("  ", []),
    ],
)
def test_byline_is_split_into_people(byline, names):
    assert byline_names(byline) == names


@pytest.mark.parametrize(
    ("outlet", "author"),
    [
        ("The Daily Planet", {"@type": "Organization", "name": "The Daily Planet"}),
        ("", {"@type": "Organization", "name": SITE_NAME, "url": SITE_URL}),
    ],
)
def test_without_a_byline_the_author_is_the_outlet_or_else_the_site(client, outlet, author):
    story = make_story(byline="", outlet=outlet)
    assert news_article(read_head(client, story.get_absolute_url()))["author"] == [author]


def test_story_page_has_opengraph_twitter_canonical_and_description(client, reported_story):
    head = read_head(client, reported_story.get_absolute_url())
    url = "http://testserver/stories/council-budget/"
    summary = "The council passed the budget after a long night."
    assert head.canonical == [url]
    assert dict(head.meta) == {
        "description": [summary],
        "og:type": ["article"],
        "og:title": [LONG_HEADLINE],
        "og:description": [summary],
        "og:url": [url],
        "og:site_name": [SITE_NAME],
        "article:published_time": ["2026-03-01T12:00:00+00:00"],
        "article:modified_time": ["2026-03-01T15:00:00+00:00"],
        "article:tag": ["Budget", "City Council"],
        "twitter:card": ["summary"],
        "twitter:title": [LONG_HEADLINE],
        "twitter:description": [summary],
        "viewport": ["width=device-width, initial-scale=1"],
    }


def test_long_summary_is_cut_on_a_word_boundary_for_the_description(client):
    first_paragraph = " ".join(f"word{number}" for number in range(60))
    story = make_story(dek="", body=f"{first_paragraph}\n\nSecond paragraph.")
    head = read_head(client, story.get_absolute_url())
    [description] = head.meta["description"]
    assert len(description) <= 160
    assert description.endswith("…")
    assert first_paragraph.startswith(f"{description[:-1]} ")
    assert head.meta["og:description"] == [description]
    assert news_article(head)["description"] == first_paragraph


@pytest.mark.parametrize(
    ("text", "width", "shortened"),
    [
        ("Short enough.", 20, "Short enough."),
        ("one two  three\nfour", 30, "one two three four"),
        ("one two three four", 13, "one two…"),
        ("one two three four", 14, "one two three…"),
        ("one, two three", 9, "one, two…"),
        ("one, two three", 8, "one…"),
        ("abcdefghijkl", 6, "abcde…"),
    ],
)
def test_shorten_cuts_after_whole_words(text, width, shortened):
    assert shorten(text, width) == shortened


@pytest.fixture
def hostile_story():
    return make_hostile_story(HOSTILE)


def test_hostile_text_cannot_break_the_json_ld(client, hostile_story):
    html = page_html(client, hostile_story.get_absolute_url())
    raw = between(html, JSON_LD_START, "</script>")
    assert "<" not in raw
    assert ">" not in raw
    assert "&" not in raw
    assert "\u2028" not in raw
    assert html.count("</script>") == html.count("<script")  # no element ended early
    assert "<script>alert(1)</script>" not in html
    article = json.loads(raw)
    assert article["headline"] == f"Headline {HOSTILE}"
    assert article["description"] == f"Dek {HOSTILE}"
    # the body's plain text, derived from its HTML, has its whitespace collapsed as HTML has
    paragraphs = [f"Body {HOSTILE}", f"Second {HOSTILE}"]
    assert article["articleBody"] == "\n\n".join(" ".join(p.split()) for p in paragraphs)
    assert article["author"] == [{"@type": "Person", "name": f"Byline {HOSTILE}"}]
    assert article["keywords"] == [f"Tag {HOSTILE}"]
    [quotation] = article["hasPart"]
    assert quotation["text"] == f"Quote {HOSTILE}"
    assert quotation["spokenByCharacter"]["name"] == f"Person {HOSTILE}"
    assert quotation["spokenByCharacter"]["jobTitle"] == f"Title {HOSTILE}"
    assert article["mentions"] == [quotation["spokenByCharacter"]]
    assert article["correction"][0]["text"] == f"Correction {HOSTILE}"
    head = HeadParser()
    head.feed(html.split("</head>", 1)[0])
    assert news_article(head) == article


def test_hostile_text_is_escaped_in_meta_attributes(client, hostile_story):
    head = read_head(client, hostile_story.get_absolute_url())
    description = " ".join(f"Dek {HOSTILE}".split())
    assert head.meta["og:title"] == [f"Headline {HOSTILE}"]
    assert head.meta["twitter:title"] == [f"Headline {HOSTILE}"]
    assert head.meta["article:tag"] == [f"Tag {HOSTILE}"]
    for name in ["description", "og:description", "twitter:description"]:
        assert head.meta[name] == [description], name


def test_json_ld_script_escapes_what_could_end_the_element():
    data = {"text": "</script><!-- & \u2028\u2029 ok"}
    script = json_ld_script(data)
    body = script.removeprefix(JSON_LD_START).removesuffix("</script>")
    assert body == ('{"text": "\\u003C/script\\u003E\\u003C!-- \\u0026 \\u2028\\u2029 ok"}')
    assert json.loads(body) == data


def test_structured_data_adds_no_query_per_tag_quote_or_correction(client):
    small = make_rich_story(quotes=1, tags=1, links=1, corrections=1)
    big = make_rich_story(quotes=30, tags=20, links=10, speakers=10, corrections=8)
    assert count_queries(client, small.get_absolute_url()) == STORY_PAGE_QUERIES
    assert count_queries(client, big.get_absolute_url()) == STORY_PAGE_QUERIES
    article = news_article(read_head(client, big.get_absolute_url()))
    assert len(article["keywords"]) == 20
    assert len(article["hasPart"]) == 30
    assert len(article["mentions"]) == 10
    assert len(article["correction"]) == 8


@pytest.fixture
def public_pages():
    story = make_story(tags=["Budget"])
    make_quote(story, make_person(name="Ann Mayor", slug="ann-mayor", title="Mayor"))


@pytest.mark.parametrize(
    ("path", "description"),
    [
        ("/", f"The latest stories from {SITE_NAME}."),
        ("/tags/", f"Every topic {SITE_NAME} covers, with its number of stories."),
        ("/tags/budget/", f"Stories about Budget from {SITE_NAME}."),
        ("/people/", f"The people quoted in {SITE_NAME} stories, with their number of quotes."),
        ("/people/ann-mayor/", f"Ann Mayor, Mayor: quotes in {SITE_NAME} stories."),
    ],
)
def test_public_pages_have_a_canonical_address_and_a_description(
    client, public_pages, path, description
):
    head = read_head(client, f"{path}?utm_source=newsletter")
    assert head.canonical == [f"http://testserver{path}"]
    assert head.meta["description"] == [description]
    assert head.json_ld == []


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/tags/budget/?page=1&utm_source=mail", "http://testserver/tags/budget/"),
        ("/tags/budget/?utm_source=mail&page=2", "http://testserver/tags/budget/?page=2"),
        ("/?page=2", "http://testserver/?page=2"),
    ],
)
def test_canonical_address_of_a_list_keeps_only_a_page_past_the_first(client, url, canonical):
    for _ in range(23):
        make_story(tags=["Budget"])
    assert read_head(client, url).canonical == [canonical]


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Story.Status.DRAFT},
        {"status": Story.Status.PUBLISHED, "published_at": datetime(2999, 1, 1, tzinfo=UTC)},
    ],
    ids=["draft", "scheduled"],
)
def test_preview_advertises_nothing(editor_client, fields):
    story = make_story(dek="Not out yet.", tags=["Budget"], **fields)
    head = read_head(editor_client, story.get_absolute_url())
    assert head.json_ld == []
    assert head.canonical == []
    assert dict(head.meta) == {
        "viewport": ["width=device-width, initial-scale=1"],
        "description": ["Not out yet."],
        "robots": ["noindex, nofollow"],
    }


def test_not_found_page_has_no_canonical_address(client):
    head = HeadParser()
    head.feed(page_html(client, "/stories/no-such-story/", status=404))
    assert head.canonical == []
    assert head.json_ld == []
