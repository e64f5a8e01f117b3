"""Plain-text rules shared by the models, the importer and the import form."""

import hashlib
import re
import unicodedata
from typing import NamedTuple

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
NOT_WORD = re.compile(r"[\W_]+")


# The explicit embeddings, overrides and isolates of Unicode's bidirectional algorithm. In user
# text they can reorder whatever follows them on the line (a name, a date, a whole sentence).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def bidi_isolated(text: str) -> str:
    """Text that holds bidi controls, enclosed in an isolate: what it reorders stays inside it,
    wherever it is shown, in HTML, a <title>, a feed or an admin message. Other text is
    returned as it is."""
    text = str(text)
    if BIDI_CONTROLS.isdisjoint(text):
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def unix_newlines(text: str) -> str:
    """Browsers send a textarea's line breaks as CRLF; a story keeps them as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by a blank line; each comes back stripped, empty ones dropped."""
    return [part.strip() for part in PARAGRAPH_BREAK.split(unix_newlines(text)) if part.strip()]


def headline_key(headline: str) -> str:
    """A headline reduced to its words, so that punctuation, quotes and case do not matter."""
    without_apostrophes = headline.replace("’", "").replace("'", "")
    return " ".join(NOT_WORD.sub(" ", without_apostrophes).casefold().split())[:255]


def quote_words(text: str) -> str:
    """A quotation reduced to its words, as ``headline_key`` reduces a headline but whole:
    punctuation, quotation marks, apostrophes, case and spacing do not matter."""
    without_apostrophes = unicodedata.normalize("NFKC", text).replace("’", "").replace("'", "")
    return " ".join(NOT_WORD.sub(" ", without_apostrophes).casefold().split())


def words_key(words: str) -> str:
    """A short key of the words, for an index (a quotation may be longer than an index row)."""
    return hashlib.sha256(words.encode()).hexdigest() if words else ""


END_WORDS = 8


def words_ends_keys(words: str) -> tuple[str, str]:
    """Keys of the first and of the last words: the same words with a small edit keep one of
    the two, so the quotes sharing either are where to look for them."""
    split = words.split()
    return words_key(" ".join(split[:END_WORDS])), words_key(" ".join(split[-END_WORDS:]))


class QuoteWords(NamedTuple):
    """What a quote keeps of its text to be found by its words: the fields of the same names."""

    words: str
    words_key: str
    words_head: str
    words_tail: str


def quote_words_kept(text: str) -> QuoteWords:
    words = quote_words(text)
    return QuoteWords(words, words_key(words), *words_ends_keys(words))


def tag_key(name: str) -> str:
    """A tag name reduced to its letters and digits: “U.S.”, “US” and “u s” share one key."""
    return "".join(character for character in name.casefold() if character.isalnum())


# XML 1.0 allows tab, line feed and carriage return, and no other character below U+0020.
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text without the characters XML 1.0 cannot carry, so a feed or sitemap stays valid."""
    return XML_FORBIDDEN.sub("", text)


def shorten(text: str, width: int) -> str:
    """The text on one line; when longer than ``width``, cut after the last whole word that fits
    and ended with "…". A single word longer than ``width`` is cut where it must be."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    head = line[: width - 1]
    if line[width - 1] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:") + "…"
