"""Find the direct quotations in a story's paragraphs and who said them, where and when.

Pure Python, no Django: the patterns of news copy ("…," Pence said / said Pence / Trump wrote on
Twitter / Pence, in a statement, said, "…" / according to Pence, "…"), pronouns and roles ("he",
"the mayor") resolved from the text before them. Names are recognised by ``names.py``.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import chain

from .names import (
    CAPITALISED_RUN,
    ROLE,
    KnownPerson,
    People,
    bare_name,
    looks_like_a_title,
)
from .quotation_marks import Span, quotations, without_quotations
from .unnamed import DESCRIBED, unnamed_speaker
from .words import UPPER, VERBS, WEEKDAYS

FRAGMENT_MAX_WORDS = 3
Pronouns = dict[str, str | None]  # whom "he" and "she" stand for

TWEET_SIGNATURE = re.compile(
    r"(?:\s*[—–]|\s+-)\s*(?P<name>[^()\n—–]+?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\s*$"
)
VERB = re.compile(rf"\b(?:{VERBS})\b")
PRONOUN = re.compile(r"\b(?P<pronoun>he|she|He|She)\b")
SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\b[A-Z]\.)"
    r"\s+(?=[A-Z\"“])"
)
PLACE_CONTEXTS = [
    re.compile(
        r"\b[Ii]n (?:a|an|the|his|her|their) (?:[\w-]+ ){0,3}?(?:letter|statement|interview|"
        r"speech|post|blog post|tweet|video|op-ed|email|memo|press release|news conference|"
        r"press conference|ruling|opinion|filing|podcast|broadcast)"
        r"(?: to (?:the )?[A-Z]\w*(?: [A-Z]\w*)*)?"
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


def find_quotes(
    paragraphs: list[str],
    *,
    known_people: list[KnownPerson] = (),
    published_on: date | None = None,
) -> list[ParsedQuote]:
    return QuoteReader(known_people, published_on).read(paragraphs)


class QuoteReader:
    """Reads an article's paragraphs in order, remembering who was named and who spoke last."""

    def __init__(self, known_people: list[KnownPerson], published_on: date | None):
        self.people = People(list(known_people))
        self.published_on = published_on
        self.quotes: list[ParsedQuote] = []
        self.last_speaker: str | None = None
        self.previous_paragraph = ""
        self.paragraph = ""

    def read(self, paragraphs: list[str]) -> list[ParsedQuote]:
        self.people.common_words = lowercase_words(paragraphs)
        for index, paragraph in joined_quotations(paragraphs):
            tweet = TWEET_SIGNATURE.search(paragraph)
            if tweet:
                self.read_tweet(index, paragraph, tweet)
            else:
                self.read_paragraph(index, paragraph)
            self.previous_paragraph = paragraph
        full_names = self.people.full_names({quote.speaker for quote in self.quotes})
        for quote in self.quotes:
            quote.speaker = full_names[quote.speaker]
        inherit_contexts(self.quotes)
        return self.quotes

    def read_tweet(self, index: int, paragraph: str, tweet: re.Match) -> None:
        handle = tweet.group("handle")
        author = self.people.by_handle(handle) or self.people.add(bare_name(tweet.group("name")))
        self.people.handles.setdefault(handle.casefold(), author)
        self.quotes.append(
            ParsedQuote(
                text=paragraph[: tweet.start()].strip().strip('“”"'),
                speaker=author,
                context="on Twitter",
                said_on=parse_month_date(tweet.group("date")),
                handle=handle,
                paragraph=index,
            )
        )
        self.last_speaker = author

    def read_paragraph(self, index: int, paragraph: str) -> None:
        self.paragraph = paragraph
        found = quotations(paragraph)
        narrative = without_quotations(paragraph, found)
        self.people.learn_mentions(narrative)
        self.people.learn_sexes(narrative)
        previous: ParsedQuote | None = None
        previous_end = attributed_up_to = 0
        spans = found.spans
        for number, span in enumerate(spans):
            between = paragraph[previous_end : span.start]
            if previous and continues_quotation(previous.text, between):
                merge_into(previous, span.text)
            else:
                # the words that attributed the previous quotation say nothing about this one
                before = paragraph[max(previous_end, attributed_up_to) : span.start]
                following = spans[number + 1].start if number + 1 < len(spans) else None
                after = paragraph[span.end : following]
                quote, attribution_end = self.read_span(
                    index, paragraph, span, before, after, previous
                )
                if quote is not None:
                    previous, attributed_up_to = quote, attribution_end
            previous_end = span.end

    def read_span(
        self,
        index: int,
        paragraph: str,
        span: Span,
        before: str,
        after: str,
        previous: ParsedQuote | None,
    ) -> tuple[ParsedQuote | None, int]:
        """The quote of this quotation, if someone said it, and where its attribution ends."""
        pronoun_means = self.pronoun_means(paragraph[: span.start])
        if span.text.rstrip().endswith("."):  # what follows starts a sentence of its own
            after = ""
        speaker, clause = self.speaker_of(span, before, after, previous, pronoun_means)
        if speaker is None:
            return None, 0
        text = span.text.strip().rstrip(",").strip()
        attribution = attribution_length(after)
        quote = ParsedQuote(
            text=text,
            speaker=speaker,
            context=find_context(clause, paragraph),
            said_on=find_day(clause, self.published_on),
            is_fragment=is_fragment(span.text, attributed=attribution > 0),
            title=self.people.titles.get(speaker, ""),
            paragraph=index,
        )
        self.quotes.append(quote)
        self.people.mention(speaker)
        self.last_speaker = speaker
        return quote, span.end + attribution

    def pronoun_means(self, text_before: str) -> Pronouns:
        """Who a "he" and a "she" near a quotation stand for: the latest person the copy was
        about, else the last speaker or the last named: for each pronoun the first of them
        not known to be of the other sex."""
        means: Pronouns = {"he": None, "she": None}
        candidates = chain(
            (subject_before(text_before, self.people),),
            (subject_before(self.previous_paragraph, self.people), self.last_speaker),
            reversed(self.people.recent),
        )
        for candidate in filter(None, candidates):
            sex = self.people.sex(candidate)
            for pronoun, its_sex in (("he", "m"), ("she", "f")):
                if means[pronoun] is None and sex in (its_sex, None):
                    means[pronoun] = candidate
            if all(means.values()):
                break
        return means

    def stands_alone(self, span: Span) -> bool:
        """A paragraph that is one whole quotation of a sentence or more, with no attribution:
        its speaker is the person the paragraph before was about."""
        return (
            span.start == 0
            and span.end >= len(self.paragraph.rstrip())
            and span.text.rstrip().endswith((".", "!", "?"))
            and len(span.text.split()) > FRAGMENT_MAX_WORDS
        )

    def speaker_of(
        self,
        span: Span,
        before: str,
        after: str,
        previous: ParsedQuote | None,
        pronoun_means: Pronouns,
    ) -> tuple[str | None, str]:
        """Who said the quotation, and the clause that says so: its own attribution, else the
        speaker of the quotation before it in the paragraph, else the sentence before it, else
        a paragraph before that introduces it."""
        speaker, clause = attribute(before, after, self.people, pronoun_means)
        if looks_like_a_title(span.text) and not said_right_after(after):
            speaker = None  # a name or title in quotation marks, not speech
        elif speaker is None and previous is not None:
            speaker, clause = previous.speaker, before
        elif speaker is None:
            speaker, clause = said_in_sentence_before(before, self.people, pronoun_means)
        introduced = span.start == 0 and introduces_a_quotation(self.previous_paragraph)
        if speaker is None and (introduced or self.stands_alone(span)):
            speaker = subject_before(self.previous_paragraph, self.people)
            clause = self.previous_paragraph
        if speaker is None:
            speaker, clause = definite_attribution(before, after, self.people)
        return speaker, clause


def lowercase_words(paragraphs: list[str]) -> frozenset[str]:
    return frozenset(
        word for paragraph in paragraphs for word in re.findall(r"\b[a-z][a-z’'-]+\b", paragraph)
    )


def is_fragment(quoted: str, *, attributed: bool) -> bool:
    """A few words lifted from what someone said ("too passive", "Fake News"), not a short
    sentence of their own ("That's perfect.", "Absolutely," she said)."""
    words = quoted.strip()
    if len(words.split()) > FRAGMENT_MAX_WORDS:
        return False
    complete = words.endswith((".", "!", "?")) or attributed and words.endswith(",")
    return not (words[:1].isupper() and complete)


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
    return quotations(paragraph).open_from is not None


# Right after a quotation: '," Oduya said' / '," state director Calvin Mercer said' /
# '," said Priya Sandhu, a director…' / '," she added'.
# A character of the words naming a speaker; a full stop only in "Mr." or an initial.
WHO_CHAR = (
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr)\.|\b[A-Z]\.|"
    r"[^\"“”.!?;:,])"
)
AFTER_SUBJECT = re.compile(
    rf"^[\s,]*(?P<who>{WHO_CHAR}{{1,90}}?)\s+(?:\w+ly\s+)?(?:{VERBS})\b(?!\s+that\b)"
)
AFTER_VERB = re.compile(rf"^[\s,]*(?:{VERBS})\s+(?P<who>{WHO_CHAR}{{1,80}})")
# '," said its chief executive, Gareth Lyle.'
AFTER_VERB_TITLE = re.compile(
    rf"^[\s,]*(?:{VERBS})\s+(?:the|its|his|her|their)\s[^,.\"“”]{{1,60}},\s*"
    rf"(?P<who>{WHO_CHAR}{{1,60}}?)(?=[,.;]|$)"
)
# '," Miriam Castellanos, the mission's principal investigator, told reporters'
AFTER_ASIDE = re.compile(
    rf"^[\s,]*(?P<who>{WHO_CHAR}{{1,60}}?),[^\"“”]{{1,160}}?,\s+(?:\w+ly\s+)?(?:{VERBS})\b"
)
ACCORDING_TO = re.compile(rf"\b[Aa]ccording to (?P<who>{WHO_CHAR}{{1,80}}?)(?=,|$)")
# A quotation ending before the words of its sentence that follow it: '"We must read what is
# written" in that law, Azzouz said'.
AFTER_PHRASE = re.compile(
    rf"^\s+[a-z][^\"“”.!?;:,]{{0,60}},\s*(?P<who>{WHO_CHAR}{{1,60}}?)\s+(?:\w+ly\s+)?"
    rf"(?:{VERBS})\b(?!\s+that\b)"
)
# A name and its title with the verb left out: '"…," Mark McCaughrean, senior adviser for ESA.'
AFTER_NAME_TITLE = re.compile(
    rf"^[\s,]*(?P<who>[{UPPER}][\w’'.-]+(?: [{UPPER}][\w’'.-]+){{1,3}}), [a-z][^\"“”]{{2,80}}?\."
)


ATTRIBUTIONS_AFTER = [
    (AFTER_VERB_TITLE, True),
    (AFTER_VERB, True),
    (AFTER_SUBJECT, False),
    (AFTER_ASIDE, True),
    (AFTER_PHRASE, False),
    (AFTER_NAME_TITLE, True),
]


def attribute(
    before: str, after: str, people: People, pronoun_means: Pronouns
) -> tuple[str | None, str]:
    """Who said the quotation between ``before`` and ``after``, and the clause that says so."""
    sentence_after = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    for pattern, pick_first in ATTRIBUTIONS_AFTER:
        match = pattern.match(after)
        if match and names_someone(match.group("who")):
            who = match.group("who")
            speaker = person_named(who, people, pronoun_means, direct=True, first=pick_first)
            speaker = speaker or unnamed_speaker(who)
            if speaker:
                return speaker, sentence_after
    sentence_before = last_sentence(before)
    according = ACCORDING_TO.search(sentence_before)
    if according:
        who = according.group("who")
        speaker = person_named(who, people, pronoun_means, direct=True)
        if sentence_before[according.end() :].startswith(","):  # not 'the new "dot plot"'
            speaker = speaker or unnamed_speaker(who) or unnamed_speaker(who, definite=True)
        if speaker:
            return speaker, sentence_before
    verbs = list(VERB.finditer(sentence_before))
    finite = [verb for verb in verbs if not verb.group(0).endswith("ing")]
    for verb in finite or verbs:
        earlier = list(VERB.finditer(sentence_before[: verb.start()]))
        head = sentence_before[earlier[-1].end() if earlier else 0 : verb.start()]
        speaker = subject_of(head, people, pronoun_means) or unnamed_speaker(head)
        if speaker:
            return speaker, sentence_before
    if sentence_before.rstrip().endswith(":"):  # 'the chief paused before answering: "…"'
        speaker = subject_of(sentence_before.rstrip()[:-1], people, pronoun_means)
        if speaker:
            return speaker, sentence_before
    return None, ""


def introduces_a_quotation(paragraph: str) -> bool:
    """'Dr. Solberg said the problem began in October:' before a paragraph that is a quotation."""
    last = SENTENCE_END.split(paragraph.strip())[-1] if paragraph.strip() else ""
    return last.endswith(":") or bool(VERB.search(without_quotations(last)))


def said_right_after(after: str) -> bool:
    return attribution_length(after) > 0


def attribution_length(after: str) -> int:
    """How much of the text after a quotation is its attribution ('," Oduya said')."""
    for pattern, _ in ATTRIBUTIONS_AFTER:
        match = pattern.match(after)
        if match and names_someone(match.group("who")):
            return match.end()
    return 0


def names_someone(who: str) -> bool:
    """ "Oduya", "she", "the mayor", "state director Calvin Mercer", "a senior official";
    not "a label he"."""
    return bool(
        re.match(rf"(?:he|she|the|his|her|its|their)\b|(?:[a-z-]+ ){{0,4}}[{UPPER}]", who)
        or unnamed_speaker(who) is not None
        or unnamed_speaker(who, definite=True) is not None
    )


def definite_attribution(before: str, after: str, people: People) -> tuple[str | None, str]:
    """ "…," the nurse said / the report said, "…": the last resort for a quotation no one
    named said: the person the copy described with that noun, else the words as written."""
    for pattern, _ in ATTRIBUTIONS_AFTER:
        match = pattern.match(after)
        speaker = match and unnamed_speaker(match.group("who"), definite=True)
        if speaker:
            return people.by_description(speaker.split()[-1]) or speaker, after
    sentence_before = last_sentence(before)
    for verb in VERB.finditer(sentence_before):
        speaker = unnamed_speaker(sentence_before[: verb.start()], definite=True)
        if speaker:
            return people.by_description(speaker.split()[-1]) or speaker, sentence_before
    return None, ""


def said_in_sentence_before(
    before: str, people: People, pronoun_means: Pronouns
) -> tuple[str | None, str]:
    """'Castellanos said the shape was odd. "It's a fossil."': the quote opens a sentence of
    its own, and the sentence before it says who is speaking."""
    if last_sentence(before):
        return None, ""
    sentences = [s for s in SENTENCE_END.split(before.strip()) if s]
    if not sentences:
        return None, ""
    return attribute(sentences[-1].rstrip(".!? "), "", people, pronoun_means)


def last_sentence(text: str) -> str:
    text = text.strip()
    if not text or text.endswith((".", "!", "?")):
        return ""
    return SENTENCE_END.split(text)[-1]


def subject_of(head: str, people: People, pronoun_means: Pronouns) -> str | None:
    """Who acts in the words before a verb: the name next to it ("…, Trump criticized"), else
    the subject before an aside ("Lena Marsh, policy director at…, said"), else the aside
    ("The state's attorney general, Raymond Tull, said")."""
    segments = [segment.strip() for segment in head.split(",")]
    if segments[-1]:
        speaker = person_named(segments[-1], people, pronoun_means, nearest=True)
        if speaker:
            return speaker
    for segment in segments[:-1]:
        speaker = person_named(segment, people, pronoun_means)
        if speaker:
            return speaker
    return None


def person_named(
    words: str,
    people: People,
    pronoun_means: Pronouns,
    *,
    nearest: bool = False,
    direct: bool = False,
    first: bool = False,
) -> str | None:
    """The person these words name: a name, a role ("the mayor"), or a pronoun.

    ``direct`` words are an attribution on their own ("Trump" in '," Trump said'), so a single
    unknown capitalised word is taken for a surname. ``nearest`` and ``direct`` pick the last
    person named, unless ``first`` says otherwise.
    """
    words = words.strip()
    candidates: list[tuple[int, str]] = []
    for match in ROLE.finditer(words):
        speaker = people.by_role(match.group("role"))
        if speaker:
            candidates.append((match.start(), speaker))
    for match in CAPITALISED_RUN.finditer(words):
        if DESCRIBED.search(words[: match.start()] + match.group(0).split()[0] + " "):
            continue  # "A Colorado Democrat", "one Cowboys executive": no one's name
        if re.search(r"\b[Tt]he $", words[: match.start()]):  # "the Oklahoma Republican"
            described = people.by_description(match.group(0))
            if described:
                candidates.append((match.start(), described))
                continue
        run = people.without_opener(match.group(0), opens=match.start() == 0)
        if not run:
            continue
        alone = (direct and run == words) or (nearest and match.start() == 0)
        alone = alone and run == match.group(0)  # "The Australian said", "Ask Chazelle"
        speaker = people.resolve(run) or people.resolve_or_add(run, single_word=alone)
        if speaker:
            candidates.append((match.start(), speaker))
    for match in PRONOUN.finditer(words):  # a pronoun no one is meant by still stands there
        candidates.append((match.start(), pronoun_means.get(match.group("pronoun").casefold())))
    if not candidates:
        return None
    candidates.sort(key=lambda candidate: candidate[0])
    return candidates[-1][1] if (nearest or direct) and not first else candidates[0][1]


def subject_before(text: str, people: People) -> str | None:
    """Who the latest sentence before a quotation is about, for a "he" or "she" in it:
    'Asante said the room went quiet. "…," he said.'"""
    for sentence in reversed(SENTENCE_END.split(without_quotations(text).strip())):
        verb = VERB.search(sentence)
        if verb:
            speaker = subject_of(sentence[: verb.start()], people, {})
            if speaker:
                return speaker
        if PRONOUN.match(sentence.strip()):
            continue  # "She hugged Lindqvist": who "she" is, the sentence before says
        for run in CAPITALISED_RUN.finditer(sentence):  # "Born in 1938, Ms. Lane began…"
            speaker = people.resolve(run.group(0))
            if speaker:
                return speaker
    return None


def continues_quotation(quoted: str, between: str) -> bool:
    """'"The budget is balanced," she said, "and…"': the attribution splits one sentence. Not
    after a quotation that ended its sentence, nor across a second verb ('," says Stephen, who
    told his father, "…"')."""
    if quoted.rstrip().endswith((".", "!", "?")) or len(VERB.findall(between)) > 1:
        return False
    if not re.fullmatch(rf"[\s,]*(?:{WHO_CHAR}|,){{1,100}}?,\s*", between):
        return False
    return bool(AFTER_SUBJECT.match(between) or AFTER_VERB.match(between))


def merge_into(quote: ParsedQuote, continuation: str) -> None:
    first = quote.text.rstrip().rstrip(",")
    quote.text = f"{first}, {continuation.strip()}"
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
