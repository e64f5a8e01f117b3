"""What changed between two texts, word by word, paragraph by paragraph: an edited sentence
shows its changed words, not the whole paragraph struck through and typed again."""

import difflib
import re
from dataclasses import dataclass

PARAGRAPH_BREAK = "\n\n"
TOKEN = re.compile(r"\n\s*\n|\S+")


@dataclass(frozen=True)
class Piece:
    """A run of words kept, removed or added."""

    change: str  # "same", "removed" or "added"
    text: str


def tokens(text: str) -> list[str]:
    return [
        PARAGRAPH_BREAK if token.isspace() else token
        for token in TOKEN.findall(text.replace("\r\n", "\n"))
    ]


def word_changes(old: str, new: str) -> list[list[Piece]]:
    """The paragraphs of the two texts merged, each a list of pieces in reading order."""
    before, after = tokens(old), tokens(new)
    paragraphs: list[list[Piece]] = [[]]

    def add(change: str, words: list[str]) -> None:
        for word in words:
            if word == PARAGRAPH_BREAK:
                if paragraphs[-1]:
                    paragraphs.append([])
                continue
            current = paragraphs[-1]
            if current and current[-1].change == change:
                current[-1] = Piece(change, f"{current[-1].text} {word}")
            else:
                current.append(Piece(change, word))

    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            add("same", before[old_start:old_end])
            continue
        add("removed", before[old_start:old_end])
        add("added", after[new_start:new_end])
    return [paragraph for paragraph in paragraphs if paragraph]
