"""Names in news copy: which capitalised words are a person, their title, one canonical name
for all the forms an article uses ("Vice President Mike Pence", "Mr. Pence", "Pence").

Pure Python, no Django.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .words import (
    FEMALE_GIVEN_NAMES,
    INSTITUTION_WORDS,
    LOWER,
    MALE_GIVEN_NAMES,
    NOT_NAMES,
    PARTICLE,
    PLACE_FIRST_WORDS,
    POST_NOMINALS,
    ROLE_NOUNS,
    SUBORDINATE_TITLES,
    TITLE_CASE_SMALL_WORDS,
    TITLE_WORDS,
    UPPER,
)

# Capitalised words in a row: "Vice President Mike Pence", "U.S. District Judge Helen Marchetti".
NAME_WORD = rf"[{UPPER}][{LOWER}'’-]*(?:[{UPPER}][{LOWER}'’-]+)?"  # "Pence", "McDonald", "O’Brien"
CAP_WORD = rf"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z]{{2,5}}\b(?:['’]s)?|{NAME_WORD}\.?)"
CAPITALISED_RUN = re.compile(rf"{CAP_WORD}(?:[ -](?:{PARTICLE} )*{CAP_WORD})*")
ROLE = re.compile(
    rf"\b(?:the|his|her|their|its) "
    rf"(?P<role>(?:(?:U\.?S\.?|US|UK|[a-z-]+) ){{0,2}}?(?:{ROLE_NOUNS}))\b",
    re.IGNORECASE,
)
APPOSITIVE_ROLE = re.compile(
    rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts) (?P<role>{ROLE_NOUNS}), "
    rf"(?P<name>{CAP_WORD}(?: {CAP_WORD}){{1,3}})"
)
# ", a nurse at the county hospital," / ", the team's owner,": the noun before any complement.
DESCRIPTION = re.compile(
    rf"^, (?:a|an|the|[{UPPER}]\w+['’]s|his|her|its|their) (?P<phrase>(?:[\w-]+ ){{0,3}}?"
    rf"(?P<noun>[\w-]+))(?= (?:at|of|for|in|from|with|who|and)\b|[,.;])"
)
OBJECT_OF = re.compile(r"\b(?:for|of|from|in|to) [A-Z]\S* \S+ \S+$")
SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’]?)\s*$")
HONORIFIC = re.compile(
    rf"\b(?P<honorific>Mr|Mrs|Ms|Miss)\.? (?P<name>{NAME_WORD}(?: {NAME_WORD})*)"
)
SUBJECT_PRONOUN = re.compile(r"\b(?P<pronoun>[Hh]e|[Ss]he)\b")
SENTENCE = re.compile(r"(?<=[.!?])\s+")
HONORIFIC_VOTES = 3  # "Mr. Trump" says more than a "he" near his name
PLACE_PREPOSITION = re.compile(r"\b(?:in|at|near|outside|across|into) $")


@dataclass
class KnownPerson:
    name: str
    aliases: list[str] = field(default_factory=list)
    title: str = ""
    handle: str = ""


class People:
    """The people an article names, each under one canonical name."""

    def __init__(self, known: list[KnownPerson]):
        self.canonical: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.handles: dict[str, str] = {}
        self.recent: list[str] = []
        self.mentions: dict[str, int] = {}
        self.given_names: dict[str, str] = {}  # "jerry": the first Jerry the article names
        self.common_words: frozenset[str] = frozenset()  # the words the article writes lowercase
        self.descriptions: dict[str, str] = {}  # "nurse": the person described as a nurse
        self.sex_votes: dict[str, dict[str, int]] = {}  # "Mr." and "he" for "m", "Ms." and "she"
        for person in known:
            self.add(person.name, person.title)
            for alias in person.aliases:
                self.canonical.setdefault(alias.casefold(), person.name)
            if person.handle:
                self.handles[person.handle.casefold()] = person.name

    def add(self, name: str, title: str = "") -> str:
        name = strip_middle_initial(name)
        parts = name.split()
        known_as = self.canonical.get(" ".join(parts[1:]).casefold()) if len(parts) > 2 else None
        if known_as and " " in known_as:  # "John Stephen Jones" after "Stephen Jones"
            self.mention(known_as)
            return known_as
        existing = self.canonical.get(name.casefold())
        if existing and " " in existing:
            name = existing
        self.canonical.setdefault(name.casefold(), name)
        parts = name.split()
        if len(parts) > 1:
            self.canonical.setdefault(parts[-1].casefold(), name)
            self.given_names.setdefault(parts[0].casefold(), name)
        if title:
            self.titles.setdefault(name, normalise_role(title))
        self.mention(name)
        return name

    def mention(self, name: str) -> None:
        self.mentions[name] = self.mentions.get(name, 0) + 1
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)

    def learn_mentions(self, text: str) -> None:
        for match in APPOSITIVE_ROLE.finditer(text):
            name = match.group("name")
            if looks_like_a_name(name):
                self.add(name, match.group("role"))
        for match in CAPITALISED_RUN.finditer(text):
            if PLACE_PREPOSITION.search(text[: match.start()]):
                continue  # "moved to New York", "at Bellhaven State University"
            run = self.without_opener(
                match.group(0), opens=SENTENCE_START.search(text[: match.start()])
            )
            if not run:
                continue
            title, name = split_title(without_full_stop(run))
            if len(name.split()) > 2 and OBJECT_OF.search(text[: match.start()] + run):
                name = name.split(" ", 1)[1]  # "envoy for Ukraine Kurt Volker"
            if " " in name and looks_like_a_name(name):
                title = title or title_before(text, match.start())
                self.add(name, title)
                self.learn_description(name, text[match.end() :])
            elif self.resolve(name):
                self.mention(self.resolve(name))
            elif HONORIFIC.match(run) and looks_like_a_name(name):
                self.add(name)  # "Mr. Alvarez" is someone, named or not in full

    def learn_description(self, name: str, text_after: str) -> None:
        """ "Keisha Darrow, a nurse at the county hospital," is the nurse the copy speaks of."""
        described = DESCRIPTION.match(text_after)
        if described:
            for words in described.group("noun", "phrase"):  # "Republican", "Oklahoma Republican"
                self.descriptions.setdefault(words.casefold(), name)

    def by_description(self, noun: str) -> str | None:
        return self.descriptions.get(noun.casefold())

    def learn_sexes(self, text: str) -> None:
        """What the copy says of each person's sex: "Mr." or "Ms." before their name, and "he"
        or "she" after it in a sentence that names no one else."""
        for match in HONORIFIC.finditer(text):
            name = self.resolve(match.group("name"))
            sex = "m" if match.group("honorific") == "Mr" else "f"
            if name:
                self.vote_sex(name, sex, HONORIFIC_VOTES)
        if not SUBJECT_PRONOUN.search(text):
            return
        for sentence in SENTENCE.split(text):
            named = {}
            for run in CAPITALISED_RUN.finditer(sentence):
                person = self.resolve(run.group(0))
                if person:
                    named.setdefault(person, run.end())
            pronouns = {m.group("pronoun").casefold() for m in SUBJECT_PRONOUN.finditer(sentence)}
            if len(named) == 1 and len(pronouns) == 1:
                (person, end), pronoun = next(iter(named.items())), pronouns.pop()
                if SUBJECT_PRONOUN.search(sentence, end):
                    self.vote_sex(person, "m" if pronoun == "he" else "f", 1)

    def vote_sex(self, name: str, sex: str, votes: int) -> None:
        counted = self.sex_votes.setdefault(name, {"m": 0, "f": 0})
        counted[sex] += votes

    def sex(self, name: str) -> str | None:
        given = name.split()[0].casefold() if " " in name else ""
        guess = {"m": given in MALE_GIVEN_NAMES, "f": given in FEMALE_GIVEN_NAMES}
        votes = self.sex_votes.get(name, {"m": 0, "f": 0})
        votes = {sex: votes[sex] + guess[sex] for sex in votes}
        if votes["m"] == votes["f"]:
            return None
        return "m" if votes["m"] > votes["f"] else "f"

    def without_opener(self, run: str, *, opens: bool) -> str:
        """A run of capitalised words that opens a sentence, without its first word when the
        article writes that word in lowercase elsewhere: "Ask Damien Chazelle", "Earlier"."""
        first, _, rest = run.partition(" ")
        word = first.casefold()
        if self.resolve(first):
            return run  # "Long said", once the copy named Hannah Long
        if opens and word in self.common_words and word.rstrip(".") not in TITLE_WORDS:
            return rest
        return run

    def resolve(self, words: str) -> str | None:
        """The person these words name: a name or surname the article gave, else the given
        name of someone it named in full ("Jerry" after "Jerry Jones")."""
        key = bare_name(words).casefold()
        return self.canonical.get(key) or self.given_names.get(key)

    def resolve_or_add(self, words: str, *, single_word: bool = False) -> str | None:
        """A known person, or a new one when the words look like a name: "…," Trump said."""
        name = bare_name(words)
        if self.resolve(name):
            return self.resolve(name)
        if looks_like_a_name(name) and (single_word or " " in name):
            return self.add(name)
        return None

    def by_role(self, role: str) -> str | None:
        """The person most recently named with this title: "the mayor", "the US president"."""
        wanted = normalise_role(role)
        named = [name for name in reversed(self.recent) if name in self.titles]
        for name in named:
            if self.titles[name] == wanted:
                return name
        for name in named:
            title = self.titles[name].split()
            if title[-1] == wanted.split()[-1] and title[0] not in SUBORDINATE_TITLES:
                return name
        return None

    def by_handle(self, handle: str) -> str | None:
        return self.handles.get(handle.casefold())

    def full_names(self, speakers: set[str]) -> dict[str, str]:
        """Each speaker's name completed to the one person with a full name that it begins or
        ends: "Stephen" or "Jones" for Stephen Jones, "Black Elk" for Linda Black Elk, even
        when the article gave the short name first. The article's speakers are looked at
        first, then everyone it names. With two such people ("Jones": Stephen and Jerry), the
        one named at least twice as often as any other ("Jerry Jones", not the stadium "Jerry
        World"), else the name as it is."""
        named = set(self.canonical.values())
        shortened_to = defaultdict(set)  # ("jones",): every full name "Jones" shortens
        for full in named | speakers:
            words = tuple(full.casefold().split())
            for length in range(1, min(len(words), 3)):
                shortened_to[words[:length]].add(full)
                shortened_to[words[-length:]].add(full)
        return {
            name: self.full_name(
                name, shortened_to[tuple(name.casefold().split())], speakers, named
            )
            for name in speakers
        }

    def full_name(self, name: str, fuller: set[str], speakers: set[str], named: set[str]) -> str:
        sex = self.sex(name)
        fitting = {full for full in fuller if sex is None or self.sex(full) in (sex, None)}
        for names in (speakers, named):  # not Ivanka Trump for Mr. Trump
            ranked = sorted((self.mentions.get(full, 0), full) for full in fitting & names)
            if len(ranked) == 1 or ranked and ranked[-1][0] >= 2 * ranked[-2][0]:
                return ranked[-1][1]
            if ranked:
                return name
        return name


def split_title(run: str) -> tuple[str, str]:
    """("Associate Administrator", "Lorraine Whitaker") from "NASA Associate Administrator
    Lorraine Whitaker": sentence openers, organisations and titles come off the front."""
    words = run.replace("-", " ").split() if run.startswith(("Vice-", "vice-")) else run.split()
    while len(words) > 1 and words[-1].casefold().rstrip(".") in POST_NOMINALS:
        words.pop()
    title: list[str] = []
    last_title = max(
        (i for i, word in enumerate(words[:-1]) if word.casefold().rstrip(".") in TITLE_WORDS),
        default=-1,
    )
    if last_title >= 1:  # "Chief Financial Officer Peter Lowe": the name follows the title
        title, words = words[: last_title + 1], words[last_title + 1 :]
    while len(words) > 1:
        word = words[0].casefold().rstrip(".").replace("’", "'")
        if word in TITLE_WORDS:
            title.append(words.pop(0))
        elif (
            word in NOT_NAMES
            or word.endswith(("'s", "-old"))  # "NASA's", "Seventeen-year-old"
            or words[0].isupper()
        ):
            title.clear()
            words.pop(0)
        else:
            break
    return " ".join(title), " ".join(words)


def title_before(text: str, start: int) -> str:
    """A lowercase title just before a name: "budget director Samuel Achterberg"."""
    words = text[:start].split()[-2:]
    while words and words[0].casefold() not in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def without_full_stop(run: str) -> str:
    """ "Stephen Jones." at the end of a sentence and "Hillary Clinton’s" are Stephen Jones and
    Hillary Clinton; "Jr." and "J." keep their full stop."""
    last = run.rsplit(" ", 1)[-1]
    if " " in run and last.endswith(("’s", "'s")):
        return run[:-2]
    if last.endswith(".") and len(last) > 3 and last.casefold() not in ("jr.", "sr."):
        return run[:-1]
    return run


def bare_name(words: str) -> str:
    return strip_middle_initial(split_title(words.strip(" ,"))[1])


def looks_like_a_title(text: str) -> bool:
    """ "Save America", "The Salt Orchard", "the Deacon": a name or title in quotation marks."""
    text = text.strip().rstrip(",.")
    words = re.findall(r"[\w'’]+", text)
    return (
        0 < len(words) <= 6
        and not re.search(r"[.!?,;]", text)
        and all(word[0].isupper() or word in TITLE_CASE_SMALL_WORDS for word in words)
        and any(word[0].isupper() for word in words)
    )


def looks_like_a_name(words: str) -> bool:
    parts = [part for part in words.split() if not re.fullmatch(PARTICLE, part)]
    return (
        bool(parts)
        and len(parts) <= 4
        and all(re.fullmatch(rf"{NAME_WORD}|[A-Z]\.", part) for part in parts)
        and not any(
            part.casefold().removesuffix("’s").removesuffix("'s") in INSTITUTION_WORDS
            for part in parts
        )
        and not (len(parts) > 1 and parts[0].casefold() in PLACE_FIRST_WORDS)
        and any(len(part) > 2 for part in parts)
        and parts[0].casefold() not in NOT_NAMES
        and parts[-1].casefold() not in NOT_NAMES
        and parts[-1].casefold() not in TITLE_WORDS
        and not parts[-1].endswith(("’s", "'s"))
    )


def normalise_role(title: str) -> str:
    role = title.casefold().replace("-", " ").replace(".", "")
    role = re.sub(r"^(?:the |his |her )?(?:us |uk |america's (?:incumbent )?)?", "", role)
    return role.strip()


def strip_middle_initial(name: str) -> str:
    return re.sub(r" [A-Z]\. ", " ", name)
