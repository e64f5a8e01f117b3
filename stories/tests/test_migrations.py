import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from stories.models import Story
from stories.tests.helpers import make_story


@pytest.mark.django_db
def test_every_model_change_has_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_the_bodies_migration_turns_paragraphs_into_html_and_back():
    rich_bodies = importlib.import_module("stories.migrations.0013_story_body_html")
    story = make_story()
    plain = "First & <only> line.\nSame paragraph.\n\nSecond."
    Story.objects.filter(pk=story.pk).update(body=plain, body_text="")
    rich_bodies.paragraphs_to_html(apps, None)
    story.refresh_from_db()
    assert story.body == ("<p>First &amp; &lt;only&gt; line.<br>Same paragraph.</p><p>Second.</p>")
    assert story.body_text == plain
    rich_bodies.html_to_paragraphs(apps, None)
    story.refresh_from_db()
    assert story.body == plain
