"""Editorial sidecars: parsed strictly, applied to the parsed article and to the import."""

from datetime import UTC, date, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from authors.models import Author
from fronts.models import Lineup, LineupSlot
from importing.parsing import ParsedArticle, ParsedQuote
from importing.sidecars import (
    NAIVE_TIME,
    NO_SUCH_QUOTE,
    NOT_TOML,
    UNKNOWN_KEY,
    WRONG_TYPE,
    PackagePlace,
    SidecarError,
    sidecar_for,
    sidecar_parse,
)
from stories.models import Person, Quote, Section, Story

ARTICLE = """ date 2024-03-05 Council passes budget

"We did it," Mayor Karen Oduya said at a news conference.

"It was close," said Councilman Abe Lutz.
"""

SIDECAR = """
published_at = 2024-03-05T18:30:00Z
outlet = "City Desk"
byline = "Jo Reyes"
dek = "A 7-6 vote after midnight."
tags = ["Budget"]
related = ["Council delays budget vote"]

[[people]]
name = "Karen Oduya"
title = "Mayor"
aliases = ["Oduya", "the mayor"]

[[quotes]]
starts = "We did it"
featured = true
context = "after the vote"

[[quotes]]
starts = "It was close"
speaker = "Abe Lutz"
said_on = 2024-03-04
"""


def article(*quotes: ParsedQuote) -> ParsedArticle:
    return ParsedArticle(
        headline="H", published_on=None, paragraphs=["P"], tags=["Budget"], quotes=list(quotes)
    )


def test_a_full_sidecar_parses_into_typed_fields():
    sidecar = sidecar_parse(SIDECAR, name="budget.toml")
    assert sidecar.published_at == datetime(2024, 3, 5, 18, 30, tzinfo=UTC)
    assert (sidecar.outlet, sidecar.byline) == ("City Desk", "Jo Reyes")
    assert sidecar.people[0].name == "Karen Oduya"
    assert sidecar.people[0].aliases == ["Oduya", "the mayor"]
    assert sidecar.quotes[1].said_on == date(2024, 3, 4)


def test_the_package_key_gives_the_package_and_the_place_in_it():
    place = sidecar_parse('[package]\nname = "City budget"\nposition = 2\n', name="s.toml").package
    assert place == PackagePlace(name="City budget", position=2)
    unordered = sidecar_parse('[package]\nname = "City budget"\n', name="s.toml").package
    assert unordered == PackagePlace(name="City budget", position=0)
    assert sidecar_parse(SIDECAR, name="budget.toml").package is None


def test_corrections_change_the_matching_quote_and_tags_are_not_doubled():
    sidecar = sidecar_parse(SIDECAR, name="budget.toml")
    corrected = sidecar.apply(
        article(ParsedQuote("We did it", "Karen Oduya"), ParsedQuote("It was close", "Abe"))
    )
    first, second = corrected.quotes
    assert (first.is_featured, first.context) == (True, "after the vote")
    assert (second.speaker, second.said_on) == ("Abe Lutz", date(2024, 3, 4))
    assert corrected.tags == ["Budget"]
    assert corrected.related == ["Council delays budget vote"]


def test_a_correction_can_drop_a_quote():
    sidecar = sidecar_parse('[[quotes]]\nstarts = "Save"\ndrop = true\n', name="s.toml")
    kept = sidecar.apply(article(ParsedQuote("Save America", "X"), ParsedQuote("Yes", "Y")))
    assert [quote.text for quote in kept.quotes] == ["Yes"]


def test_a_correction_that_matches_no_quote_is_an_error_naming_the_file():
    sidecar = sidecar_parse('[[quotes]]\nstarts = "Nothing like it"\n', name="s.toml")
    with pytest.raises(SidecarError) as error:
        sidecar.apply(article(ParsedQuote("We did it", "Karen Oduya")))
    assert str(error.value) == NO_SUCH_QUOTE.format(file="s.toml", starts="Nothing like it")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("outlet = ", NOT_TOML.format(file="s.toml", error="")[:-2]),
        ('outlett = "x"', UNKNOWN_KEY.format(file="s.toml", key="outlett", table="the sidecar")),
        ("tags = 3", WRONG_TYPE.format(file="s.toml", key="tags", kind="a list of text")),
        ("tags = [3]", WRONG_TYPE.format(file="s.toml", key="tags", kind="a list of text")),
        (
            "published_at = 2024-03-05",
            WRONG_TYPE.format(file="s.toml", key="published_at", kind="a date and time"),
        ),
        ("published_at = 2024-03-05T10:00:00", NAIVE_TIME.format(file="s.toml")),
        (
            '[[people]]\ntitle = "Mayor"',
            WRONG_TYPE.format(file="s.toml", key="[[people]] name", kind="text"),
        ),
        (
            '[[quotes]]\nstarts = "a"\nsaid_on = 2024-03-05T10:00:00Z',
            WRONG_TYPE.format(file="s.toml", key="said_on", kind="a date"),
        ),
        (
            '[[quotes]]\nstarts = "a"\nfeatured = "yes"',
            WRONG_TYPE.format(file="s.toml", key="featured", kind="true or false"),
        ),
        (
            'package = "Budget"',
            WRONG_TYPE.format(file="s.toml", key="package", kind="a table ([package])"),
        ),
        (
            "[package]\nposition = 1",
            WRONG_TYPE.format(file="s.toml", key="[package] name", kind="text"),
        ),
        ("[package]\nname = 3", WRONG_TYPE.format(file="s.toml", key="name", kind="text")),
        (
            '[package]\nname = "  "',
            WRONG_TYPE.format(file="s.toml", key="[package] name", kind="text, not empty"),
        ),
        (
            '[package]\nname = "Budget"\norder = 1',
            UNKNOWN_KEY.format(file="s.toml", key="order", table="[package]"),
        ),
        (
            '[package]\nname = "Budget"\nposition = "1"',
            WRONG_TYPE.format(file="s.toml", key="position", kind="a whole number, 0 or more"),
        ),
        (
            '[package]\nname = "Budget"\nposition = true',
            WRONG_TYPE.format(
                file="s.toml", key="[package] position", kind="a whole number, 0 or more"
            ),
        ),
        (
            "front_position = -1",
            WRONG_TYPE.format(
                file="s.toml", key="front_position", kind="a whole number, 0 or more"
            ),
        ),
        (
            "front_position = true",
            WRONG_TYPE.format(
                file="s.toml", key="front_position", kind="a whole number, 0 or more"
            ),
        ),
        (
            'authors = "Jo Reyes"',
            WRONG_TYPE.format(file="s.toml", key="authors", kind="a list of text"),
        ),
        (
            '[package]\nname = "Budget"\nposition = -1',
            WRONG_TYPE.format(
                file="s.toml", key="[package] position", kind="a whole number, 0 or more"
            ),
        ),
    ],
)
def test_a_bad_sidecar_is_refused_with_a_clear_message(text, message):
    with pytest.raises(SidecarError) as error:
        sidecar_parse(text, name="s.toml")
    assert str(error.value).startswith(message)


def test_an_article_without_a_sidecar_gets_an_empty_one(tmp_path):
    assert sidecar_for(tmp_path / "a.txt").published_at is None


@pytest.mark.django_db
def test_import_articles_applies_the_sidecar_beside_the_article(tmp_path):
    (tmp_path / "budget.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "budget.toml").write_text(SIDECAR, encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    story = Story.objects.get()
    assert (story.outlet, story.byline, story.dek) == (
        "City Desk",
        "Jo Reyes",
        "A 7-6 vote after midnight.",
    )
    assert story.published_at == datetime(2024, 3, 5, 18, 30, tzinfo=UTC)
    assert [link.title for link in story.related_links.all()] == ["Council delays budget vote"]
    mayor = Person.objects.get(name="Karen Oduya")
    assert mayor.title == "Mayor"
    assert {"Oduya", "the mayor"} <= set(mayor.alias_list)
    featured = Quote.objects.get(is_featured=True)
    assert featured.text.startswith("We did it")
    assert featured.context == "after the vote"
    assert Quote.objects.get(text__startswith="It was close").speaker.name == "Abe Lutz"


@pytest.mark.django_db
def test_a_bad_sidecar_fails_only_its_own_article(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.toml").write_text('outlett = "x"', encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("budget", "levy"), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), stdout=StringIO(), stderr=err)
    assert f"{tmp_path / 'a.txt'}: {Path(tmp_path / 'a.toml')}: unknown key 'outlett'" in (
        err.getvalue()
    )
    assert list(Story.objects.values_list("headline", flat=True)) == ["Council passes levy"]


@pytest.mark.django_db
def test_the_sidecar_credits_authors_in_order_and_gives_the_section(tmp_path):
    known = Author.objects.create(name="Jo Reyes", slug="jo-reyes", role="City hall reporter")
    Section.objects.create(name="Politics", slug="politics", position=3)
    (tmp_path / "budget.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "budget.toml").write_text(
        'authors = ["Sam Okafor", "jo reyes"]\nsection = "Local"\nbyline = "with wire reports"',
        encoding="utf-8",
    )
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    call_command("import_articles", str(tmp_path), stdout=StringIO())  # again: no duplicates
    story = Story.objects.get()
    assert [author.name for author in story.byline_authors] == ["Sam Okafor", "Jo Reyes"]
    assert story.byline_authors[1] == known
    assert Author.objects.count() == 2
    assert (story.section.name, story.section.slug, story.section.position) == ("Local", "local", 4)
    assert story.byline_text == "Sam Okafor and Jo Reyes, with wire reports"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("line", "key", "limit"),
    [(f'section = "{"S" * 101}"', "section", 100), (f'authors = ["{"A" * 201}"]', "author", 200)],
)
def test_a_section_or_author_name_too_long_is_refused_and_nothing_is_imported(
    tmp_path, line, key, limit
):
    (tmp_path / "budget.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "budget.toml").write_text(line, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), stdout=StringIO(), stderr=err)
    start = line.split('"')[1][:40]
    assert f"the {key} name “{start}…” is longer than {limit}" in err.getvalue()
    assert (Story.objects.count(), Section.objects.count(), Author.objects.count()) == (0, 0, 0)


@pytest.mark.django_db
def test_a_story_placed_on_the_front_by_its_sidecar_is_in_the_lineups_history(tmp_path):
    (tmp_path / "budget.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "budget.toml").write_text("front_position = 0", encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    lineup = Lineup.objects.get()
    versions = Version.objects.get_for_object(lineup)
    assert len(versions) == 1
    assert versions[0].revision.comment == "Imported from raw text."
    kept = [version.object for version in versions[0].revision.version_set.all()]
    assert Story.objects.get() in kept
    assert LineupSlot.objects.get() in kept
