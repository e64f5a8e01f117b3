"""A story's quotes where they stand in its body: each quote's words marked as a quotation
linking the speaker's page, a pull quote set after the block that holds an editor's featured
quote, and the quotes the body does not hold (said elsewhere, or worded otherwise) kept for a
list of their own, so none is lost.

The body is the HTML readers get (``stories.body_rendering``); its text is searched block by
block, leaving links, buttons, captions, headings and marks already made alone. A quote's
words match whatever apostrophes, quotation marks and spaces the body writes them with; words
broken by inline markup (an <em> inside a quote) are not matched.
"""

import re
from dataclasses import dataclass, field
from html import escape, unescape

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from stories.models import Quote

TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|<")
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"})
LEFT_ALONE = frozenset({"a", "button", "figcaption", "h2", "h3", "q", "script", "style"})
APOSTROPHES = "'’‘"
QUOTATION_MARKS = '"“”'


@dataclass
class QuotesInBody:
    html: SafeString
    elsewhere: list[Quote] = field(default_factory=list)  # the quotes the body does not hold


def words_pattern(text: str) -> re.Pattern:
    parts = []
    for character in text.strip():
        if character in APOSTROPHES:
            parts.append(f"[{APOSTROPHES}]")
        elif character in QUOTATION_MARKS:
            parts.append(f"[{QUOTATION_MARKS}]")
        elif character.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(character))
    return re.compile("".join(parts).replace(r"\s+\s+", r"\s+"))


def marked(words: str, quote: Quote) -> str:
    return format_html(
        '<q class="said"><a href="{}">{}<span class="visually-hidden"> ({})</span></a></q>',
        quote.speaker.get_absolute_url(),
        words,
        quote.speaker.name,
    )


def pull_quote(quote: Quote) -> str:
    """Hidden from screen readers, which read the same words in the body where they stand."""
    return format_html(
        '<aside class="pull-quote" aria-hidden="true"><p>“{}”</p><p class="pull-quote__speaker">'
        "{}</p></aside>",
        quote.text,
        quote.speaker.name,
    )


def text_marked(text: str, waiting: list[tuple[Quote, re.Pattern]], found: list[Quote]) -> str:
    """An escaped text node with the waiting quotes it holds marked (and taken off the list)."""
    plain = unescape(text)
    for quote, pattern in list(waiting):
        match = pattern.search(plain)
        if match is None:
            continue
        waiting.remove((quote, pattern))
        found.append(quote)
        before, after = plain[: match.start()], plain[match.end() :]
        return (
            text_marked(escape(before, quote=False), waiting, found)
            + marked(match[0], quote)
            + text_marked(escape(after, quote=False), waiting, found)
        )
    return text


def quotes_in_body(body: str, quotes) -> QuotesInBody:
    """The body with ``quotes`` (their speakers read) marked where they stand; the longest
    quote is looked for first, so one quote inside another's words is not marked within it."""
    ordered = sorted(quotes, key=lambda quote: len(quote.text), reverse=True)
    waiting = [(quote, words_pattern(quote.text)) for quote in ordered if quote.text.strip()]
    out: list[str] = []
    open_tags: list[str] = []
    block_found: list[Quote] = []
    for match in TOKEN.finditer(body):
        closing, name = match[1], (match[2] or "").lower()
        if name:
            if name in VOID or match[0].endswith("/>"):
                pass
            elif closing:
                if name in open_tags:
                    del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name) :]
            else:
                open_tags.append(name)
            out.append(match[0])
            if closing and not open_tags:  # a top-level block ends
                out.extend(pull_quote(quote) for quote in block_found if quote.is_featured)
                block_found = []
        elif LEFT_ALONE.intersection(open_tags) or match[0] == "<":
            out.append(match[0])
        else:
            out.append(text_marked(match[0], waiting, block_found))
    out.extend(pull_quote(quote) for quote in block_found if quote.is_featured)
    held = {id(quote) for quote, _ in waiting}
    elsewhere = [quote for quote in quotes if id(quote) in held]
    return QuotesInBody(html=mark_safe("".join(out)), elsewhere=elsewhere)


@dataclass(frozen=True)
class PersonQuoted:
    speaker: object
    count: int


def people_quoted(quotes) -> list[PersonQuoted]:
    """Each speaker once, in the order of their first quote, with how many quotes are theirs."""
    counts: dict[int, list] = {}
    for quote in quotes:
        counts.setdefault(quote.speaker_id, [quote.speaker, 0])[1] += 1
    return [PersonQuoted(speaker, count) for speaker, count in counts.values()]
