"""python manage.py import_articles: atomic per file, idempotent, clear about bad input."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from importing.management.commands.import_articles import Command
from importing.parsing.article import BINARY, EMPTY, NOT_UTF8
from importing.services import IMPORTED, article_import, parse_with_vocabulary
from stories.models import Person, Quote, RelatedLink, Story
from stories.tests.helpers import ARTICLES, make_story

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_imports_a_folder_of_articles_as_drafts():
    out, _ = run(ARTICLES)
    assert Command.SUMMARY.format(imported=2, updated=0, failed=0) in out
    assert set(Story.objects.values_list("status", flat=True)) == {"draft"}
    pence = Story.objects.get(headline__startswith="In letter to Congress")
    assert pence.is_developing
    assert {tag.name for tag in pence.tags.all()} == {
        "News",
        "2020 Election",
        "Politics",
        "U.S.",
        "Mike Pence",
    }
    assert [link.title for link in pence.related_links.all()] == [
        "Congress meets to certify Biden's win over Trump; GOP allies challenge Arizona results",
        "Democrat Raphael Warnock wins Senate race; 2nd too early to call",
        "'Time for Extreme Courage!' Trump Urges Mike Pence to Send Votes Back to the States",
    ]
    assert pence.related_links.get(position=2).target.headline.startswith("'Time for Extreme")
    assert pence.published_at.isoformat() == "2021-01-06T19:00:00+00:00"
    presidency = Quote.objects.get(text__startswith="The presidency belongs")
    assert presidency.speaker.name == "Mike Pence"
    assert presidency.context == "in the three-page letter"


def test_one_person_per_speaker_across_articles():
    run(ARTICLES)
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Donald Trump", "Mike Pence"]
    trump = Person.objects.get(name="Donald Trump")
    assert trump.handle == "realDonaldTrump"
    assert "Trump" in trump.alias_list
    assert trump.quotes.count() == 14


def test_importing_again_updates_instead_of_duplicating_and_keeps_status():
    run(ARTICLES, "--status", "published")
    first_ids = set(Story.objects.values_list("pk", flat=True))
    out, _ = run(ARTICLES)
    assert Command.SUMMARY.format(imported=0, updated=2, failed=0) in out
    assert set(Story.objects.values_list("pk", flat=True)) == first_ids
    assert set(Story.objects.values_list("status", flat=True)) == {"published"}
    assert Quote.objects.count() == 18


def test_dry_run_prints_json_and_writes_nothing():
    out, _ = run(ARTICLES / "003_6001d2dea13a1716.txt", "--dry-run")
    parsed = json.loads(out)
    assert parsed[0]["headline"].startswith("'Time for Extreme Courage!'")
    assert parsed[0]["published_on"] == "2021-01-06"
    assert any(
        q["text"] == "Do it Mike, this is a time for extreme courage!" for q in parsed[0]["quotes"]
    )
    assert not Story.objects.exists()
    assert not Person.objects.exists()


def test_bad_files_fail_with_a_reason_and_the_others_still_import(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "c_latin1.txt").write_bytes("Caf\u00e9 opens\n\nBody.".encode("latin-1"))
    (tmp_path / "d_good.txt").write_text("Council passes budget\n\nThe vote was 7-2.\n")
    with pytest.raises(CommandError, match="3 of 4 files failed"):
        run(tmp_path)
    assert list(Story.objects.values_list("headline", flat=True)) == ["Council passes budget"]


def test_error_lines_name_the_file_and_the_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"x\x00y")
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9".encode("latin-1"))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), stdout=StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert f"{tmp_path / 'binary.txt'}: {BINARY}" in lines
    assert f"{tmp_path / 'empty.txt'}: {EMPTY}" in lines
    assert f"{tmp_path / 'latin.txt'}: {NOT_UTF8}" in lines


def test_a_missing_path_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        run(tmp_path / "nope.txt")
    with pytest.raises(CommandError, match=Command.NO_FILES):
        run(tmp_path)


def test_a_failure_inside_an_import_writes_nothing_for_that_file(monkeypatch):
    from importing import services

    def broken(story, parsed):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "replace_related_links", broken)
    parsed = parse_with_vocabulary((ARTICLES / "000_9f7251af82e3b226.txt").read_text())
    with pytest.raises(RuntimeError):
        article_import(parsed=parsed)
    assert not Story.objects.exists()
    assert not Quote.objects.exists()
    assert not Person.objects.exists()


def test_related_headline_matching_an_existing_story_links_to_it():
    target = make_story(
        headline="Democrat Raphael Warnock Wins Senate Race — 2nd too early to call"
    )
    run(ARTICLES / "000_9f7251af82e3b226.txt")
    link = RelatedLink.objects.get(title__startswith="Democrat Raphael Warnock")
    assert link.target == target


def test_unresolved_link_resolves_when_the_story_arrives_later(tmp_path):
    run(ARTICLES / "000_9f7251af82e3b226.txt")
    (tmp_path / "certify.txt").write_text(
        "Congress meets to certify Biden’s win over Trump: GOP allies challenge Arizona results"
        "\n\nThe joint session began at 1 p.m.\n"
    )
    run(tmp_path)
    link = RelatedLink.objects.get(title__startswith="Congress meets to certify")
    assert link.target.headline.startswith("Congress meets to certify Biden’s win")


def test_unresolved_link_resolves_when_an_editor_saves_the_story(editor_client):
    run(ARTICLES / "000_9f7251af82e3b226.txt")
    data = {
        "headline": "Democrat Raphael Warnock wins Senate race; 2nd too early to call",
        "slug": "warnock-wins",
        "body": "Warnock won.",
        "status": "draft",
        "tags": "",
    }
    for prefix in ["story_authors", "quotes", "related_links", "corrections"]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    response = editor_client.post("/admin/stories/story/add/", data)
    assert response.status_code == 302
    link = RelatedLink.objects.get(title__startswith="Democrat Raphael Warnock")
    assert link.target.slug == "warnock-wins"


def test_an_import_is_a_revision_with_its_quotes_and_its_user(editor):
    text = (ARTICLES / "000_9f7251af82e3b226.txt").read_text("utf-8")
    story = article_import(parsed=parse_with_vocabulary(text), user=editor).story
    revision = Version.objects.get_for_object(story).get().revision
    assert (revision.user, revision.get_comment()) == (editor, IMPORTED)
    assert revision.version_set.filter(content_type__model="quote").count() == story.quotes.count()


BAD_FILES = {
    "02_bad_date.txt": (" date 2021-13-45 Council meets\n\nThe council met.\n", "2021-13-45"),
    "03_long_tag.txt": (
        "Council meets\n\nThe council met.\n\nNews" + "x" * 120 + "Politics\n",
        "longer than a tag may be",
    ),
    "04_long_related.txt": (
        "Council meets again\n\nThe council met.\n\nRELATED: " + "word " * 60 + "\n",
        "longer than a headline may be",
    ),
}


def test_every_bad_file_gets_its_reason_and_the_others_still_import(tmp_path):
    (tmp_path / "01_good.txt").write_text("Council votes\n\nThe council voted.\n")
    for name, (text, _) in BAD_FILES.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "05_good.txt").write_text("Mayor signs\n\nThe mayor signed.\n")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="3 of 5 files failed"):
        call_command("import_articles", str(tmp_path), stdout=out, stderr=err)
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 3
    for (name, (_, reason)), line in zip(BAD_FILES.items(), lines, strict=True):
        assert line.startswith(str(tmp_path / name))
        assert reason in line
    assert Command.SUMMARY.format(imported=2, updated=0, failed=3) in out.getvalue()
    assert sorted(Story.objects.values_list("headline", flat=True)) == [
        "Council votes",
        "Mayor signs",
    ]
