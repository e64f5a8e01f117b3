"""A tag's description shows on its page and in its meta description; featured tags are listed
in the site's navigation."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from reader.context_processors import navigation
from reader.pages import META_DESCRIPTION_LENGTH
from stories.models import Story, TagProfile
from stories.tests.helpers import between, make_story, page_html

pytestmark = pytest.mark.django_db

HOSTILE = 'Rock & roll <script>alert("x")</script> "quoted"'


def describe(name: str, description: str = "", **fields) -> TagProfile:
    return TagProfile.objects.create(
        tag=Tag.objects.get(name=name), description=description, **fields
    )


def navigation_links(html: str) -> str:
    return between(html, '<ul class="site-nav">', "</ul>")


def meta_description(html: str) -> str:
    return between(html, '<meta name="description" content="', '">')


def test_featured_tags_with_published_stories_appear_in_the_navigation(client):
    make_story(tags=["Climate", "Elections", "Courts", "Zoning"])
    make_story(tags=["Drafted"], status=Story.Status.DRAFT)
    describe("Elections", is_featured=True, position=1)
    describe("Climate", is_featured=True, position=2)
    describe("Courts", is_featured=False)
    describe("Drafted", is_featured=True)

    nav = navigation_links(page_html(client, "/"))

    assert '<a href="/tags/elections/">Elections</a>' in nav
    assert nav.index("Elections") < nav.index("Climate") < nav.index("Topics")
    assert "Courts" not in nav
    assert "Zoning" not in nav
    assert "Drafted" not in nav
    on_its_page = navigation_links(page_html(client, "/tags/climate/"))
    assert '<a href="/tags/climate/" aria-current="page">Climate</a>' in on_its_page


def test_featured_tags_are_read_only_when_shown_in_one_query(
    rf: RequestFactory, django_assert_num_queries
):
    make_story(tags=["Climate", "Elections"])
    describe("Climate", is_featured=True)
    describe("Elections", is_featured=True)
    with django_assert_num_queries(0):
        shown = navigation(rf.get("/"))["navigation"]
    with django_assert_num_queries(1):
        assert [tag.name for tag in shown.featured_tags] == ["Climate", "Elections"]
        assert [tag.name for tag in shown.featured_tags] == ["Climate", "Elections"]
        assert shown.sections == []


def test_admin_pages_do_not_read_the_featured_tags(editor_client):
    make_story(tags=["Climate"])
    describe("Climate", is_featured=True)
    with CaptureQueriesContext(connection) as captured:
        assert editor_client.get("/admin/").status_code == 200
    assert not [query for query in captured if "stories_tagprofile" in query["sql"]]


def test_the_tag_page_shows_its_description_in_paragraphs(client):
    make_story(tags=["Climate"])
    describe("Climate", "Heat, floods and the policies about them.\n\nUpdated daily.")

    html = page_html(client, "/tags/climate/")

    description = between(html, '<div class="tag-description">', "</div>")
    assert description == "<p>Heat, floods and the policies about them.</p><p>Updated daily.</p>"
    assert meta_description(html) == "Heat, floods and the policies about them. Updated daily."


def test_a_long_description_is_shortened_on_a_word_boundary_for_the_meta_description(client):
    make_story(tags=["Climate"])
    words = " ".join(f"word{number}" for number in range(60))
    describe("Climate", words)

    meta = meta_description(page_html(client, "/tags/climate/"))

    assert len(meta) <= META_DESCRIPTION_LENGTH
    assert meta.endswith("…")
    assert words.startswith(meta.removesuffix("…"))
    assert meta.removesuffix("…").split()[-1] in words.split()


def test_hostile_description_stays_escaped_on_the_page_and_in_the_meta_description(client):
    make_story(tags=["Climate"])
    describe("Climate", HOSTILE)

    html = page_html(client, "/tags/climate/")

    escaped = "Rock &amp; roll &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;quoted&quot;"
    assert between(html, '<div class="tag-description">', "</div>") == f"<p>{escaped}</p>"
    assert meta_description(html) == escaped
    assert "<script>" not in html


def test_without_a_description_the_meta_description_names_the_tag(client):
    make_story(tags=["Climate"])
    html = page_html(client, "/tags/climate/")
    assert meta_description(html) == "Stories about Climate from Newsroom."
    assert "tag-description" not in html


def test_description_and_featured_flag_are_edited_inline_on_the_tag_admin(editor_client):
    make_story(tags=["Climate"])
    climate = Tag.objects.get(name="Climate")

    response = editor_client.post(
        f"/admin/taggit/tag/{climate.pk}/change/",
        {
            "name": "Climate",
            "profile-TOTAL_FORMS": "1",
            "profile-INITIAL_FORMS": "0",
            "profile-0-description": "Heat and floods.",
            "profile-0-is_featured": "on",
            "profile-0-position": "3",
            "profile-0-tag": climate.pk,
        },
    )

    assert response.status_code == 302
    profile = TagProfile.objects.get(tag=climate)
    assert (profile.description, profile.is_featured, profile.position) == (
        "Heat and floods.",
        True,
        3,
    )
    listing = editor_client.get("/admin/taggit/tag/", {"profile__is_featured__exact": "1"})
    assert [tag.name for tag in listing.context["cl"].result_list] == ["Climate"]
