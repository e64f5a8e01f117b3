"""A synthetic archive for benchmarks: many stories shaped like a real newsroom's, fast.

Stories of about 600 words over 20 years, written with the words of the project's own
articles (fixtures/articles/ and the importer's test articles); 3–8 quotes each from a pool
of people, some quoted far more than others; 3–6 tags from a vocabulary where a few tags are
on many stories (Zipf); 0–5 related links; a few drafts, stories in review, scheduled and
unpublished stories, corrections, old slugs and coverage packages. Rows go in with COPY on
PostgreSQL (bulk inserts elsewhere), a chunk of stories per transaction, each story with
its search vector as the site defines it, put together from its words (synthetic_vectors).
The same seed on the same database gives the same archive.
"""

import itertools
import multiprocessing
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, connections, transaction
from django.db.models import Max
from django.utils.text import slugify
from taggit.models import Tag

from packages.models import Package, PackageItem
from stories.body_html import paragraph_elements
from stories.counts import NEXT_PUBLICATION, counts_add
from stories.models import (
    Correction,
    Person,
    Quote,
    RelatedLink,
    SlugRedirect,
    Story,
    TagKey,
    TagProfile,
)
from stories.text import headline_key, quote_words_kept, tag_key

from .synthetic_vectors import VectorWriter

CHUNK = 5_000
LINK_COLUMNS = ["story_id", "title", "target_id", "url", "position", "title_key"]
PACKAGE_EVERY = 2_000  # stories
YEARS = 20
FIRST_NAMES = [
    "Ada",
    "Alan",
    "Alicia",
    "Amara",
    "Ana",
    "Ben",
    "Carla",
    "Chen",
    "Dario",
    "Dev",
    "Elena",
    "Emeka",
    "Eva",
    "Farid",
    "Grace",
    "Hana",
    "Ian",
    "Ines",
    "Jack",
    "Jana",
    "Jonas",
    "Kai",
    "Kemal",
    "Lara",
    "Leo",
    "Lina",
    "Luis",
    "Maya",
    "Mei",
    "Mike",
    "Nadia",
    "Nina",
    "Noah",
    "Omar",
    "Paula",
    "Priya",
    "Rafael",
    "Rosa",
    "Ruth",
    "Sam",
    "Sara",
    "Sofia",
    "Tariq",
    "Tom",
    "Uma",
    "Vera",
    "Wen",
    "Yara",
    "Yusuf",
    "Zoe",
]
LAST_NAMES = [
    "Abbott",
    "Adeyemi",
    "Alvarez",
    "Baker",
    "Banerjee",
    "Becker",
    "Brennan",
    "Castillo",
    "Chowdhury",
    "Costa",
    "Dahl",
    "Dubois",
    "Ekwueme",
    "Fischer",
    "Fontaine",
    "Garcia",
    "Grant",
    "Haddad",
    "Hansen",
    "Ibarra",
    "Ivanova",
    "Jensen",
    "Kaur",
    "Keller",
    "Kim",
    "Kowalski",
    "Larsen",
    "Lindqvist",
    "Lopez",
    "Mahmoud",
    "Marsh",
    "Mensah",
    "Moreau",
    "Murphy",
    "Nakamura",
    "Novak",
    "Okafor",
    "Olsen",
    "Park",
    "Patel",
    "Petrov",
    "Quinn",
    "Rahman",
    "Reyes",
    "Rossi",
    "Sato",
    "Schmidt",
    "Silva",
    "Svensson",
    "Tanaka",
    "Torres",
    "Novotny",
    "Varga",
    "Walsh",
    "Weber",
    "Wright",
    "Yilmaz",
    "Zhang",
    "Ziegler",
    "Prentiss",
]
TITLES = (
    "Mayor",
    "Senator",
    "Council member",
    "Professor of economics",
    "Police chief",
    "School board president",
    "Spokesperson",
    "Chief executive",
    "Union leader",
    "Minister",
    "Judge",
    "Resident",
    "Harbour master",
    "Health officer",
    "Analyst",
    "Governor",
)
WORD = re.compile(r"[A-Za-z][a-z']+")
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


@dataclass(frozen=True)
class ArchiveShape:
    people: int = 5_000
    tags: int = 2_000
    years: int = YEARS


def articles() -> list[Path]:
    root = Path(settings.BASE_DIR)
    return sorted(root.glob("fixtures/articles/*.txt")) + sorted(
        root.glob("importing/tests/data/*/*.txt")
    )


class Words:
    """Words drawn with the frequencies they have in the project's own articles."""

    def __init__(self, chooser: random.Random):
        counts: dict[str, int] = {}
        for article in articles():
            for word in WORD.findall(article.read_text("utf-8")):
                counts[word.lower()] = counts.get(word.lower(), 0) + 1
        self.words = sorted(counts)
        # Each word as often as the articles use it: an even draw from here is a weighted one.
        self.running_text = [word for word in self.words for _ in range(counts[word])]
        self.chooser = chooser

    def some(self, count: int) -> list[str]:
        return self.chooser.choices(self.running_text, k=count)

    def phrase(self, low: int, high: int) -> list[str]:
        return self.some(self.chooser.randint(low, high))

    def sentence(self, low: int, high: int) -> str:
        return as_sentence(self.phrase(low, high))

    def paragraphs(self, stream: list[str]) -> tuple[str, str]:
        """The body as a story stores it: its HTML and the plain text derived from it."""
        sentences, at = [], 0
        while at < len(stream):
            length = self.chooser.randint(12, 28)
            sentences.append(as_sentence(stream[at : at + length]))
            at += length
        paragraphs = [" ".join(sentences[at : at + 3]) for at in range(0, len(sentences), 3)]
        return paragraph_elements(paragraphs), "\n\n".join(paragraphs)


def as_sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() + "."


def zipf_weights(count: int, exponent: float = 1.07) -> list[float]:
    return list(itertools.accumulate(1 / rank**exponent for rank in range(1, count + 1)))


def next_id(model) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def write_rows(model, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY on PostgreSQL, a batched INSERT elsewhere."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    if connection.vendor == "postgresql":
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns))
    adapted = [tuple(map(adapt, row)) for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", adapted)


def adapt(value):
    """A value as the database's own Django backend would store it."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def reset_sequences(models: Sequence) -> None:
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


class ArchiveWriter:
    def __init__(self, seed: int, shape: ArchiveShape = ArchiveShape()):
        self.seed = seed
        self.chooser = random.Random(seed)
        # People and tags have a chooser of their own, and each chunk of stories one of its
        # own: a run that finds them made already draws the same stories as the run that
        # made them, whichever worker writes which chunk.
        self.vocabulary = random.Random(f"vocabulary-{seed}")
        self.shape = shape
        self.words = Words(self.chooser)
        self.now = datetime.now(UTC).replace(microsecond=0)
        self.story_type = ContentType.objects.get_for_model(Story).pk
        self.through = Story.tags.through

    # The vocabulary: people and tags, reused when an earlier run made them.

    def people(self) -> list[int]:
        names = dict.fromkeys(f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES)
        initials = itertools.cycle("ABCDEFGHJKLMNPRSTW")
        while len(names) < self.shape.people:
            first, last = self.vocabulary.choice(FIRST_NAMES), self.vocabulary.choice(LAST_NAMES)
            names.setdefault(f"{first} {next(initials)}. {last}")
        names = list(names)
        self.vocabulary.shuffle(names)
        names = names[: self.shape.people]
        titles = {name: self.vocabulary.choice(TITLES) for name in names}
        existing = dict(Person.objects.filter(name__in=names).values_list("name", "pk"))
        first_id = next_id(Person)
        new = [name for name in names if name not in existing]
        write_rows(
            Person,
            ["id", "name", "slug", "title", "aliases", "handle"],
            (
                (pk, name, f"{slugify(name)}-{pk}", titles[name], name.split()[-1], "")
                for pk, name in enumerate(new, first_id)
            ),
        )
        reset_sequences([Person])
        ids = dict(zip(new, itertools.count(first_id), strict=False)) | existing
        self.names = {ids[name]: NAME_WORD.findall(name) for name in names}
        return [ids[name] for name in names]

    def tags(self) -> list[int]:
        """Tag ids, most used first."""
        common = [word for word in self.words.words if len(word) > 3]
        single = self.vocabulary.sample(common, min(len(common), self.shape.tags // 4))
        names = {tag_key(name): name for name in (word.title() for word in single)}
        while len(names) < self.shape.tags:
            name = " ".join(self.vocabulary.sample(common, 2)).title()
            names.setdefault(tag_key(name), name)
        known = dict(TagKey.objects.values_list("key", "tag__name"))
        names_in_order = [known.get(key, name) for key, name in names.items()]
        existing = dict(Tag.objects.filter(name__in=names_in_order).values_list("name", "pk"))
        first_id = next_id(Tag)
        new = [name for name in names_in_order if name not in existing]
        ids = dict(zip(new, itertools.count(first_id), strict=False)) | existing
        write_rows(
            Tag,
            ["id", "name", "slug"],
            ((ids[name], name, f"{slugify(name)}-{ids[name]}") for name in new),
        )
        write_rows(TagKey, ["tag_id", "key"], ((ids[name], tag_key(name)) for name in new))
        featured = [ids[name] for name in names_in_order[:6]]
        profiled = set(TagProfile.objects.filter(tag_id__in=featured).values_list("tag", flat=True))
        write_rows(
            TagProfile,
            ["tag_id", "description", "is_featured", "position"],
            (
                (tag, "", True, position)
                for position, tag in enumerate(featured)
                if tag not in profiled
            ),
        )
        reset_sequences([Tag])
        return [ids[name] for name in names_in_order]

    # The stories, a chunk at a time.

    def write(self, count: int, progress: Callable[[int], None]) -> None:
        """On PostgreSQL two worker processes each make a chunk and copy it, keeping both
        cores busy between Python and the database; elsewhere one chunk after another."""
        self.people_ids, self.tag_ids = self.people(), self.tags()
        self.speaker_weights = zipf_weights(len(self.people_ids))
        self.tag_weights = zipf_weights(len(self.tag_ids))
        self.vectors = None
        if connection.vendor == "postgresql":
            name_words = itertools.chain.from_iterable(self.names.values())
            self.vectors = VectorWriter([*self.words.words, *name_words])
        self.first_story, self.first_package = next_id(Story), next_id(Package)
        plan = [
            (number, self.first_story + at, min(CHUNK, count - at))
            for number, at in enumerate(range(0, count, CHUNK))
        ]
        if connection.vendor == "postgresql" and threading.active_count() == 1:
            # Forking copies one thread only: a lock another thread holds would stay locked
            # in the workers forever. `manage.py generate_stories` has no other thread; a
            # process that has (a test server, a browser driver) writes the chunks itself.
            global forked_writer
            forked_writer = self
            connections.close_all()  # each worker opens its own
            with multiprocessing.get_context("fork").Pool(2, worker_started) as workers:
                self.link_chunks(workers.imap(write_chunk_in_worker, plan), progress)
        else:
            self.link_chunks(map(self.write_chunk, plan), progress)
        reset_sequences([Story, Package])

    def link_chunks(self, written_chunks: Iterable, progress: Callable[[int], None]) -> None:
        """Write each chunk's related links once it and every chunk before it is written
        (links point back up to 50,000 stories, into chunks other workers write), then add
        what the chunks counted to the stored counts."""
        written, counted = 0, Counted()
        for size, links, chunk_counted in written_chunks:
            with transaction.atomic():
                write_rows(RelatedLink, LINK_COLUMNS, links)
            counted.tags.update(chunk_counted.tags)
            counted.quotes.update(chunk_counted.quotes)
            written += size
            progress(written)
        counted.add_to_stored_counts()

    def write_chunk(self, planned: tuple[int, int, int]) -> tuple[int, list, "Counted"]:
        number, first_id, size = planned
        self.chooser = self.words.chooser = random.Random(f"{self.seed}-{number}")
        batches, links, counted = self.chunk(first_id, size)
        try:
            with transaction.atomic():
                for model, columns, rows in batches + self.packages(number, first_id, size):
                    write_rows(model, columns, rows)
        finally:
            if multiprocessing.parent_process() is not None:
                connection.close()
        return size, links, counted

    def chunk(self, first_id: int, size: int) -> tuple[list, list, "Counted"]:
        choose = self.chooser
        stories, quotes, tag_links, links, corrections, redirects = [], [], [], [], [], []
        counted = Counted()
        span = self.shape.years * 365 * 86_400
        for story_id in range(first_id, first_id + size):
            headline_words, dek_words = self.words.phrase(6, 13), self.words.phrase(15, 30)
            body_words = self.words.some(600)
            headline = as_sentence(headline_words)[:-1]
            slug = f"{slugify(headline)[:180].rstrip('-')}-{story_id}"
            status, published_at = self.status_and_time(span)
            is_counted = status == Story.Status.PUBLISHED and published_at <= self.now
            created_at = (published_at or self.now) - timedelta(hours=choose.randint(1, 72))
            speakers = self.people_ids_for(choose.randint(3, 8))
            quote_words = [self.words.phrase(8, 30) for _ in speakers]
            for position, (speaker, words) in enumerate(zip(speakers, quote_words, strict=True)):
                is_featured = position == 0 and choose.random() < 0.3
                is_fragment = choose.random() < 0.05
                text = as_sentence(words)
                quotes.append(
                    (
                        story_id,
                        speaker,
                        text,
                        "",
                        None,
                        "",
                        position,
                        is_featured,
                        is_fragment,
                        published_at,
                        *quote_words_kept(text),
                    )
                )
                if is_counted and not is_fragment:
                    counted.quotes[speaker] += 1
            said = itertools.chain.from_iterable(
                [*words, *self.names[speaker]]
                for speaker, words in zip(speakers, quote_words, strict=True)
            )
            stories.append(
                (
                    story_id,
                    headline,
                    slug,
                    as_sentence(dek_words),
                    *self.words.paragraphs(body_words),
                    f"By {choose.choice(FIRST_NAMES)} {choose.choice(LAST_NAMES)}",
                    "",
                    "",
                    status,
                    published_at,
                    created_at,
                    published_at or created_at,
                    1,
                    choose.random() < 0.02,
                    headline_key(headline),
                    is_counted,
                    self.vectors.vector(
                        [(headline_words, "A"), (said, "B"), (dek_words, "C"), (body_words, "D")]
                    )
                    if self.vectors
                    else None,
                )
            )
            story_tags, wanted = set(), choose.randint(3, 6)
            while len(story_tags) < wanted:
                story_tags.add(choose.choices(self.tag_ids, cum_weights=self.tag_weights)[0])
            tag_links += [(tag, self.story_type, story_id) for tag in story_tags]
            if is_counted:
                counted.tags.update(story_tags)
            earlier = story_id - 1
            if earlier >= self.first_story:
                oldest = max(self.first_story, earlier - 50_000)
                targets = {choose.randint(oldest, earlier) for _ in range(choose.randint(0, 5))}
                links += [
                    (story_id, "", target, "", position, "")
                    for position, target in enumerate(targets)
                ]
            if published_at and choose.random() < 0.02:
                corrections.append(
                    (
                        story_id,
                        "correction",
                        self.words.sentence(10, 25),
                        published_at + timedelta(days=1),
                    )
                )
            if published_at and choose.random() < 0.01:
                redirects.append((f"{slug}-first-version", story_id, published_at))
        batches = [
            (
                Story,
                [
                    "id",
                    "headline",
                    "slug",
                    "dek",
                    "body",
                    "body_text",
                    "byline",
                    "outlet",
                    "source_url",
                    "status",
                    "published_at",
                    "created_at",
                    "updated_at",
                    "version",
                    "is_developing",
                    "headline_key",
                    "is_counted",
                    "search_vector",
                ],
                stories,
            ),
            (
                Quote,
                [
                    "story_id",
                    "speaker_id",
                    "text",
                    "context",
                    "said_on",
                    "source_url",
                    "position",
                    "is_featured",
                    "is_fragment",
                    "story_published_at",
                    "words",
                    "words_key",
                    "words_head",
                    "words_tail",
                ],
                quotes,
            ),
            (self.through, ["tag_id", "content_type_id", "object_id"], tag_links),
            (Correction, ["story_id", "kind", "text", "created_at"], corrections),
            (SlugRedirect, ["old_slug", "story_id", "created_at"], redirects),
        ]
        return batches, links, counted

    def people_ids_for(self, count: int) -> list[int]:
        return self.chooser.choices(self.people_ids, cum_weights=self.speaker_weights, k=count)

    def status_and_time(self, span: int) -> tuple[str, datetime | None]:
        roll = self.chooser.random()
        if roll < 0.02:
            return Story.Status.DRAFT, None
        if roll < 0.03:
            return Story.Status.REVIEW, None
        if roll < 0.04:  # scheduled: published at a time to come
            return Story.Status.PUBLISHED, self.now + timedelta(
                minutes=self.chooser.randint(5, 20_000)
            )
        published_at = self.now - timedelta(seconds=self.chooser.randint(60, span))
        if roll < 0.05:
            return Story.Status.UNPUBLISHED, published_at
        return Story.Status.PUBLISHED, published_at

    def packages(self, number: int, first_id: int, size: int) -> list:
        count = max(1, size // PACKAGE_EVERY)
        first_package = self.first_package + number * max(1, CHUNK // PACKAGE_EVERY)
        rows, items = [], []
        for package_id in range(first_package, first_package + count):
            name = self.words.sentence(3, 6)[:-1]
            rows.append(
                (
                    package_id,
                    name,
                    f"{slugify(name)[:180]}-{package_id}",
                    self.words.sentence(12, 25),
                    self.now,
                    self.now,
                )
            )
            start = self.chooser.randint(first_id, first_id + size - 1)
            members = sorted(
                {
                    self.chooser.randint(start, min(start + 200, first_id + size - 1))
                    for _ in range(self.chooser.randint(3, 12))
                }
            )
            items += [(package_id, story, position) for position, story in enumerate(members)]
        return [
            (Package, ["id", "name", "slug", "description", "created_at", "updated_at"], rows),
            (PackageItem, ["package_id", "story_id", "position"], items),
        ]


@dataclass
class Counted:
    """What the written stories add to the stored counts (stories.counts): the counted
    stories carrying each tag, the full quotes in counted stories of each person."""

    tags: Counter = field(default_factory=Counter)
    quotes: Counter = field(default_factory=Counter)

    def add_to_stored_counts(self) -> None:
        with transaction.atomic():
            counts_add(self.tags, self.quotes)


# The writer the worker processes inherit when they are forked, rather than one pickled per chunk.
forked_writer: ArchiveWriter | None = None
# The parent's connections a worker inherits, open if it was forked anew while the parent
# wrote: kept and never used, as closing one, or dropping it, would end the parent's session.
inherited_connections = []


def worker_started() -> None:
    for database in connections.all(initialized_only=True):
        if database.connection is not None:
            inherited_connections.append(database.connection)
            database.connection = None


def write_chunk_in_worker(planned: tuple[int, int, int]) -> int:
    return forked_writer.write_chunk(planned)


def archive_generate(
    count: int, seed: int, progress: Callable[[int], None] = lambda n: None
) -> dict[str, float]:
    """Write the stories with their counts, then the planner's statistics; the seconds each
    of the two took."""
    seconds, started = {}, time.perf_counter()
    ArchiveWriter(seed).write(count, progress)
    seconds["written"], started = time.perf_counter() - started, time.perf_counter()
    NEXT_PUBLICATION.forget()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    seconds["vacuumed"] = time.perf_counter() - started
    return seconds
