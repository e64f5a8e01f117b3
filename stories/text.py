"""Plain-text rules shared by the models, the importer and the import form."""

import re

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
NOT_WORD = re.compile(r"[\W_]+")


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
