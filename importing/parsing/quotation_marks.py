"""Where quotations open and close in a paragraph, whatever marks the copy uses.

Pure Python, no Django. Real copy mixes its marks: a quotation opened with a straight " may close
with a curly ” (or the reverse), a paragraph may open a second quotation before closing the first,
and a typo may double a mark. Each mark is read by what stands around it: “ opens and ” closes,
and a straight " opens before a word and closes after one.
"""

import re
from dataclasses import dataclass

OPENERS_BEFORE = " \t\n([{—–-/"  # a straight mark after these (or at the start) opens
CLOSERS_AFTER = ".,;:!?)]}—–-"  # a straight mark before these (or at the end) closes
MARK = re.compile(r'["“”]')


@dataclass
class Span:
    text: str
    start: int  # the opening mark
    end: int  # just after the closing mark


@dataclass
class Quotations:
    spans: list[Span]
    open_from: int | None  # where a quotation left open at the paragraph's end starts


def opens(paragraph: str, at: int, quotation_open: bool) -> bool | None:
    """Whether the mark at ``at`` opens (True) or closes (False) a quotation; None for a
    straight mark between two letters, which stands for an apostrophe ("Kuwait"s")."""
    mark = paragraph[at]
    before = paragraph[at - 1] if at else " "
    after = paragraph[at + 1] if at + 1 < len(paragraph) else " "
    if (
        mark == "“"
        and quotation_open
        and not before.isspace()
        and (after.isspace() or at + 1 == len(paragraph))
    ):
        return False  # 'doing it for him,“ Jerry says': a closing mark the wrong way round
    if mark != '"':
        return mark == "“"
    if before.isalnum() and after.isalnum():
        return None
    if before in OPENERS_BEFORE and not after.isspace():
        return True
    if after.isspace() or after in CLOSERS_AFTER:
        return False
    return not quotation_open  # 'fraud."We will…': the copy left out a space


def quotations(paragraph: str) -> Quotations:
    """The paragraph's quotations in order. A quotation opened while another is open ends the
    first there; a closing mark with no quotation open, or right after an opening one ("“”This"),
    is a typo and is passed over."""
    spans: list[Span] = []
    open_at: int | None = None
    for match in MARK.finditer(paragraph):
        at = match.start()
        opening = opens(paragraph, at, open_at is not None)
        if opening is None:
            continue
        if opening:
            if open_at is not None:
                add_span(spans, paragraph, open_at, at, at)
            open_at = at
        elif open_at is not None and paragraph[open_at + 1 : at].strip():
            add_span(spans, paragraph, open_at, at, at + 1)
            open_at = None
    return Quotations(spans, open_at)


def add_span(spans: list[Span], paragraph: str, start: int, text_end: int, end: int) -> None:
    text = paragraph[start + 1 : text_end]
    text = text.lstrip('“”"')  # a doubled opening mark
    if text.strip():
        spans.append(Span(text, start, end))


def without_quotations(paragraph: str, found: Quotations | None = None) -> str:
    """The paragraph with its quotations blanked out: the writer's own words."""
    found = found or quotations(paragraph)
    pieces, last = [], 0
    for span in found.spans:
        pieces.append(paragraph[last : span.start])
        pieces.append(" ")
        last = span.end
    pieces.append(paragraph[last : found.open_from if found.open_from is not None else None])
    return "".join(pieces)
