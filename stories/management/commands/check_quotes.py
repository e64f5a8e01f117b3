import time

from django.core.management.base import BaseCommand

from stories.models import Quote
from stories.quote_integrity import BATCH, check_quotes


class Command(BaseCommand):
    help = (
        "Check every quote of the archive for the same words given to another speaker "
        "(possible misattributions) and for words first published earlier: after rows were "
        "written outside Django, or after an upgrade that added the check."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=BATCH, help="different words a query")

    def handle(self, *args, batch, **options):
        started = time.perf_counter()
        changed = check_quotes(batch=batch)
        doubted = Quote.objects.filter(attribution_doubted=True).count()
        repeats = Quote.objects.filter(first_said__isnull=False).count()
        self.stdout.write(
            f"Checked the archive's quotes in {time.perf_counter() - started:.1f} s: "
            f"{changed:,} changed, {doubted:,} possible misattributions, "
            f"{repeats:,} repeating words first said earlier."
        )
