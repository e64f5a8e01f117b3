"""Find the direct quotations in a story's paragraphs and who said them, where and when.

Pure Python: patterns of news copy ("…," Pence said / said Pence / Trump wrote on Twitter /
Pence, in a statement, said, "…"), names normalised to one person per article, pronouns and
roles ("he", "the president") resolved from the text before them.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

FRAGMENT_MAX_WORDS = 3
TWEET_SIGNATURE = re.compile(
    r"\s*[—–-]\s*(?P<name>[^()\n]+?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\s*$"
)
SPAN = re.compile(r'"(?P<straight>[^"]*)"|“(?P<curly>[^”]*)”')
VERBS = (
    r"said|says|wrote|writes|told|tells|added|adds|tweeted|posted|stated|declared|insisted|"
    r"urged|urges|asked|asks|claimed|claiming|dismissed|criticized|warned|argued|announced|"
    r"replied|responded|explained|noted|called"
)
VERB = re.compile(rf"\b(?:{VERBS})\b")
HONORIFICS = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Sgt)\.?"
TITLES = (
    r"(?:U\.?S\.? |US |America's (?:incumbent )?)?"
    r"(?:Vice[- ]President|President(?:-elect)?|Senator|Governor|Mayor|Secretary|Speaker|"
    r"Senate Majority Leader|House Speaker|Chancellor|Prime Minister|Judge|Justice|Chief)"
)
NAME = r"[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: (?:van |de |Mc)?[A-Z][a-z'’-]+){0,2}"
MENTION = re.compile(rf"(?:(?P<title>{TITLES}) )?(?:{HONORIFICS} )?(?P<name>{NAME})")
ROLE = re.compile(
    r"\b(?:the|his|her) (?P<role>(?:U\.?S\.? |US )?(?:vice[- ]president|president|senator|"
    r"governor|mayor|secretary|speaker|prime minister))\b",
    re.IGNORECASE,
)
# Capitalised words that open sentences or name institutions, not people.
NOT_NAME_WORDS = (
    "a according after an and as at but during for he her his however if in it meanwhile on "
    "once she since so the their then there they this though when where while with yet "
    "congress senate house court states state country"
)
NOT_NAMES = frozenset(NOT_NAME_WORDS.split())
PRONOUN = re.compile(r"\b(?P<pronoun>he|she|He|She)\b")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PLACE_CONTEXTS = [
    re.compile(
        r"\b[Ii]n (?:a|an|the|his|her|their) (?:[\w-]+ ){0,3}?(?:letter|statement|interview|"
        r"speech|post|tweet|video|op-ed|email|memo|press release|news conference|"
        r"press conference)(?: to (?:the )?[A-Z]\w*(?: [A-Z]\w*)*)?"
    ),
    re.compile(r"\bon (?:Twitter|X|Facebook|Instagram|Truth Social|TikTok|Telegram|YouTube)\b"),
    re.compile(
        r"\b(?:[Aa]t|[Dd]uring) (?:a|the) (?:[\w-]+ ){0,2}?(?:rally|news conference|"
        r"press conference|hearing|meeting|briefing|summit|debate|event)"
        r"(?: (?:near|in|at|outside) (?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*)*)?"
    ),
]
TOLD_CONTEXT = re.compile(
    r"\btold (?:reporters|the protesters|protesters|supporters|the crowd|[A-Z]\w+)"
)


@dataclass
class KnownPerson:
    name: str
    aliases: list[str] = field(default_factory=list)
    title: str = ""
    handle: str = ""


@dataclass
class ParsedQuote:
    text: str
    speaker: str
    context: str = ""
    said_on: date | None = None
    is_fragment: bool = False
    is_featured: bool = False
    handle: str = ""
    title: str = ""
    paragraph: int = 0


@dataclass
class Span:
    text: str
    start: int
    end: int


class People:
    """The people an article names, each under one canonical name."""

    def __init__(self, known: list[KnownPerson]):
        self.canonical: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.handles: dict[str, str] = {}
        for person in known:
            self.add(person.name, person.title)
            for alias in person.aliases:
                self.canonical.setdefault(alias.casefold(), person.name)
            if person.handle:
                self.handles[person.handle.casefold()] = person.name

    def add(self, name: str, title: str = "") -> str:
        name = strip_middle_initial(name)
        existing = self.canonical.get(name.casefold())
        if existing and " " in existing:
            name = existing
        self.canonical.setdefault(name.casefold(), name)
        parts = name.split()
        if len(parts) > 1:
            self.canonical.setdefault(parts[-1].casefold(), name)
        if title:
            self.titles.setdefault(name, normalise_role(title))
        return name

    def learn_mentions(self, text: str) -> None:
        for match in MENTION.finditer(text):
            name = match.group("name")
            if " " in name and looks_like_a_name(name):
                self.add(name, match.group("title") or "")

    def resolve(self, words: str) -> str | None:
        return self.canonical.get(bare_name(words).casefold())

    def resolve_or_add(self, words: str) -> str | None:
        """A known person, or a new one when the words look like a name: "…," Trump said."""
        name = bare_name(words)
        if self.resolve(name):
            return self.resolve(name)
        if looks_like_a_name(name):
            return self.add(name)
        return None

    def by_role(self, role: str) -> str | None:
        wanted = normalise_role(role)
        for name, title in self.titles.items():
            if title == wanted:
                return name
        return None

    def by_handle(self, handle: str) -> str | None:
        return self.handles.get(handle.casefold())


def bare_name(words: str) -> str:
    words = re.sub(rf"^{HONORIFICS} ", "", words.strip())
    words = re.sub(rf"^{TITLES} ", "", words)
    return strip_middle_initial(words.strip(" ,"))


def looks_like_a_name(words: str) -> bool:
    parts = words.split()
    return (
        bool(parts)
        and len(parts) <= 4
        and all(re.fullmatch(r"(?:[A-Z][a-z'’-]+|[A-Z]\.)", part) for part in parts)
        and parts[0].casefold() not in NOT_NAMES
        and not parts[-1].endswith(("’s", "'s"))
    )


def normalise_role(title: str) -> str:
    role = title.casefold().replace("-", " ")
    role = re.sub(r"^(?:u\.?s\.? |us |america's (?:incumbent )?)", "", role)
    return role.strip()


def strip_middle_initial(name: str) -> str:
    return re.sub(r" [A-Z]\. ", " ", name)


def find_quotes(
    paragraphs: list[str],
    *,
    known_people: list[KnownPerson] = (),
    published_on: date | None = None,
) -> list[ParsedQuote]:
    people = People(list(known_people))
    quotes: list[ParsedQuote] = []
    last_speaker: str | None = None
    for index, paragraph in joined_quotations(paragraphs):
        people.learn_mentions(paragraph)
        tweet = TWEET_SIGNATURE.search(paragraph)
        if tweet:
            author = people.by_handle(tweet.group("handle")) or people.add(tweet.group("name"))
            people.handles.setdefault(tweet.group("handle").casefold(), author)
            text = paragraph[: tweet.start()].strip().strip('“”"')
            quotes.append(
                ParsedQuote(
                    text=text,
                    speaker=author,
                    context="on Twitter",
                    said_on=parse_month_date(tweet.group("date")),
                    handle=tweet.group("handle"),
                    paragraph=index,
                )
            )
            last_speaker = author
            continue
        previous_in_paragraph: ParsedQuote | None = None
        previous_end = 0
        for span in spans_in(paragraph):
            before = paragraph[previous_end : span.start]
            after = paragraph[span.end : next_span_start(paragraph, span.end)]
            speaker, clause = attribute(before, after, people, last_speaker)
            if previous_in_paragraph and is_attribution_only(before):
                merge_into(previous_in_paragraph, span.text)
                previous_end = span.end
                continue
            if speaker is None and previous_in_paragraph is not None:
                speaker = previous_in_paragraph.speaker
                clause = clause or before
            if speaker is None:
                previous_end = span.end
                continue
            text = span.text.strip().rstrip(",").strip()
            quote = ParsedQuote(
                text=text,
                speaker=speaker,
                context=find_context(clause, paragraph),
                said_on=find_day(clause, published_on),
                is_fragment=len(text.split()) <= FRAGMENT_MAX_WORDS,
                title=people.titles.get(speaker, ""),
                paragraph=index,
            )
            quotes.append(quote)
            previous_in_paragraph = quote
            last_speaker = speaker
            previous_end = span.end
    inherit_contexts(quotes)
    return quotes


def joined_quotations(paragraphs: list[str]) -> list[tuple[int, str]]:
    """Paragraphs with a quotation that runs on into the next one joined, with their index.

    News copy leaves a quotation open at the end of a paragraph and opens the next paragraph
    with a quotation mark again: '"We will fight.' + '"We will win," she said.'
    """
    joined: list[tuple[int, str]] = []
    for index, paragraph in enumerate(paragraphs):
        if joined and leaves_quotation_open(joined[-1][1]) and paragraph[:1] in ('"', "“"):
            start, previous = joined[-1]
            joined[-1] = (start, f"{previous} {paragraph[1:]}")
        else:
            joined.append((index, paragraph))
    return joined


def leaves_quotation_open(paragraph: str) -> bool:
    if paragraph.count("“") > paragraph.count("”"):
        return True
    return paragraph.count('"') % 2 == 1


def spans_in(paragraph: str) -> list[Span]:
    """Quotations in straight or curly double quotes; single quotes inside belong to them."""
    spans = []
    for match in SPAN.finditer(paragraph):
        text = match.group("straight") or match.group("curly") or ""
        if text.strip():
            spans.append(Span(text, match.start(), match.end()))
    return spans


def next_span_start(paragraph: str, offset: int) -> int:
    match = SPAN.search(paragraph, offset)
    return match.start() if match else len(paragraph)


AFTER = re.compile(
    rf"^[\s,]*(?:(?P<who>[A-Z][\w.'’ -]*?|the [\w .-]+?|he|she)\s+(?:[a-z]+ )?(?:{VERBS})\b"
    rf"|(?:{VERBS})\s+(?P<who2>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*|the [a-z .-]+?)(?=[,.;]|$))"
)


def attribute(before: str, after: str, people: People, last: str | None) -> tuple[str | None, str]:
    """Who said the quotation between ``before`` and ``after``, and the clause that says so."""
    sentence_after = after.split(". ")[0]
    match = AFTER.match(after)
    if match:
        who = match.group("who") or match.group("who2")
        speaker = resolve_subject(who, people, last)
        if speaker:
            return speaker, sentence_after
    sentence_before = re.split(r"(?<=[.!?])\s+", before.strip())[-1] if before.strip() else ""
    verbs = list(VERB.finditer(sentence_before))
    if verbs:
        head = sentence_before[: verbs[0].start()]
        speaker = last_subject(head, people, last)
        if speaker:
            return speaker, sentence_before
    role = ROLE.search(sentence_before)
    if role and "according to" in sentence_before.casefold():
        speaker = people.by_role(role.group("role"))
        if speaker:
            return speaker, sentence_before
    return None, ""


def resolve_subject(words: str, people: People, last: str | None) -> str | None:
    words = words.strip().rstrip(".,;")
    if words.casefold() in {"he", "she"}:
        return last
    role = ROLE.match(words)
    if role:
        return people.by_role(role.group("role")) or None
    return people.resolve_or_add(words)


def last_subject(text: str, people: People, last: str | None) -> str | None:
    """Who acts in the clause before a verb: a name opening the sentence ("Pence, in a
    statement, said"), else the name, role or pronoun nearest the verb."""
    opening = re.match(rf"\s*(?:{HONORIFICS} )?(?P<name>{NAME})\s*,", text)
    if opening and people.resolve(opening.group("name")):
        return people.resolve(opening.group("name"))
    candidates = []
    for match in MENTION.finditer(text):
        speaker = people.resolve(match.group(0)) or people.resolve(match.group("name"))
        if speaker:
            candidates.append((match.start(), speaker))
    for match in ROLE.finditer(text):
        speaker = people.by_role(match.group("role"))
        if speaker:
            candidates.append((match.start(), speaker))
    if last:
        candidates.extend((match.start(), last) for match in PRONOUN.finditer(text))
    if candidates:
        return max(candidates)[1]
    next_to_verb = re.search(rf"(?:{HONORIFICS} )?(?P<name>{NAME})\s+(?:[a-z]+ )?$", text)
    return people.resolve_or_add(next_to_verb.group("name")) if next_to_verb else None


def is_attribution_only(between: str) -> bool:
    """True when text between two quotations is only their attribution: '," Trump said. "'."""
    match = AFTER.match(between)
    return bool(match) and re.fullmatch(r"[\s,]*[^\"“”]{0,60}?[.,:]?\s*", between) is not None


def merge_into(quote: ParsedQuote, continuation: str) -> None:
    first = quote.text.rstrip().rstrip(",")
    rest = continuation.strip()
    if rest[:1].isupper() and not first.endswith((".", "!", "?")):
        quote.text = f"{first}. {rest}"
    elif rest[:1].isupper():
        quote.text = f"{first} {rest}"
    else:
        quote.text = f"{first}, {rest}"
    quote.is_fragment = False


def find_context(clause: str, paragraph: str) -> str:
    """Where or how it was said: from the attribution clause, else from its paragraph."""
    for source in (clause, paragraph):
        for pattern in PLACE_CONTEXTS:
            match = pattern.search(source)
            if match:
                found = match.group(0)
                found = re.sub(r"^[Dd]uring ", "at ", found)
                return found[:1].lower() + found[1:]
    told = TOLD_CONTEXT.search(clause)
    return told.group(0) if told else ""


def inherit_contexts(quotes: list[ParsedQuote]) -> None:
    """A quote with no context of its own takes the context of the speaker's previous quote."""
    last_context: dict[str, str] = {}
    for quote in quotes:
        if not quote.context and quote.speaker in last_context:
            quote.context = last_context[quote.speaker]
        if quote.context:
            last_context[quote.speaker] = quote.context


def find_day(clause: str, published_on: date | None) -> date | None:
    if published_on is None:
        return None
    for offset, name in enumerate(WEEKDAYS):
        if re.search(rf"\bon {name}\b", clause, re.IGNORECASE):
            back = (published_on.weekday() - offset) % 7
            return published_on - timedelta(days=back)
    return published_on


def parse_month_date(text: str) -> date | None:
    for pattern in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
