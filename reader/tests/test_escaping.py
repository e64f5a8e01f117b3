"""Everything users type is escaped on every page."""

import re

import pytest

from stories.tests.helpers import (
    HOSTILE,
    make_hostile_story,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile_story():
    return make_hostile_story(HOSTILE)


@pytest.mark.parametrize("page", ["story", "/", "/tags/", "/people/", "/people/hostile/"])
def test_hostile_text_is_escaped(client, hostile_story, page):
    url = hostile_story.get_absolute_url() if page == "story" else page
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html
    # The only script elements are the JSON-LD blocks and the site's own files, each closed once.
    scripts = html.count('<script type="application/ld+json">') + len(
        re.findall(r'<script src="/static/reader/[a-z_]+\.js" defer></script>', html)
    )
    assert html.count("</script>") == html.count("<script") == scripts
    assert "<b>bold</b>" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html


def test_hostile_text_is_escaped_in_the_admin(editor_client, hostile_story):
    for url in ["/admin/stories/story/", f"/admin/stories/story/{hostile_story.pk}/change/"]:
        html = editor_client.get(url).content.decode()
        assert '<script>alert("x")</script>' not in html
