"""Find the direct quotations in a story's paragraphs and who said them, where and when.

Pure Python: the patterns of news copy ("…," Pence said / said Pence / Trump wrote on Twitter /
Pence, in a statement, said, "…" / according to Pence, "…"), names normalised to one person per
article ("Vice President Mike Pence", "Mr. Pence", "Pence"), pronouns and roles ("he", "the
mayor") resolved from the text before them.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

FRAGMENT_MAX_WORDS = 3


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TWEET_SIGNATURE = re.compile(
    r"(?:\s*[—–]|\s+-)\s*(?P<name>[^()\n—–]+?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\s*$"
)
SPAN = re.compile(r'"(?P<straight>[^"]*)"|“(?P<curly>[^”]*)”')
VERBS = (
    r"said|says|wrote|writes|told|tells|added|adds|tweeted|posted|stated|declared|insisted|"
    r"urged|urges|asked|asks|claimed|claiming|dismissed|criticized|criticised|warned|warns|"
    r"argued|argues|announced|replied|responded|explained|noted|called|calls|described|"
    r"describes|acknowledged|admitted|conceded|recalled|predicted|vowed|pledged|promised|"
    r"cautioned|complained|countered|joked|quipped|shouted|testified|wondered|"
    r"concluded|continued|agreed|suggested|labelled|labeled|branded|praised|hailed|blasted|"
    r"slammed|decried|condemned|insists|notes|explains|adding|saying|describing|calling|"
    r"telling|writing|warning|arguing|urging|dismissing|(?:had|has|have) written|put it|"
    r"spoke|according to"
)
VERB = re.compile(rf"\b(?:{VERBS})\b")
# Capitalised words in a row: "Vice President Mike Pence", "U.S. District Judge Helen Marchetti".
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin letters with accents: "Tomás", "Villaseñor", "Łukasz"
LOWER = "a-zß-öø-ÿĀ-ſ"
NAME_WORD = rf"[{UPPER}][{LOWER}'’-]*(?:[{UPPER}][{LOWER}'’-]+)?"  # "Pence", "McDonald", "O’Brien"
CAP_WORD = rf"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z]{{2,5}}\b(?:['’]s)?|{NAME_WORD}\.?)"
PARTICLE = r"(?:van|von|de|da|del|der|du|la|le|bin|ibn)"
CAPITALISED_RUN = re.compile(rf"{CAP_WORD}(?:[ -](?:{PARTICLE} )*{CAP_WORD})*")
TITLE_WORDS = words(
    """acting assistant associate deputy chief senior executive interim vice president
    vice-president president-elect governor lieutenant mayor senator sen representative rep
    congressman congresswoman councilman councilwoman council member councillor alderman
    alderwoman supervisor commissioner judge justice magistrate attorney district circuit
    secretary minister prime chancellor ambassador speaker leader majority minority whip sheriff
    officer detective inspector constable sergeant sgt lt captain capt colonel col major general
    gen admiral commander director administrator superintendent principal chair chairman
    chairwoman chairperson ceo cfo coach manager professor prof dr doctor mr mrs ms mx miss sir
    dame lord lady rev reverend father bishop rabbi imam pope king queen prince princess u.s us
    uk state federal foreign home health finance defence defense education interior labour
    labor justice treasury environment spokesman spokeswoman spokesperson mp mep msp mla
    financial operating technology marketing communications press board member regent agent
    special trustee provost dean rector pastor"""
)
# First words of place names: "New York", "Port Arden" (as a surname, "Linda Park" is fine).
PLACE_FIRST_WORDS = words(
    "new los las san santa saint fort port lake mount north south east west upper lower"
)
POST_NOMINALS = words("mp mep msp mla phd md qc kc obe mbe cbe esq")
# Words that make a run of capitalised words an institution or a place, not a person.
INSTITUTION_WORDS = words(
    """board school university college association council committee party bank group union
    europe institute network center centre hospital high department agency commission company
    inc corp co ltd capital news times post street city county press service office fund
    foundation society club united fc watch parents federation ministry court"""
)
# Capitalised words that open sentences or name institutions, not people.
NOT_NAME_WORDS = (
    "a according after again also although an and as at because before but by despite during "
    "even for from he her here his how however i if in instead it its last later meanwhile "
    "more most my next no not now of on once one our she since so some still that the their "
    "then there these they this those though through to under until we what when where which "
    "while who why with yet you your monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "congress senate house court states state country city county council parliament "
    "government police department officials residents critics opponents supporters analysts "
    "experts protesters demonstrators lawmakers activists witnesses neighbors neighbours parents "
    "students teachers authorities investigators prosecutors doctors scientists researchers "
    "economists voters members organizers organisers campaigners leaders"
)
NOT_NAMES = words(NOT_NAME_WORDS)
ROLE_NOUNS = (
    r"vice[- ]president|president(?:-elect)?|governor|mayor|senator|judge|justice|sheriff|"
    r"secretary|minister|chancellor|director|coach|manager|commissioner|superintendent|chief|"
    r"attorney general|speaker|chair(?:man|woman)?|spokes(?:man|woman|person)|administrator|"
    r"ambassador|premier|prime minister|king|queen|pope|chief executive|executive|captain|"
    r"striker|goalkeeper|midfielder|defender|economist|scientist|investigator|officer|"
    r"daughter|son|wife|husband|widow|widower|brother|sister|mother|father"
)
ROLE = re.compile(
    rf"\b(?:the|his|her|their|its) "
    rf"(?P<role>(?:(?:U\.?S\.?|US|UK|[a-z-]+) ){{0,2}}?(?:{ROLE_NOUNS}))\b",
    re.IGNORECASE,
)
APPOSITIVE_ROLE = re.compile(
    rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts) (?P<role>{ROLE_NOUNS}), "
    rf"(?P<name>{CAP_WORD}(?: {CAP_WORD}){{1,3}})"
)
PLACE_PREPOSITION = re.compile(r"\b(?:in|at|near|outside|across|into) $")
PRONOUN = re.compile(r"\b(?P<pronoun>he|she|He|She)\b")
SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\b[A-Z]\.)"
    r"\s+(?=[A-Z\"“])"
)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
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
        self.recent: list[str] = []
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
        self.mention(name)
        return name

    def mention(self, name: str) -> None:
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
            title, name = split_title(match.group(0))
            if " " in name and looks_like_a_name(name):
                title = title or title_before(text, match.start())
                self.add(name, title)
            elif self.resolve(name):
                self.mention(self.resolve(name))

    def resolve(self, words: str) -> str | None:
        return self.canonical.get(bare_name(words).casefold())

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


SUBORDINATE_TITLES = words("vice deputy assistant associate acting interim")


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


def bare_name(words: str) -> str:
    return strip_middle_initial(split_title(words.strip(" ,"))[1])


TITLE_CASE_SMALL_WORDS = words("a an the of at in on and or for to by")


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
        and not any(part.casefold() in INSTITUTION_WORDS for part in parts)
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


def find_quotes(
    paragraphs: list[str],
    *,
    known_people: list[KnownPerson] = (),
    published_on: date | None = None,
) -> list[ParsedQuote]:
    people = People(list(known_people))
    quotes: list[ParsedQuote] = []
    last_speaker: str | None = None
    previous_paragraph = ""
    for index, paragraph in joined_quotations(paragraphs):
        tweet = TWEET_SIGNATURE.search(paragraph)
        if tweet:
            author = people.by_handle(tweet.group("handle")) or people.add(
                bare_name(tweet.group("name"))
            )
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
            previous_paragraph = paragraph
            continue
        people.learn_mentions(without_quotations(paragraph))
        previous: ParsedQuote | None = None
        previous_end = attributed_up_to = 0
        for span in spans_in(paragraph):
            before = paragraph[previous_end : span.start]
            after = paragraph[span.end : next_span_start(paragraph, span.end)]
            if previous and continues_quotation(before):
                merge_into(previous, span.text)
                previous_end = span.end
                continue
            # the words that attributed the previous quotation say nothing about this one
            before = paragraph[max(previous_end, attributed_up_to) : span.start]
            pronoun_means = (
                subject_before(paragraph[: span.start], people)
                or subject_before(previous_paragraph, people)
                or last_speaker
                or (people.recent[-1] if people.recent else None)
            )
            if span.text.rstrip().endswith("."):  # what follows starts a sentence of its own
                after = ""
            speaker, clause = attribute(before, after, people, pronoun_means)
            if looks_like_a_title(span.text) and not said_right_after(after):
                speaker = None  # a name or title in quotation marks, not speech
            elif speaker is None and previous is not None:
                speaker, clause = previous.speaker, before
            elif speaker is None:
                speaker, clause = said_in_sentence_before(before, people, pronoun_means)
            if speaker is None and span.start == 0 and introduces_a_quotation(previous_paragraph):
                speaker, clause = subject_before(previous_paragraph, people), previous_paragraph
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
            people.mention(speaker)
            previous = quote
            last_speaker = speaker
            previous_end = span.end
            attributed_up_to = span.end + attribution_length(after)
        previous_paragraph = paragraph
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


def without_quotations(paragraph: str) -> str:
    return SPAN.sub(" ", paragraph)


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
ACCORDING_TO = re.compile(rf"\b[Aa]ccording to (?P<who>{WHO_CHAR}{{1,80}})")


ATTRIBUTIONS_AFTER = [
    (AFTER_VERB_TITLE, True),
    (AFTER_VERB, True),
    (AFTER_SUBJECT, False),
    (AFTER_ASIDE, True),
]


def attribute(
    before: str, after: str, people: People, pronoun_means: str | None
) -> tuple[str | None, str]:
    """Who said the quotation between ``before`` and ``after``, and the clause that says so."""
    sentence_after = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    for pattern, pick_first in ATTRIBUTIONS_AFTER:
        match = pattern.match(after)
        if match and names_someone(match.group("who")):
            speaker = person_named(
                match.group("who"), people, pronoun_means, direct=True, first=pick_first
            )
            if speaker:
                return speaker, sentence_after
    sentence_before = last_sentence(before)
    according = ACCORDING_TO.search(sentence_before)
    if according:
        speaker = person_named(according.group("who"), people, pronoun_means, direct=True)
        if speaker:
            return speaker, sentence_before
    verbs = list(VERB.finditer(sentence_before))
    finite = [verb for verb in verbs if not verb.group(0).endswith("ing")]
    for verb in finite or verbs:
        earlier = list(VERB.finditer(sentence_before[: verb.start()]))
        head = sentence_before[earlier[-1].end() if earlier else 0 : verb.start()]
        speaker = subject_of(head, people, pronoun_means)
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
    """ "Oduya", "she", "the mayor", "state director Calvin Mercer"; not "a label he"."""
    return bool(re.match(rf"(?:he|she|the|his|her|its|their)\b|(?:[a-z-]+ ){{0,4}}[{UPPER}]", who))


def said_in_sentence_before(
    before: str, people: People, pronoun_means: str | None
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


def subject_of(head: str, people: People, pronoun_means: str | None) -> str | None:
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
    pronoun_means: str | None,
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
        alone = (direct and match.group(0) == words) or (nearest and match.start() == 0)
        alone = alone and not match.group(0).startswith("The ")  # "The Australian said"
        speaker = people.resolve(match.group(0)) or people.resolve_or_add(
            match.group(0), single_word=alone
        )
        if speaker:
            candidates.append((match.start(), speaker))
    candidates.extend((match.start(), pronoun_means) for match in PRONOUN.finditer(words))
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
            speaker = subject_of(sentence[: verb.start()], people, None)
            if speaker:
                return speaker
        if PRONOUN.match(sentence.strip()):
            continue  # "She hugged Lindqvist": who "she" is, the sentence before says
        for run in CAPITALISED_RUN.finditer(sentence):  # "Born in 1938, Ms. Lane began…"
            speaker = people.resolve(run.group(0))
            if speaker:
                return speaker
    return None


def continues_quotation(between: str) -> bool:
    """'"The budget is balanced," she said, "and…"': the attribution splits one sentence."""
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
