"""A story's lead image everywhere the story appears: its page, every card, social previews,
JSON-LD, feeds, ninjs and the sitemap, with no query more however many stories show one."""

import json
import re
from html.parser import HTMLParser

import feedparser
import pytest

from media.renditions import Rendition, largest
from media.tests.pictures import make_image, picture_bytes
from stories.tests.helpers import (
    LIST_PAGE_QUERIES,
    STORY_PAGE_QUERIES,
    count_queries,
    make_person,
    make_quote,
    make_story,
    page_html,
)

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
HOSTILE = '<script>alert("x")</script> & "quoted" <img src=x onerror=alert(1)>'


@pytest.fixture
def photo():
    return make_image(
        picture_bytes(width=2400, height=1600),
        alt_text="Senators leave the chamber after the vote",
        caption="The Senate after the vote on Tuesday.",
        credit="Jane Doe/Reuters",
        licence="© Reuters",
    )


@pytest.fixture
def pictured_story(photo):
    return make_story(headline="Senate passes the budget", tags=["Budget"], lead_image=photo)


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, in order."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def all(self, tag: str, **wanted) -> list[dict]:
        return [
            attrs
            for name, attrs in self.elements
            if name == tag and all(attrs.get(k) == v for k, v in wanted.items())
        ]

    def meta(self, key: str) -> str | None:
        found = self.all("meta", property=key) or self.all("meta", name=key)
        return found[0]["content"] if found else None


def test_the_story_page_leads_with_a_responsive_figure_with_caption_and_credit(
    client, pictured_story, photo
):
    html = page_html(client, pictured_story.get_absolute_url())
    figure = html.split('<figure class="story__lead">', 1)[1].split("</figure>", 1)[0]
    images = Elements(figure).all("img")
    assert len(images) == 1
    img = images[0]
    assert img["alt"] == "Senators leave the chamber after the vote"
    assert img["loading"] == "eager"
    assert img["fetchpriority"] == "high"
    assert (int(img["width"]), int(img["height"])) == (960, 640)
    widths = [int(entry.split()[1].rstrip("w")) for entry in img["srcset"].split(", ")]
    assert widths == [320, 640, 960, 1280, 1600, 2048]
    assert "44rem" in img["sizes"]
    sources = Elements(figure).all("source")
    assert {source["type"] for source in sources} >= {"image/webp"}
    assert "<figcaption>The Senate after the vote on Tuesday." in figure
    assert '<span class="credit">Jane Doe/Reuters</span>' in figure
    assert html.index('class="story__lead"') < html.index('class="story__body"')


def test_every_rendition_the_story_page_links_is_served(client, pictured_story):
    html = page_html(client, pictured_story.get_absolute_url())
    addresses = set(re.findall(r"(/images/\d+/[0-9a-f]+/[a-z0-9]+-\d+\.[a-z]+)", html))
    assert len(addresses) >= 12
    for address in sorted(addresses)[:6]:
        response = client.get(address)
        assert response.status_code == 200, address
        assert "immutable" in response["Cache-Control"]


@pytest.mark.parametrize("page", ["front", "tag", "search", "person"])
def test_every_story_card_shows_a_thumbnail(client, pictured_story, page):
    speaker = make_person(name="Ann Lee", slug="ann-lee")
    make_quote(pictured_story, speaker)
    url = {
        "front": "/",
        "tag": "/tags/budget/",
        "search": "/search/?q=budget",
        "person": "/people/ann-lee/",
    }[page]
    images = Elements(page_html(client, url)).all("img")
    assert len(images) == 1
    assert "/images/" in images[0]["src"]
    assert images[0]["alt"] == "Senators leave the chamber after the vote"
    assert images[0]["width"]
    assert images[0]["height"]


def test_only_the_first_card_of_a_list_loads_its_picture_at_once(client, photo):
    for _ in range(3):
        make_story(lead_image=photo)
    loading = [img["loading"] for img in Elements(page_html(client, "/")).all("img")]
    assert loading == ["eager", "lazy", "lazy"]


def test_social_previews_carry_the_picture_large(client, pictured_story):
    head = Elements(page_html(client, pictured_story.get_absolute_url()))
    image_url = head.meta("og:image")
    assert image_url.startswith(f"{SITE}/images/")
    assert image_url.endswith("/16x9-1280.jpg")
    assert (head.meta("og:image:width"), head.meta("og:image:height")) == ("1280", "720")
    assert head.meta("og:image:alt") == "Senators leave the chamber after the vote"
    assert head.meta("twitter:card") == "summary_large_image"
    assert head.meta("twitter:image") == image_url
    assert client.get(image_url.removeprefix(SITE)).status_code == 200


def test_a_story_without_a_picture_keeps_the_small_card_and_no_image(client):
    story = make_story()
    head = Elements(page_html(client, story.get_absolute_url()))
    assert head.meta("twitter:card") == "summary"
    assert head.meta("og:image") is None
    assert "story__lead" not in page_html(client, story.get_absolute_url())


def news_article(client, story) -> dict:
    html = page_html(client, story.get_absolute_url())
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    return json.loads(script)


def test_json_ld_gives_the_three_ratios_google_asks_for_at_1200_pixels_or_more(
    client, pictured_story
):
    images = news_article(client, pictured_story)["image"]
    assert [image["@type"] for image in images] == ["ImageObject"] * 3
    ratios = [round(image["width"] / image["height"], 2) for image in images]
    assert ratios == [1.78, 1.33, 1.0]
    assert all(image["width"] >= 1200 for image in images)
    assert all(image["url"].startswith(f"{SITE}/images/") for image in images)
    assert images[0]["creditText"] == "Jane Doe/Reuters"
    assert images[0]["copyrightNotice"] == "© Reuters"
    for image in images:
        assert client.get(image["url"].removeprefix(SITE)).status_code == 200


@pytest.mark.parametrize("url", ["/feeds/latest/", "/feeds/latest/atom/"])
def test_feed_entries_carry_the_picture_as_media_content(client, pictured_story, url):
    make_story()
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo, feed.bozo_exception
    pictured = next(e for e in feed.entries if e.title == "Senate passes the budget")
    (content,) = pictured.media_content
    assert content["url"].startswith(f"{SITE}/images/")
    assert content["medium"] == "image"
    assert (content["width"], content["height"]) == ("1280", "720")
    assert pictured.media_credit[0]["content"] == "Jane Doe/Reuters"
    plain = next(e for e in feed.entries if e.title != "Senate passes the budget")
    assert "media_content" not in plain


def test_ninjs_associates_the_picture_with_its_renditions(client, pictured_story, photo):
    item = client.get(f"/api/stories/{pictured_story.slug}/").json()
    picture = item["associations"][0]
    assert picture["name"] == "leadimage"
    assert picture["type"] == "picture"
    assert picture["by"] == "Jane Doe/Reuters"
    assert picture["copyrightnotice"] == "© Reuters"
    assert {"role": "alt", "contenttype": "text/plain", "value": photo.alt_text} in picture[
        "descriptions"
    ]
    renditions = {r["name"]: r for r in picture["renditions"]}
    square = renditions["1x1-1280-jpg"]
    assert (square["width"], square["height"]) == (1280, 1280)
    assert square["contenttype"] == "image/jpeg"
    assert square["href"].startswith(f"{SITE}/images/")
    listed = client.get("/api/stories/").json()
    assert listed["items"][0]["associations"][0]["name"] == "leadimage"


def test_the_sitemap_lists_each_story_picture(client, pictured_story, photo):
    make_story()
    year = pictured_story.published_at.year
    xml = client.get(f"/sitemap-stories-{year}.xml").content.decode()
    assert 'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"' in xml
    expected = SITE + largest(photo, "original", "jpg", at_most=2048).url
    assert f"<image:image><image:loc>{expected}</image:loc></image:image>" in xml
    assert xml.count("<image:image>") == 1


def test_pages_read_no_more_queries_with_pictures(client, photo):
    plain = make_story(slug="plain")
    plain_lists = count_queries(client, "/")
    plain_page = count_queries(client, plain.get_absolute_url())
    pictured = make_story(slug="pictured", lead_image=photo)
    for _ in range(5):
        make_story(lead_image=make_image(picture_bytes(width=400, height=300)))
    assert count_queries(client, "/") == plain_lists <= LIST_PAGE_QUERIES
    assert count_queries(client, pictured.get_absolute_url()) == plain_page
    assert plain_page <= STORY_PAGE_QUERIES


def test_captions_credits_and_alt_text_are_escaped_everywhere(client):
    hostile = make_image(alt_text=HOSTILE, caption=HOSTILE, credit=HOSTILE)
    story = make_story(headline="Hostile picture", lead_image=hostile)
    for url in [story.get_absolute_url(), "/", "/feeds/latest/", "/feeds/latest/atom/"]:
        body = client.get(url).content.decode()
        assert "<script>alert" not in body, url
        assert "<img src=x" not in body, url
    article = news_article(client, story)
    assert article["image"][0]["caption"] == HOSTILE  # JSON-LD holds the text as text
    feed = feedparser.parse(client.get("/feeds/latest/").content)
    assert feed.entries[0].media_credit[0]["content"] == HOSTILE


def test_a_changed_focal_point_changes_every_address(client, pictured_story, photo):
    before = Rendition(photo, "1x1", 320, "jpg").url
    photo.focal_x = 0.2
    photo.save()
    html = page_html(client, pictured_story.get_absolute_url())
    assert before not in html
    assert Rendition(photo, "1x1", 320, "jpg").url != before
