import time

from django.core.management.base import BaseCommand

from stories.tasks import add_background_option, queued, rebuild_search_vectors


class Command(BaseCommand):
    help = "Rebuild every story's search vector (after a change of NEWSROOM_SEARCH_CONFIG, say)."

    def add_arguments(self, parser):
        add_background_option(parser)

    def handle(self, *args, background=False, **options):
        if background:
            self.stdout.write(queued(rebuild_search_vectors))
            return
        started = time.perf_counter()
        count = rebuild_search_vectors.call()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Rebuilt the search vectors of {count:,} stories in {seconds:.1f} s.")
