"""make bench: every page's throughput beside a bare Django view and a static file, at two
archive sizes, with query counts and the slowest query's plan.

    .venv/bin/python bench/pages.py [--size 20000] [--small 1000] [--seconds 5] [--cluster DIR]

For each size, a PostgreSQL database holding a synthetic archive of that many stories
(manage.py generate_stories, seed 1) is served by bin/serve as `make serve` runs it: nginx in
front of gunicorn (--workers sync workers, DEBUG off, anonymous page caching off) on 127.0.0.1.
wrk (Debian's) asks each page for --seconds with --threads threads and --connections
connections, the references first: /bench/bare, a view answering "ok" through the whole
middleware stack, mounted only for the benchmark, and a static file through whitenoise. The
admin pages are asked for signed in as an editor.

The archives live in a throwaway cluster, or in --cluster DIR, made if absent and kept, so that
a second run at a million stories reuses the first one's archive; either runs with
PostgreSQL's default settings, as the issue's own figures were measured. Results go to --output
(bench/results.md) with the machine, the versions and the date, above its hand-written
"Profiling notes", which a run keeps; each page's figures also go to standard output as they
are measured.
"""

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from page_queries import EDITOR, PASSWORD  # noqa: E402

from newsroom.tests.clusters import PrivateCluster, postgres_bin, private_cluster  # noqa: E402
from newsroom.tests.http_client import Connection, sign_in  # noqa: E402
from newsroom.tests.serving import production_env, served  # noqa: E402

REFERENCES = ("bare Django view", "static file (whitenoise)")
CACHED_PAGES = ("story", "front", "tag, page 1")  # measured again with the page cache on
NOTES_HEADING = "## Profiling notes"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Measure:
    name: str
    url: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    queries: int | None = None
    slowest_ms: float | None = None
    plan: str = ""
    sql: str = ""


def run_manage(
    database_url: str, *args: str, timeout: float = 7200, stdin: str | None = None, **env: str
):
    hosts = "127.0.0.1,localhost,testserver"
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=production_env(database_url, DJANGO_ALLOWED_HOSTS=hosts, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
        input=stdin,
    ).stdout


def archive_prepare(database_url: str, size: int) -> None:
    """Migrate, then add synthetic stories until the archive holds ``size``."""
    run_manage(database_url, "manage.py", "migrate", "--noinput")
    count = run_manage(
        database_url,
        "manage.py",
        "shell",
        "-c",
        "from stories.models import Story; print(Story.objects.count())",
    )
    missing = size - int(count.strip().splitlines()[-1])
    if missing > 0:
        print(f"generating {missing:,} stories…", flush=True)
        print(
            run_manage(database_url, "manage.py", "generate_stories", "--count", str(missing)),
            end="",
        )


def signed_in_cookie(base: str) -> str:
    connection = Connection(base)
    sign_in(connection, EDITOR, PASSWORD)
    return "; ".join(f"{name}={value}" for name, value in connection.cookies.items())


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url: str, *, seconds: float, threads: int, connections: int, cookie: str = "") -> dict:
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"wrk gave no latency distribution for {url}:\n{output}")
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket_errors = r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
    for found in re.findall(socket_errors, output):
        errors += sum(int(n) for n in found)
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": milliseconds(latency["50"]),
        "p99_ms": milliseconds(latency["99"]),
        "errors": errors,
    }


def print_measure(size: int, name: str, figures: dict) -> None:
    print(
        f"{size:>9,} {name:34} {figures['requests_per_second']:9.1f} req/s "
        f"p50 {figures['p50_ms']:8.2f} ms p99 {figures['p99_ms']:8.2f} ms"
        + (f" errors {figures['errors']}" if figures["errors"] else ""),
        flush=True,
    )


def measure_size(database_url: str, size: int, options, *, explain: bool) -> list[Measure]:
    archive_prepare(database_url, size)
    urls = json.loads(run_manage(database_url, "bench/page_queries.py", "urls"))
    environment = {
        "WEB_CONCURRENCY": str(options.workers),
        "NEWSROOM_BENCH_REFERENCE": "1",
        "NEWSROOM_PAGE_CACHE": "0",
    }
    measures = []
    with served(database_url, **environment) as base:
        cookie = signed_in_cookie(base)
        for name, path in urls.items():
            signed_in = path.startswith("/admin/")
            figures = wrk(
                base + path,
                seconds=options.seconds,
                threads=options.threads,
                connections=options.connections,
                cookie=cookie if signed_in else "",
            )
            measures.append(Measure(name, path, **figures))
            print_measure(size, name, figures)
        cached = {f"{name}, page cache on": urls[name] for name in CACHED_PAGES}
    with served(database_url, **(environment | {"NEWSROOM_PAGE_CACHE": "1"})) as base:
        for name, path in cached.items():
            figures = wrk(
                base + path,
                seconds=options.seconds,
                threads=options.threads,
                connections=options.connections,
            )
            measures.append(Measure(name, path, **figures))
            print_measure(size, name, figures)
    arguments = ["bench/page_queries.py", "queries", *(["--explain"] if explain else [])]
    queries = json.loads(
        run_manage(database_url, *arguments, stdin=json.dumps(urls), NEWSROOM_PAGE_CACHE="0")
    )
    queries |= json.loads(
        run_manage(
            database_url,
            "bench/page_queries.py",
            "queries",
            stdin=json.dumps(cached),
            NEWSROOM_PAGE_CACHE="1",
        )
    )
    for measure in measures:
        found = queries.get(measure.name, {})
        measure.queries = found.get("queries")
        measure.slowest_ms = found.get("slowest_ms")
        measure.plan, measure.sql = found.get("plan", ""), found.get("sql", "")
    return measures


def versions(database_url: str) -> dict[str, str]:
    import django

    server = run_manage(
        database_url,
        "manage.py",
        "shell",
        "-c",
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        "    c.execute('SHOW server_version'); print(c.fetchone()[0])",
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB",
        "system": platform.platform(),
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "PostgreSQL": server.strip().splitlines()[-1] + " (default settings)",
        "wrk": subprocess.run([WRK, "-v"], capture_output=True, text=True).stdout.split()[1],
    }


def report(results: dict[int, list[Measure]], about: dict[str, str], options) -> str:
    small, large = sorted(results)
    lines = [
        "# Benchmark: pages against a bare Django view and a static file",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make bench` (bench/pages.py): "
        f"wrk -t{options.threads} -c{options.connections} -d{options.seconds:g}s per page; "
        f"bin/serve (nginx, gunicorn {options.workers} sync workers, DEBUG off, "
        "NEWSROOM_PAGE_CACHE=0 except where a page says the page cache is on); "
        "synthetic archives from `manage.py generate_stories --seed 1`.",
        "",
        *(f"- {key}: {value}" for key, value in about.items()),
        "",
    ]
    for size in (small, large):
        measures = {measure.name: measure for measure in results[size]}
        bare, static = (measures[name].requests_per_second for name in REFERENCES)
        lines += [
            f"## {size:,} stories",
            "",
            "| page | req/s | p50 ms | p99 ms | queries | slowest query ms "
            "| ratio to bare view | ratio to static file |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for measure in measures.values():
            lines.append(
                f"| {measure.name} (`{measure.url}`) | {measure.requests_per_second:,.1f} "
                f"| {measure.p50_ms:.2f} "
                f"| {measure.p99_ms:.2f} | {fmt(measure.queries)} | {fmt(measure.slowest_ms, 1)} "
                f"| {measure.requests_per_second / bare:.3f} "
                f"| {measure.requests_per_second / static:.3f} |"
            )
        lines.append("")
    lines += [
        f"## p50 from {small:,} to {large:,} stories",
        "",
        f"| page | p50 at {small:,} ms | p50 at {large:,} ms | ratio |",
        "|---|---:|---:|---:|",
    ]
    small_measures = {measure.name: measure for measure in results[small]}
    for measure in results[large]:
        before = small_measures.get(measure.name)
        if before is not None:
            lines.append(
                f"| {measure.name} | {before.p50_ms:.2f} | {measure.p50_ms:.2f} "
                f"| {measure.p50_ms / before.p50_ms:.2f} |"
            )
    lines += ["", f"## The slowest query of each page at {large:,} stories", ""]
    for measure in results[large]:
        if measure.plan:
            lines += [
                f"### {measure.name} ({measure.slowest_ms:.1f} ms)",
                "",
                "```sql",
                measure.sql,
                "```",
                "",
                "```",
                measure.plan,
                "```",
                "",
            ]
    return "\n".join(lines) + "\n"


def kept_notes(results: Path) -> str:
    """The hand-written part of the results (from NOTES_HEADING on), which a run keeps."""
    text = results.read_text() if results.exists() else ""
    at = text.find(NOTES_HEADING)
    return "" if at < 0 else "\n" + text[at:]


def fmt(value, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


@contextlib.contextmanager
def cluster_at(folder: Path | None):
    """A cluster in ``folder`` (made if absent, kept after), or a throwaway one."""
    if folder is None:
        with private_cluster() as cluster:
            yield cluster
        return
    fresh = not (folder / "data").exists()
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    cluster = PrivateCluster(folder, postgres_bin())
    cluster.create() if fresh else cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


def database_for(cluster: PrivateCluster, size: int) -> str:
    name = f"bench_{size}"
    with contextlib.suppress(subprocess.CalledProcessError):
        cluster.run("createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", name)
    return cluster.url.rsplit("/", 1)[0] + f"/{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cluster", type=Path, help="keep the archives in this folder")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.md")
    options = parser.parse_args()
    if not Path(WRK).exists():
        sys.exit("make bench needs wrk: apt-get install wrk")
    started = time.monotonic()
    results = {}
    with cluster_at(options.cluster) as cluster:
        for size in (options.small, options.size):
            url = database_for(cluster, size)
            results[size] = measure_size(url, size, options, explain=size == options.size)
        about = versions(url)
    options.output.write_text(report(results, about, options) + kept_notes(options.output))
    print(f"results in {options.output} ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
