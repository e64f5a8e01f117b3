import sys
import time

from django.core.management.base import BaseCommand

from newsroom.synthetic_archive import archive_generate


class Command(BaseCommand):
    help = "Add a synthetic archive of COUNT stories, for benchmarks (newsroom.synthetic_archive)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1, help="the same seed, the same archive")

    def handle(self, *args, count, seed, **options):
        started = time.perf_counter()

        def progress(written: int) -> None:
            rate = written / (time.perf_counter() - started)
            sys.stderr.write(f"\r{written:,} of {count:,} stories ({rate:,.0f}/s)")
            sys.stderr.flush()

        phases = archive_generate(count, seed, progress)
        seconds = time.perf_counter() - started
        sys.stderr.write("\n")
        self.stdout.write(
            f"Generated {count:,} stories in {seconds:.1f} s ({count / seconds:,.0f} stories/s): "
            + ", ".join(f"{phase} in {taken:.1f} s" for phase, taken in phases.items())
            + "."
        )
