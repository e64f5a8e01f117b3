"""The admin speaks the desk's language: no library names as section headings, and help texts
that read as written."""

import pytest

from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db


def test_the_admin_index_names_no_library(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert "Taggit" not in html
    assert "Reversion" not in html
    assert ">Tags</a>" in html
    assert ">History</a>" in html


def test_the_slug_help_text_reads_as_written(editor_client):
    story = make_story()
    html = editor_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert "The last part of the story's address, after /stories/." in html
    assert "/stories//" not in html
