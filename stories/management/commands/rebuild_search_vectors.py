import time

from django.core.management.base import BaseCommand

from stories.tasks import rebuild_search_vectors


class Command(BaseCommand):
    help = "Rebuild every story's search vector (after a change of NEWSROOM_SEARCH_CONFIG, say)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--background", action="store_true", help="leave it to a db_worker (stories.tasks)"
        )

    def handle(self, *args, background=False, **options):
        if background:
            result = rebuild_search_vectors.enqueue()
            self.stdout.write(f"Queued as task {result.id}: manage.py db_worker will run it.")
            return
        started = time.perf_counter()
        count = rebuild_search_vectors.call()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Rebuilt the search vectors of {count:,} stories in {seconds:.1f} s.")
