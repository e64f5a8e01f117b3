"""User text holding bidi controls is enclosed in an isolate wherever it is shown next to
other text: pages, titles, feeds, admin lists and messages. Other text is left as it is."""

from xml.etree import ElementTree

import pytest
from django.contrib import admin

from stories.admin.story import StoryAdmin
from stories.models import Story
from stories.tests.helpers import HOSTILE, make_hostile_story, make_story
from stories.text import bidi_isolated

pytestmark = pytest.mark.django_db

OVERRIDE = "Ada \u202eMensah"
ISOLATED = "\u2068Ada \u202eMensah\u2069"


def test_only_text_with_bidi_controls_is_isolated():
    assert bidi_isolated(OVERRIDE) == ISOLATED
    assert bidi_isolated("Ada Mensah") == "Ada Mensah"
    assert bidi_isolated("وزير المالية") == "وزير المالية"


def test_the_admin_shows_stories_and_their_tags_isolated(editor_client):
    story = make_story(headline=OVERRIDE, tags=[OVERRIDE, "Budget"])
    assert str(story) == ISOLATED
    assert ISOLATED in StoryAdmin(Story, admin.site).tag_names(story)
    changelist = editor_client.get("/admin/stories/story/").content.decode()
    assert changelist.count(ISOLATED) == 3  # the headline, the tag and the tag filter


def test_the_story_page_title_and_quote_caption_isolate_user_text(client):
    make_hostile_story(HOSTILE)
    html = client.get("/stories/hostile/").content.decode()
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("\u2068Headline ")
    assert "\u2069 — " in title
    caption = html.split("<figcaption>", 1)[1].split("</figcaption>", 1)[0]
    assert caption.count("\u2068") == caption.count("\u2069") == 3  # speaker, title, context


def test_feed_titles_isolate_the_tag_name(client):
    story = make_hostile_story(HOSTILE)
    tag = story.tags.get()
    channel = ElementTree.fromstring(client.get(f"/tags/{tag.slug}/feed/").content)[0]
    assert channel.findtext("title").endswith("\u2069")
    assert channel.findtext("item/title").startswith("\u2068Headline")
