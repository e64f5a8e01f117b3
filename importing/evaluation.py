"""How well the importer reads real copy: its output against hand-checked expected results.

Each article ``NAME.txt`` in the folder has ``NAME.json`` beside it (headline, published_on,
is_developing, tags, related, quotes with speaker, text and is_fragment). Quotes are matched in
reading order on their words, so punctuation, quotation marks and case do not count.
"""

import json
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from stories.text import headline_key

from .parsing import decode_article, parse_article

SAME_QUOTE_RATIO = 0.9


@dataclass
class ArticleScore:
    name: str
    expected_quotes: int = 0
    found_quotes: int = 0
    matched: int = 0
    right_speaker: int = 0
    right_fragment: int = 0
    expected_tags: int = 0
    found_tags: int = 0
    right_tags: int = 0
    expected_related: int = 0
    found_related: int = 0
    right_related: int = 0
    right_fields: int = 0  # headline, date and developing flag
    problems: list[str] = field(default_factory=list)


@dataclass
class Evaluation:
    articles: list[ArticleScore]

    def total(self, name: str) -> int:
        return sum(getattr(article, name) for article in self.articles)

    @property
    def quote_precision(self) -> float:
        return ratio(self.total("matched"), self.total("found_quotes"))

    @property
    def quote_recall(self) -> float:
        return ratio(self.total("matched"), self.total("expected_quotes"))

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.total("right_speaker"), self.total("matched"))

    @property
    def fragment_accuracy(self) -> float:
        return ratio(self.total("right_fragment"), self.total("matched"))

    @property
    def tag_accuracy(self) -> float:
        return self.item_accuracy("tags")

    @property
    def related_accuracy(self) -> float:
        return self.item_accuracy("related")

    def item_accuracy(self, items: str) -> float:
        """Right items over all items expected or found: extra and missing ones both count."""
        right, found = self.total(f"right_{items}"), self.total(f"found_{items}")
        return ratio(right, self.total(f"expected_{items}") + found - right)

    @property
    def field_accuracy(self) -> float:
        return ratio(self.total("right_fields"), 3 * len(self.articles))


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def evaluate_folder(folder: Path) -> Evaluation:
    return Evaluation(
        [
            evaluate_article(path.stem, path.read_bytes(), expected_for(path))
            for path in sorted(folder.glob("*.txt"))
        ]
    )


def expected_for(article_path: Path) -> dict:
    return json.loads(article_path.with_suffix(".json").read_text(encoding="utf-8"))


def evaluate_article(name: str, raw: bytes, expected: dict) -> ArticleScore:
    parsed = parse_article(decode_article(raw))
    score = ArticleScore(name=name)
    score.right_fields = sum(
        [
            headline_key(parsed.headline) == headline_key(expected["headline"]),
            str(parsed.published_on) == str(expected["published_on"]),
            parsed.is_developing == expected["is_developing"],
        ]
    )
    score.expected_tags, score.found_tags = len(expected["tags"]), len(parsed.tags)
    score.right_tags = len(set(parsed.tags) & set(expected["tags"]))
    score.expected_related, score.found_related = len(expected["related"]), len(parsed.related)
    score.right_related = len(set(parsed.related) & set(expected["related"]))
    if score.right_tags < max(score.expected_tags, score.found_tags):
        score.problems.append(f"tags: expected {expected['tags']}, found {parsed.tags}")

    wanted = expected["quotes"]
    score.expected_quotes, score.found_quotes = len(wanted), len(parsed.quotes)
    unmatched = list(range(len(wanted)))
    for found in parsed.quotes:
        index = next((i for i in unmatched if same_quote(found.text, wanted[i]["text"])), None)
        if index is None:
            score.problems.append(f"extra quote ({found.speaker}): {found.text[:70]!r}")
            continue
        unmatched.remove(index)
        score.matched += 1
        truth = wanted[index]
        if same_speaker(found.speaker, truth["speaker"]):
            score.right_speaker += 1
        else:
            score.problems.append(
                f"speaker {found.speaker!r}, expected {truth['speaker']!r}: {found.text[:50]!r}"
            )
        if found.is_fragment == truth["is_fragment"]:
            score.right_fragment += 1
    for index in unmatched:
        score.problems.append(
            f"missed quote ({wanted[index]['speaker']}): {wanted[index]['text'][:70]!r}"
        )
    return score


NAME_NOISE = re.compile(
    r"^(?:the|an?|mr|mrs|ms|dr|sen|rep|gov)\.? |(?<= )[a-z]\.? (?=\S)| (?:jr|sr|ii|iii|iv)\.?$"
    r"|^[a-z]\. (?=\S+ \S+)"
)


def same_speaker(found: str, expected: str) -> bool:
    """The same person however the name is dressed: "Nikki R. Haley" is "Nikki Haley", "Mr.
    Smith" is "Smith", "Samuel A. Alito Jr." is "Samuel Alito", "J. Richard Harvey" is
    "Richard Harvey"."""
    return speaker_key(found) == speaker_key(expected)


def speaker_key(name: str) -> str:
    key = " ".join(name.casefold().replace(",", " ").split())
    previous = None
    while previous != key:
        previous, key = key, NAME_NOISE.sub("", key).strip()
    return key


def same_quote(found: str, expected: str) -> bool:
    found_words, expected_words = headline_key(found), headline_key(expected)
    return SequenceMatcher(None, found_words, expected_words).ratio() >= SAME_QUOTE_RATIO
