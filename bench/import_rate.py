"""Import rate: N raw articles through `import_articles` into a fresh SQLite database.

    .venv/bin/python bench/import_rate.py [--count 1000]

The articles are the evaluation set's, each copied under a distinct headline so that every
copy is a new story. Prints the articles per second.
"""

import argparse
import os
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as folder:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="newsroom.settings",
            DJANGO_DEBUG="1",
            DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
        )
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        articles = Path(folder) / "articles"
        articles.mkdir()
        sources = sorted((ROOT / "importing" / "tests" / "data" / "eval").glob("*.txt"))
        for number in range(count):
            headline, rest = sources[number % len(sources)].read_text("utf-8").split("\n", 1)
            copy = articles / f"{number:05}.txt"
            copy.write_text(f"{headline} (copy {number})\n{rest}", encoding="utf-8")
        started = time.perf_counter()
        call_command("import_articles", str(articles), stdout=StringIO())
        seconds = time.perf_counter() - started
    print(f"imported {count} articles in {seconds:.1f} s: {count / seconds:.0f} articles/s")


if __name__ == "__main__":
    main()
