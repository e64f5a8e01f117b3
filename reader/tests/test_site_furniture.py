"""What every site answers: /robots.txt naming both sitemaps, icons for browsers and phones,
pages compressed for clients that accept it (padded against BREACH), and /api/ listing the
API."""

import gzip

import pytest
from django.contrib.staticfiles import finders

from media.tests.pictures import make_image
from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db


def test_robots_txt_names_both_sitemaps_and_keeps_crawlers_off_search(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Disallow: /search/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines
    assert client.get("/sitemap-news.xml").status_code == 200


def test_pages_link_an_icon_and_a_touch_icon_that_exist(client):
    html = client.get("/").content.decode()
    for name in ["reader/favicon.svg", "reader/favicon.ico", "reader/apple-touch-icon.png"]:
        assert f"/static/{name}" in html
        assert finders.find(name)
    answer = client.get("/favicon.ico")
    assert answer.status_code == 302
    assert answer["Location"] == "/static/reader/favicon.ico"


def test_html_is_compressed_for_clients_that_accept_gzip(client):
    make_story(headline="Council passes the budget")
    plain = client.get("/").content
    compressed = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain
    assert len(compressed.content) < len(plain) / 2
    assert "Content-Encoding" not in client.get("/")


def test_compressed_lengths_vary_so_a_secret_on_the_page_does_not_leak_through_them(
    editor_client,
):
    story = make_story()
    lengths = {
        len(
            editor_client.get(
                f"/admin/stories/story/{story.pk}/change/", HTTP_ACCEPT_ENCODING="gzip"
            ).content
        )
        for _ in range(6)
    }
    assert len(lengths) > 1  # Django's GZipMiddleware pads with random bytes (Heal the BREACH)


def test_pictures_are_not_compressed_again(client):
    image = make_image()
    address = f"/images/{image.pk}/{image.version}/original-320.jpg"
    plain = b"".join(client.get(address).streaming_content)
    asked_for_gzip = client.get(address, HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in asked_for_gzip
    assert b"".join(asked_for_gzip.streaming_content) == plain


def test_api_index_lists_every_endpoint_at_addresses_that_answer(client):
    story = make_story(slug="council-votes")
    index = client.get("/api/")
    assert index["Content-Type"].startswith("application/json")
    assert index["Access-Control-Allow-Origin"] == "*"
    endpoints = index.json()["endpoints"]
    assert set(endpoints) == {"stories", "story", "person"}
    assert client.get(endpoints["stories"]["href"]).status_code == 200
    story_url = endpoints["story"]["href_template"].replace("{slug}", story.slug)
    assert client.get(story_url).json()["uri"].endswith("/stories/council-votes/")
    assert client.get("/api/", HTTP_IF_NONE_MATCH=index["ETag"]).status_code == 304
