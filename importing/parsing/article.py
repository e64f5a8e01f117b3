"""Raw article text in, structured story out.

``parse_article(text)`` is pure Python, no Django: it reads the raw format described in
DESIGN.md and returns a ``ParsedArticle``. ``article_import(...)`` (in ``importing.services``)
writes one to the database.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from stories.text import split_paragraphs

from .names import KnownPerson
from .quotes import ParsedQuote, find_quotes

MAX_ARTICLE_BYTES = 1_000_000
DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)")
RELATED_LINE = re.compile(r"^RELATED:\s*(.+)$")
DEVELOPING_LINE = "This is a developing story."

EMPTY = "the file is empty"
NOT_UTF8 = "the file is not UTF-8 text"
BINARY = "the file is binary, not text"
TOO_LARGE = f"the file is larger than {MAX_ARTICLE_BYTES:,} bytes"
NO_HEADLINE = "the file has no headline on its first line"
NOT_A_DATE = "the first line's date {text} is not a day of the calendar (YYYY-MM-DD)"


class ArticleError(ValueError):
    """Raw text that cannot be a story; the message says why."""


@dataclass
class ParsedArticle:
    headline: str
    published_on: date | None
    paragraphs: list[str]
    related: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    is_developing: bool = False
    quotes: list[ParsedQuote] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def decode_article(raw: bytes) -> str:
    if not raw.strip():
        raise ArticleError(EMPTY)
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(TOO_LARGE)
    if b"\x00" in raw:
        raise ArticleError(BINARY)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(NOT_UTF8) from error


def parse_article(
    text: str,
    *,
    known_tags: list[str] = (),
    known_people: list[KnownPerson] = (),
    published_on: date | None = None,
) -> ParsedArticle:
    """``published_on`` is the day to assume when the text has no date prefix."""
    blocks = split_paragraphs(text)
    if not blocks:
        raise ArticleError(NO_HEADLINE)
    headline, dated_on = split_headline(blocks[0])
    published_on = dated_on or published_on
    if not headline:
        raise ArticleError(NO_HEADLINE)

    article = ParsedArticle(headline=headline, published_on=published_on, paragraphs=[])
    body_blocks = blocks[1:]
    if body_blocks and looks_like_tag_line(body_blocks[-1]):
        article.tags = split_tags(body_blocks.pop(), known_tags)
    for block in body_blocks:
        related = RELATED_LINE.match(block.replace("\u00a0", " "))
        if related:
            article.related.append(related.group(1).strip())
        elif block == DEVELOPING_LINE:
            article.is_developing = True
        else:
            article.paragraphs.append(block)
    article.quotes = find_quotes(
        article.paragraphs, known_people=known_people, published_on=published_on
    )
    return article


def split_headline(line: str) -> tuple[str, date | None]:
    match = DATE_PREFIX.match(line)
    if not match:
        return line.strip(), None
    try:
        day = date.fromisoformat(match.group(1))
    except ValueError as error:
        raise ArticleError(NOT_A_DATE.format(text=match.group(1))) from error
    return line[match.end() :].strip(), day


def looks_like_tag_line(block: str) -> bool:
    """A last line of run-together words: no sentence punctuation, no spaces between most words."""
    if "\n" in block or block.endswith((".", "!", "?", '"', "”")) or len(block) > 300:
        return False
    if re.search(r"[,;:\"“”]", block):
        return False
    return bool(re.search(r"[a-z][A-Z]|[a-z]\d|\d[A-Z]|\.[A-Z]", block))


def split_tags(line: str, known_tags: list[str] = ()) -> list[str]:
    """Split run-together tags: known vocabulary first (longest match), then case/digit changes."""
    known = sorted({tag for tag in known_tags if tag}, key=len, reverse=True)
    tags: list[str] = []
    rest = line.strip()
    pending = ""
    while rest:
        for tag in known:
            if rest.startswith(tag):
                if pending:
                    tags.extend(split_at_boundaries(pending))
                    pending = ""
                tags.append(tag)
                rest = rest[len(tag) :].lstrip()
                break
        else:
            pending += rest[0]
            rest = rest[1:]
    if pending:
        tags.extend(split_at_boundaries(pending))
    return dedupe(tags)


TAG_BOUNDARY = re.compile(
    r"(?<=[a-z])(?=[A-Z])"  # PoliticsU.S. -> Politics | U.S.
    r"|(?<=[a-z])(?=\d)"  # News2020 -> News | 2020
    r"|(?<=\.)(?=[A-Z][a-z])"  # U.S.Mike -> U.S. | Mike
    r"|(?<=\d)(?=[A-Z][a-z])"  # Election 2025Bellhaven -> Election 2025 | Bellhaven
    r"|(?<=[A-Z])(?=[A-Z][a-z])"  # UKHousing -> UK | Housing
)


def split_at_boundaries(run: str) -> list[str]:
    """'News2020 ElectionPoliticsU.S.Mike Pence' -> News, 2020 Election, Politics, U.S., ..."""
    return [part.strip() for part in TAG_BOUNDARY.split(run) if part.strip()]


def dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            unique.append(item)
    return unique
