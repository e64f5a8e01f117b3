"""Full-text search over published stories: headline, dek, body, quotes and their speakers.

On PostgreSQL the query reads each story's stored ``search_vector`` (GIN-indexed, see
``stories.search_vectors``) in the web-search syntax: words, "quoted phrases", ``or`` and
``-excluded`` words. Elsewhere (SQLite) every word or quoted phrase must appear, as whole
words, somewhere in those fields, ranked by where. Straight and curly apostrophes are the same
letter on both (PostgreSQL's parser treats them alike).
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stories.models import Quote, Story
from stories.search_vectors import search_config, uses_postgres

MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 40
MAX_TERMS = 32  # words and phrases a query is read for; past that, they are ignored
RANKED_MATCHES = 1000  # only the newest this many matches are ranked, so a common word is cheap

# Matches are marked with two private-use characters, never HTML, so that the text around them
# can be escaped before the marks become <mark> elements.
MARK_START = "\ue000"
MARK_STOP = "\ue001"
MARKED = re.compile(f"({MARK_START}|{MARK_STOP})")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
QUERY_TERM = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')


@dataclass(frozen=True)
class Term:
    words: str
    excluded: bool = False


def query_terms(query: str) -> list[Term]:
    """The first MAX_TERMS words and "quoted phrases" of a query; a leading minus excludes
    one."""
    terms = []
    for match in QUERY_TERM.finditer(query):
        if len(terms) == MAX_TERMS:
            break
        phrase_minus, phrase, word_minus, word = match.groups()
        words = " ".join((phrase if phrase is not None else word).split()).strip("\"'")
        if words:
            terms.append(Term(words, excluded=bool(phrase_minus or word_minus)))
    return terms


def search_text(raw: str) -> str:
    """What a reader typed, with its spacing tidied, control characters (NUL among them,
    which no database text can hold) dropped, and its length bounded."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())[:MAX_QUERY_LENGTH]


def story_search(query: str):
    """The newest RANKED_MATCHES published stories matching ``query`` (as ``search_text``
    gives it), best first, each with ``marked_headline`` and ``marked_snippet``: their text
    with the matches between MARK_START and MARK_STOP."""
    stories = Story.objects.published().select_related("lead_image").prefetch_related("tags")
    if uses_postgres():
        return postgres_search(stories, query)
    return fallback_search(stories, query)


def postgres_search(stories, query: str):
    search_query = SearchQuery(query, search_type="websearch", config=search_config())
    marks = {"start_sel": MARK_START, "stop_sel": MARK_STOP, "config": search_config()}
    return (
        newest_of(stories.filter(search_vector=search_query))
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            marked_headline=SearchHeadline("headline", search_query, highlight_all=True, **marks),
            marked_snippet=SearchHeadline(
                Concat("dek", Value("\n"), "body_text", output_field=TextField()),
                search_query,
                max_words=SNIPPET_WORDS,
                min_words=SNIPPET_WORDS // 2,
                max_fragments=2,
                fragment_delimiter=" … ",
                **marks,
            ),
        )
        .order_by("-rank", "-published_at", "-id")
    )


def fallback_search(stories, query: str):
    terms = query_terms(query)
    wanted = [term for term in terms if not term.excluded]
    if not wanted:
        return stories.none()
    rank = Value(0)
    for term in terms:
        pattern = whole_words(term.words)
        in_quotes = Exists(
            Quote.objects.filter(
                Q(text__iregex=pattern) | Q(speaker__name__iregex=pattern),
                story=OuterRef("pk"),
            )
        )
        anywhere = (
            Q(headline__iregex=pattern)
            | Q(dek__iregex=pattern)
            | Q(body_text__iregex=pattern)
            | Q(in_quotes)
        )
        if term.excluded:
            stories = stories.exclude(anywhere)
            continue
        stories = stories.filter(anywhere)
        rank = rank + Case(
            When(headline__iregex=pattern, then=Value(8)),
            When(in_quotes, then=Value(4)),
            When(dek__iregex=pattern, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return FallbackResults(
        newest_of(stories).annotate(rank=rank).order_by("-rank", "-published_at", "-id"), wanted
    )


def whole_words(words: str) -> str:
    """A regular expression for ``words`` as whole words ("ate" is not in "Senate"), a straight
    and a curly apostrophe being the same letter ("didn't" finds "didn’t")."""
    escaped = re.escape(words.replace("’", "'")).replace("'", "['’]")
    return rf"(?<!\w){escaped}(?!\w)"


def newest_of(matches):
    """The newest RANKED_MATCHES of ``matches``, read by the publication-time index."""
    newest = matches.order_by("-published_at", "-id").values("pk")[:RANKED_MATCHES]
    return Story.objects.filter(pk__in=newest).prefetch_related("tags")


class FallbackResults:
    """A queryset of matches whose pages get their marked headline and snippet in Python."""

    def __init__(self, stories, terms: list[Term]):
        self.stories = stories
        self.terms = terms

    def count(self) -> int:
        return self.stories.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        page = self.stories[index]
        if not isinstance(index, slice):
            return self.mark(page)
        return [self.mark(story) for story in page]

    def __iter__(self):
        return (self.mark(story) for story in self.stories)

    def mark(self, story: Story) -> Story:
        either = "|".join(whole_words(term.words) for term in self.terms)
        pattern = re.compile(either, re.IGNORECASE)
        story.marked_headline = pattern.sub(rf"{MARK_START}\g<0>{MARK_STOP}", story.headline)
        text = f"{story.dek}\n{story.body_text}" if story.dek else story.body_text
        story.marked_snippet = snippet(text, pattern)
        return story


def snippet(text: str, pattern: re.Pattern) -> str:
    """About SNIPPET_WORDS words of ``text`` around its first match, matches marked."""
    words = text.split()
    match = pattern.search(text)
    first = len(text[: match.start()].split()) if match else 0
    start = max(0, first - SNIPPET_WORDS // 3)
    window = " ".join(words[start : start + SNIPPET_WORDS])
    marked = pattern.sub(rf"{MARK_START}\g<0>{MARK_STOP}", window)
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    return prefix + marked + suffix


def marked_html(text: str) -> SafeString:
    """Escaped text whose marked matches are <mark> elements; stray marks are dropped."""
    parts = []
    inside = False
    for part in MARKED.split(text or ""):
        if part == MARK_START:
            if not inside:
                parts.append("<mark>")
                inside = True
        elif part == MARK_STOP:
            if inside:
                parts.append("</mark>")
                inside = False
        else:
            parts.append(escape(part))
    if inside:
        parts.append("</mark>")
    return mark_safe("".join(parts))
