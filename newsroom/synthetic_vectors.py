"""The synthetic archive's search vectors, written out by Python as PostgreSQL computes them.

The archive is written from a known vocabulary, so PostgreSQL is asked once for the
lexemes of each word (and how many positions it takes), and each story's vector is then
put together in Python, weighted and concatenated as ``stories.search_vectors`` defines
it: headline (A), quotes with their speakers (B), dek (C), body (D). Concatenation shifts
each part's positions by the highest position before it, as PostgreSQL's ``||`` does.
A test holds the result equal to ``search_vectors_refresh``.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db import connection

from stories.search_vectors import search_config

# Put after each word to count the positions it takes: its own position is one more.
MARKER = "zqxjmarker"


class VectorWriter:
    def __init__(self, words: Iterable[str]):
        # word as written -> (positions it takes, ((quoted lexeme, offset), ...))
        self.lexemes: dict[str, tuple[int, tuple[tuple[str, int], ...]]] = {}
        words = sorted(set(words))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, lexeme, positions FROM unnest(%s::text[]) AS words(word), "
                "unnest(to_tsvector(%s::regconfig, word || ' ' || %s))",
                [words, search_config(), MARKER],
            )
            found = defaultdict(list)
            for word, lexeme, positions in cursor.fetchall():
                found[word] += [(position, lexeme) for position in positions]
        for word in words:
            marker_at = max(position for position, _ in found[word])
            lexemes = sorted((at, lexeme) for at, lexeme in found[word] if at != marker_at)
            self.lexemes[word] = (
                marker_at - 1,
                tuple((quoted(lexeme), at - 1) for at, lexeme in lexemes),
            )

    def vector(self, parts: Sequence[tuple[Iterable[str], str]]) -> str:
        """The tsvector, in PostgreSQL's text form, of these (words, weight) parts."""
        entries: dict[str, list[str]] = defaultdict(list)
        table, end = self.lexemes, 0
        for words, weight in parts:
            mark = "" if weight == "D" else weight
            at, highest = end + 1, end
            for word in words:
                taken, lexemes = table[word]
                if lexemes:
                    for lexeme, offset in lexemes:
                        entries[lexeme].append(f"{at + offset}{mark}")
                    highest = at + offset
                at += taken
            end = highest
        return " ".join(f"'{lexeme}':{','.join(at)}" for lexeme, at in entries.items())


def quoted(lexeme: str) -> str:
    return lexeme.replace("\\", "\\\\").replace("'", "''")
