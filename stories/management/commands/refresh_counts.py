import time

from django.core.management.base import BaseCommand

from stories.counts import counts_rebuild
from stories.models import Person, Story, TagCount
from stories.tasks import add_background_option, queued, rebuild_counts


class Command(BaseCommand):
    help = (
        "Rebuild the stored counts (each tag's published stories, each person's public quotes) "
        "from the archive: after rows were written outside Django, or to check them."
    )

    def add_arguments(self, parser):
        add_background_option(parser)

    def handle(self, *args, background=False, **options):
        if background:
            self.stdout.write(queued(rebuild_counts))
            return
        started = time.perf_counter()
        counts_rebuild()
        self.stdout.write(
            f"Counted {Story.objects.filter(is_counted=True).count():,} published stories, "
            f"{TagCount.objects.filter(stories__gt=0).count():,} tags and "
            f"{Person.objects.filter(public_quote_count__gt=0).count():,} quoted people "
            f"in {time.perf_counter() - started:.1f} s."
        )
