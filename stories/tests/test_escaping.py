"""Everything users type is escaped on every page."""

import pytest

from stories.tests.factories import make_link, make_person, make_quote, make_story

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>alert("x")</script> & <b>bold</b> \u202eevil'


@pytest.fixture
def hostile_story():
    story = make_story(
        headline=f"Headline {HOSTILE}",
        dek=f"Dek {HOSTILE}",
        body=f"Body {HOSTILE}\n\nSecond {HOSTILE}",
        byline=f"Byline {HOSTILE}",
        outlet=f"Outlet {HOSTILE}",
        tags=[f"Tag {HOSTILE}"],
    )
    speaker = make_person(name=f"Person {HOSTILE}", title=f"Title {HOSTILE}", slug="hostile")
    make_quote(story, speaker, text=f"Quote {HOSTILE}", context=f"Context {HOSTILE}")
    make_link(story, title=f"Link {HOSTILE}")
    return story


@pytest.mark.parametrize("page", ["story", "/", "/tags/", "/people/", "/people/hostile/"])
def test_hostile_text_is_escaped(client, hostile_story, page):
    url = hostile_story.get_absolute_url() if page == "story" else page
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html
    # The only script elements are the JSON-LD blocks, each closed once.
    assert html.count("</script>") == html.count('<script type="application/ld+json">')
    assert "<b>bold</b>" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html


def test_hostile_text_is_escaped_in_the_admin(editor_client, hostile_story):
    for url in ["/admin/stories/story/", f"/admin/stories/story/{hostile_story.pk}/change/"]:
        html = editor_client.get(url).content.decode()
        assert '<script>alert("x")</script>' not in html
