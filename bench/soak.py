"""Soak: readers and two editors on `make serve` at once, then a check that nothing was lost.

    .venv/bin/python bench/soak.py [--seconds 120] [--readers 8]

Starts a throwaway PostgreSQL cluster (or uses DATABASE_URL, which must be PostgreSQL: the
soak migrates it and loads the fixtures into it), serves it with bin/serve as `make serve`
does, and for --seconds runs at once:

- readers asking, one request after another, for the front page, stories, tags, people,
  search, the feed and the API;
- two editors saving stories through the admin's change form, as a browser posts it: two
  stories both of them edit and one each of their own. Each save appends a line of its own
  to the story's body, after a pause as if the editor were typing, so the two often save
  the same story from the same version.

Prints the requests, the errors by status, p50/p99, and the saves accepted and refused as
stale; then checks that every accepted save's line is in its story's body, in the order
they were accepted, and no refused one is: a save that overwrote another would have lost
the other's line. Exits non-zero on any server error or lost save.
"""

import argparse
import contextlib
import json
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsroom.tests.clusters import private_cluster  # noqa: E402
from newsroom.tests.http_client import ChangeForm, Connection, sign_in  # noqa: E402
from newsroom.tests.serving import manage, served  # noqa: E402

ARTICLES = "importing/tests/data/eval"  # 14 more real articles beside the fixtures' two
EDITORS = ("soak-editor-1", "soak-editor-2")
PASSWORD = "soak-password-not-for-production"
STALE = "after you opened it. Nothing of yours was saved"
SETUP = f"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from stories.models import Person, Story
from taggit.models import Tag
editors = Group.objects.get(name="Editor")
for name in {EDITORS!r}:
    user = get_user_model().objects.create_user(name, password={PASSWORD!r}, is_staff=True)
    user.groups.add(editors)
published = Story.objects.published().order_by("-published_at")
print(json.dumps({{
    "stories": [s.get_absolute_url() for s in published],
    "edited": [s.pk for s in Story.objects.order_by("pk")[:4]],
    "tags": [f"/tags/{{t.slug}}/" for t in Tag.objects.all()[:10]],
    "people": [p.get_absolute_url() for p in Person.objects.quoted()[:10]],
}}))
"""
BODIES = """
import json
from stories.models import Story
print(json.dumps({str(s.pk): s.body for s in Story.objects.filter(pk__in=%r)}))
"""


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    accepted: dict[int, list[str]] = field(default_factory=dict)
    refused: dict[int, list[str]] = field(default_factory=dict)
    other_save_answers: Counter = field(default_factory=Counter)
    failed_paths: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status: int, seconds: float) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)


def timed(figures: Figures, connection: Connection, method: str, path: str, form=None):
    started = time.perf_counter()
    status, content = connection.request(method, path, form)
    figures.record(status, time.perf_counter() - started)
    if status >= 400:
        with figures.lock:
            figures.failed_paths[f"{status} {method} {path}"] += 1
    return status, content


def read(base: str, urls: list[str], until: float, figures: Figures, seed: int) -> None:
    chooser = random.Random(seed)
    connection = Connection(base)
    while time.monotonic() < until:
        timed(figures, connection, "GET", chooser.choice(urls))


def edit(
    base: str, username: str, story_ids: list[int], until: float, figures: Figures, seed: int
) -> None:
    chooser = random.Random(seed)
    connection = Connection(base)
    sign_in(connection, username, PASSWORD)
    number = 0
    while time.monotonic() < until:
        story_id = chooser.choice(story_ids)
        path = f"/admin/stories/story/{story_id}/change/"
        status, page = timed(figures, connection, "GET", path)
        if status != 200:
            continue
        form = ChangeForm()
        form.feed(page)
        number += 1
        line = f"Soak edit {username} {number}."
        fields = [
            (name, f"{value.rstrip()}<p>{line}</p>" if name == "body" else value)
            for name, value in form.fields
        ]
        time.sleep(chooser.uniform(0, 0.3))  # the editor types; a colleague may save meanwhile
        status, answer = timed(figures, connection, "POST", path, [*fields, ("_continue", "1")])
        with figures.lock:
            if status == 302:
                figures.accepted.setdefault(story_id, []).append(line)
            elif status == 200 and STALE in answer:
                figures.refused.setdefault(story_id, []).append(line)
            else:
                figures.other_save_answers[status] += 1


def lost_saves(bodies: dict[str, str], figures: Figures) -> list[str]:
    """What went wrong with the saves. Each save's line ends with its own number and a full
    stop, so no line is part of another and finding it in the body is enough."""
    problems = []
    for story_id, lines in figures.accepted.items():
        body = bodies[str(story_id)]
        positions = [body.find(line) for line in lines]
        missing = [line for line, at in zip(lines, positions, strict=True) if at < 0]
        problems += [f"story {story_id}: accepted save lost: {line}" for line in missing]
        found = [at for at in positions if at >= 0]
        if found != sorted(found):
            problems.append(f"story {story_id}: accepted saves out of order")
    for story_id, lines in figures.refused.items():
        body = bodies[str(story_id)]
        problems += [
            f"story {story_id}: refused save written: {line}" for line in lines if line in body
        ]
    return problems


def soak(database_url: str, seconds: float, readers: int) -> int:
    manage(database_url, "migrate", "--noinput")
    manage(database_url, "loaddata", "fixtures/stories.json")
    manage(database_url, "import_articles", "--status", "published", ARTICLES)
    manage(database_url, "createinitialrevisions", "stories.Story")
    site = json.loads(manage(database_url, "shell", "--verbosity", "0", "-c", SETUP))
    urls = [
        "/",
        *site["stories"],
        *site["tags"],
        "/tags/",
        *site["people"],
        "/people/",
        "/search/?q=Pence",
        "/search/?q=election+votes",
        "/feeds/latest/",
        "/api/stories/",
        "/api/stories/?tag=2020-election",
    ]
    shared, first_own, second_own = site["edited"][:2], site["edited"][2], site["edited"][3]
    figures = Figures()
    with served(database_url, WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", "3")) as base:
        started = time.monotonic()
        until = started + seconds
        workers = [
            threading.Thread(target=read, args=(base, urls, until, figures, n))
            for n in range(readers)
        ] + [
            threading.Thread(
                target=edit, args=(base, EDITORS[0], [*shared, first_own], until, figures, 101)
            ),
            threading.Thread(
                target=edit, args=(base, EDITORS[1], [*shared, second_own], until, figures, 202)
            ),
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        elapsed = time.monotonic() - started
    bodies = json.loads(
        manage(database_url, "shell", "--verbosity", "0", "-c", BODIES % site["edited"])
    )
    problems = lost_saves(bodies, figures)

    return report(figures, time_taken=elapsed, readers=readers, problems=problems)


def report(figures: Figures, *, time_taken: float, readers: int, problems: list[str]) -> int:
    """Print the figures; the exit status: 1 on a server error, a lost save or no save."""
    latencies = sorted(figures.latencies)
    accepted = sum(map(len, figures.accepted.values()))
    refused = sum(map(len, figures.refused.values()))
    other = sum(figures.other_save_answers.values())
    errors = {status: n for status, n in sorted(figures.statuses.items()) if status >= 400}
    rate = len(latencies) / time_taken
    print(
        f"{len(latencies)} requests in {time_taken:.0f} s: {rate:.0f} req/s "
        f"({readers} readers, 2 editors)"
    )
    print(
        f"answers by status: {dict(sorted(figures.statuses.items()))}; errors: {errors or 'none'}"
    )
    for failure, count in figures.failed_paths.most_common(10):
        print(f"  {count} x {failure}")
    p99 = latencies[int(0.99 * len(latencies))]
    print(
        f"latency: p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p99 {p99 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(
        f"saves: {accepted + refused + other}, accepted {accepted}, "
        f"refused as stale {refused}, other answers {dict(figures.other_save_answers) or 0}"
    )
    for problem in problems:
        print(problem)
    if not problems:
        print("nothing lost: every accepted save is in its story, in order; no refused one is")
    server_errors = sum(n for status, n in figures.statuses.items() if status >= 500)
    return 1 if problems or server_errors or other or not accepted else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--readers", type=int, default=8)
    options = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url and not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("The soak runs on PostgreSQL: DATABASE_URL must be postgres://…, or unset.")
    with contextlib.ExitStack() as stack:
        if not database_url:
            database_url = stack.enter_context(private_cluster()).url
        status = soak(database_url, options.seconds, options.readers)
    sys.exit(status)


if __name__ == "__main__":
    main()
