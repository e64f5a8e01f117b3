import time

from django.core.management.base import BaseCommand

from stories.counts import counts_rebuild
from stories.models import Person, Story, TagCount
from stories.tasks import rebuild_counts


class Command(BaseCommand):
    help = (
        "Rebuild the stored counts (each tag's published stories, each person's public quotes) "
        "from the archive: after rows were written outside Django, or to check them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--background", action="store_true", help="leave it to a db_worker (stories.tasks)"
        )

    def handle(self, *args, background=False, **options):
        if background:
            result = rebuild_counts.enqueue()
            self.stdout.write(f"Queued as task {result.id}: manage.py db_worker will run it.")
            return
        started = time.perf_counter()
        counts_rebuild()
        self.stdout.write(
            f"Counted {Story.objects.filter(is_counted=True).count():,} published stories, "
            f"{TagCount.objects.filter(stories__gt=0).count():,} tags and "
            f"{Person.objects.filter(public_quote_count__gt=0).count():,} quoted people "
            f"in {time.perf_counter() - started:.1f} s."
        )
