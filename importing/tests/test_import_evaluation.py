"""The importer meets its quality targets on hand-checked articles, and the measure is sound."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from importing.evaluation import evaluate_article, evaluate_folder, same_quote, same_speaker
from importing.management.commands.evaluate_import import SETS

DATA = Path(settings.BASE_DIR) / "importing" / "tests" / "data"
EVAL = DATA / "eval"
HOLDOUT = DATA / "holdout"  # written after the importer, by another hand
BLIND = DATA / "blind"  # written later still, by a third
REAL = DATA / "real"  # published copy of other outlets, see real/SOURCES.md
REAL_TARGETS = {"quote_precision": 0.95, "quote_recall": 0.90, "speaker_accuracy": 0.92}


def test_the_evaluation_set_has_ten_or_more_hand_checked_articles():
    articles = sorted(EVAL.glob("*.txt"))
    assert len(articles) >= 10
    for article in articles:
        expected = json.loads(article.with_suffix(".json").read_text("utf-8"))
        assert len(expected["quotes"]) >= 4, article.name


@pytest.mark.parametrize("folder", [EVAL, HOLDOUT, BLIND], ids=["eval", "holdout", "blind"])
def test_importer_meets_the_quality_targets(folder):
    evaluation = evaluate_folder(folder)
    assert evaluation.quote_precision >= 0.95
    assert evaluation.quote_recall >= 0.90
    assert evaluation.speaker_accuracy >= 0.90
    assert evaluation.tag_accuracy >= 0.90
    assert evaluation.related_accuracy >= 0.90


def test_the_real_set_is_published_copy_of_several_outlets_and_desks():
    articles = sorted(REAL.glob("*.txt"))
    assert len(articles) >= 25
    quotes = [json.loads(a.with_suffix(".json").read_text("utf-8"))["quotes"] for a in articles]
    assert sum(len(listed) for listed in quotes) >= 250
    sources = (REAL / "SOURCES.md").read_text("utf-8")
    outlets, desks = set(), set()
    for article in articles:
        section = sources.split(f"## {article.stem}\n", 1)[1].split("\n## ", 1)[0]
        assert "- package: " in section, article.name
        assert "- path inside package: " in section, article.name
        outlet, desk = re.search(r"- outlet: (\S+); desk: ([^/\n]+)", section).groups()
        outlets.add(outlet.removesuffix("1987"))
        desks.add(desk.strip().casefold())
    assert len(outlets) >= 4
    assert len(desks) >= 4


def test_the_importer_meets_its_targets_on_real_copy():
    evaluation = evaluate_folder(REAL)
    for figure, target in REAL_TARGETS.items():
        assert getattr(evaluation, figure) >= target, figure


ARTICLE = """Budget passes

"We did it," Mayor Karen Oduya said.

"It was close," said Abe Lutz.

Residents wore "Libraries Are Essential" shirts.
"""


def expected(*quotes: tuple[str, str, bool]) -> dict:
    return {
        "headline": "Budget passes",
        "published_on": None,
        "is_developing": False,
        "tags": [],
        "related": [],
        "quotes": [{"speaker": s, "text": t, "is_fragment": f} for s, t, f in quotes],
    }


def test_a_perfect_parse_scores_full_marks():
    score = evaluate_article(
        "a",
        ARTICLE.encode(),
        expected(("Karen Oduya", "We did it,", False), ("Abe Lutz", "It was close,", False)),
    )
    assert (score.matched, score.right_speaker, score.found_quotes) == (2, 2, 2)
    assert score.problems == []


def test_a_wrong_speaker_a_missed_quote_and_an_extra_quote_all_count():
    score = evaluate_article(
        "a",
        ARTICLE.encode(),
        expected(("Jane Doe", "We did it,", False), ("Abe Lutz", "Never again.", False)),
    )
    assert (score.expected_quotes, score.found_quotes, score.matched) == (2, 2, 1)
    assert score.right_speaker == 0
    assert len(score.problems) == 3  # wrong speaker, extra "It was close", missed "Never again"


def test_quotes_match_on_their_words_not_their_punctuation():
    assert same_quote("We did it,", "We did it.")
    assert same_quote("don’t stop", "don't stop")
    assert not same_quote("We did it", "We lost it all")


def test_a_speaker_is_the_same_person_whatever_initials_honorifics_or_suffixes():
    assert same_speaker("Nikki Haley", "Nikki R. Haley")
    assert same_speaker("Samuel Alito", "Samuel A. Alito Jr.")
    assert same_speaker("Smith", "Mr. Smith")
    assert same_speaker("Richard Harvey", "J. Richard Harvey")
    assert not same_speaker("Rowling", "J. Rowling")
    assert same_speaker("The Patient", "the patient")
    assert same_speaker("Iowa Republican", "an Iowa Republican")
    assert not same_speaker("Jerry", "Jerry Jones")
    assert not same_speaker("Stephen Jones", "Jerry Jones")


def test_evaluate_import_prints_precision_recall_and_accuracy():
    out = StringIO()
    call_command("evaluate_import", str(EVAL), stdout=out)
    printed = out.getvalue()
    for figure in ("quote precision", "quote recall", "speaker accuracy", "tag accuracy"):
        assert figure in printed


def test_evaluate_import_reports_each_set_then_compares_them():
    out = StringIO()
    call_command("evaluate_import", stdout=out)
    printed = out.getvalue()
    sets = [name for name in SETS if (DATA / name).is_dir()]
    assert sets[:3] == ["eval", "holdout", "blind"]
    for name in sets:
        assert f"== {name} (" in printed
    assert printed.count("quote precision") == len(sets)
    comparison = printed.split("\nset ", 1)[1].splitlines()[1:]
    assert [line.split()[0] for line in comparison] == sets


def test_evaluate_import_refuses_a_folder_without_articles(tmp_path):
    with pytest.raises(CommandError, match="no .txt articles"):
        call_command("evaluate_import", str(tmp_path), stdout=StringIO())
