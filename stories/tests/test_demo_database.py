"""`make demo` loads the fixtures into an empty database and keeps a demo database that has
stories, with the edits made in it."""

from io import StringIO

import pytest
from django.core.management import call_command
from reversion.models import Version

from stories.models import Story

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_an_empty_database_gets_the_fixture_stories_with_their_first_revisions():
    assert "Loaded the demo stories" in load_demo()
    assert Story.objects.count() == 2
    assert all(Version.objects.get_for_object(story).exists() for story in Story.objects.all())


def test_a_demo_database_with_stories_is_kept_with_its_edits():
    load_demo()
    story = Story.objects.order_by("pk").first()
    story.headline = "Edited in the demo"
    story.save()
    Story.objects.exclude(pk=story.pk).delete()
    said = load_demo()
    assert "Keeping the demo database and the edits made in it (1 story)" in said
    assert "make demo-reset" in said
    assert list(Story.objects.values_list("headline", flat=True)) == ["Edited in the demo"]
