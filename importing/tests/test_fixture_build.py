"""fixtures/stories.json is what the importer makes of fixtures/articles/ and their sidecars."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from importing.fixture_build import NO_DATE, NOT_EMPTY, fixture_build, fixture_json
from importing.management.commands.build_fixtures import Command
from importing.parsing import ArticleError
from stories.models import Story
from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
ARTICLES = FIXTURES / "articles"
COMMITTED = FIXTURES / "stories.json"


def test_committed_fixture_equals_a_fresh_build():
    assert fixture_json(fixture_build(articles_dir=ARTICLES)) == COMMITTED.read_text("utf-8")


def test_the_build_leaves_the_database_as_it_was():
    fixture_build(articles_dir=ARTICLES)
    assert not Story.objects.exists()


def test_the_build_refuses_a_database_that_has_stories():
    make_story()
    with pytest.raises(ArticleError, match=NOT_EMPTY.format(count=1)):
        fixture_build(articles_dir=ARTICLES)


def test_an_article_with_no_date_anywhere_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("A headline\n\nA paragraph.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=NO_DATE.format(file=tmp_path / "a.txt")):
        fixture_build(articles_dir=tmp_path)


def test_sidecars_give_the_fixture_what_the_text_cannot():
    objects = fixture_build(articles_dir=ARTICLES)
    stories = {
        obj["fields"]["headline"][:14]: obj["fields"] for obj in objects_of(objects, "story")
    }
    assert stories["In letter to C"]["published_at"] == "2021-01-06T19:00:00Z"
    assert stories["'Time for Extr"]["published_at"] == "2021-01-06T16:00:00Z"
    people = {obj["fields"]["name"]: obj["fields"] for obj in objects_of(objects, "person")}
    assert people["Mike Pence"]["title"] == "Vice President"
    assert "Mr. Pence" in people["Mike Pence"]["aliases"].splitlines()
    quotes = [quote["fields"] for quote in objects_of(objects, "quote")]
    assert [quote["text"][:20] for quote in quotes if quote["is_featured"]] == [
        "The presidency belon",
        "Mike Pence didn’t ha",
        "Do it Mike, this is ",
    ]
    corrected = next(quote for quote in quotes if quote["text"].startswith("the courage"))
    assert corrected["context"] == "on Twitter"
    links = [obj["fields"] for obj in objects_of(objects, "relatedlink")]
    assert sorted((link["story"], link["target"]) for link in links if link["target"]) == [
        (1, 2),
        (2, 1),
    ]


def test_check_passes_on_the_committed_fixture():
    out = StringIO()
    call_command("build_fixtures", "--check", stdout=out)
    assert "matches a fresh build" in out.getvalue()


def test_check_fails_when_the_fixture_has_drifted(tmp_path):
    drifted = tmp_path / "stories.json"
    objects = json.loads(COMMITTED.read_text("utf-8"))
    objects[0]["fields"]["name"] = "Edited by hand"
    drifted.write_text(json.dumps(objects), encoding="utf-8")
    with pytest.raises(CommandError, match="differs from a fresh build"):
        call_command("build_fixtures", "--check", "--output", str(drifted), stdout=StringIO())


def test_written_fixture_loads_with_loaddata(tmp_path):
    output = tmp_path / "stories.json"
    out = StringIO()
    call_command("build_fixtures", "--output", str(output), stdout=out)
    assert Command.WROTE.format(
        count=len(json.loads(output.read_text("utf-8"))), output=output
    ) in (out.getvalue())
    call_command("loaddata", str(output), verbosity=0)
    assert Story.objects.published().count() == 2


def test_a_bad_article_folder_fails_with_the_reason(tmp_path):
    (tmp_path / "a.txt").write_text("A headline\n\nA paragraph.\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no publication date"):
        call_command("build_fixtures", "--articles", str(tmp_path), "--check", stdout=StringIO())


def objects_of(objects: list[dict], model: str) -> list[dict]:
    return [obj for obj in objects if obj["model"].endswith(f".{model}")]
