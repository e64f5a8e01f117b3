"""Speakers the copy does not name, kept as the copy describes them: "a senior administration
official", "one team executive", "prosecutors", or "the report" when no one named is meant.

Pure Python, no Django.
"""

import re

from .words import GROUP_NOUNS, LOWER

# Someone the copy does not name: "a sheriff's spokeswoman", "one Cowboys executive", "a
# spokesman for Attorney General Eric Schneiderman", "prosecutors"; or, when no one named can
# be meant, "the report", "the company".
INDEFINITE = r"[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther"
UNNAMED_TAIL = (
    rf" (?:[\w’'.-]+ ){{0,8}}?[\w’'-]*[{LOWER}][\w’'-]*"
    r"(?: (?:for|of|at|in|from|with) (?:the )?[\w’'.-]+(?: [\w’'.-]+){0,5}?)?"
)
UNNAMED = re.compile(rf"(?:{INDEFINITE}){UNNAMED_TAIL}|(?:{GROUP_NOUNS})")
DEFINITE = re.compile(rf"[Tt]he{UNNAMED_TAIL}")
# An article before a capitalised run makes it a description: "A Colorado Democrat".
DESCRIBED = re.compile(r"(?:^|\s)(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+$")
# Words no unnamed speaker's description holds: a pronoun or a verb makes it a clause.
NOT_A_SUBJECT = re.compile(
    r"\b(?:he|she|they|it|we|i|you|this|that|is|are|was|were|be|been|has|have|had)\b", re.I
)
UNNAMED_NOT = re.compile(r"\b(?:who|which|that|when|after|before|because)\b.*$|\s+\w+ly$")


def unnamed_speaker(words: str, *, definite: bool = False) -> str | None:
    """The words the copy uses for a speaker it does not name, as written, when they are the
    whole subject: the end of ``words`` after its last comma. A definite one ("the report")
    only when asked, since "the nurse" is most often someone named before."""
    subject = UNNAMED_NOT.sub("", words.split(",")[-1].strip()).strip(" —–")
    pattern = DEFINITE if definite else UNNAMED
    if not pattern.fullmatch(subject) or len(subject.split()) > 12:
        return None
    return None if NOT_A_SUBJECT.search(subject) else subject
