from django.core.management import call_command
from django.core.management.base import BaseCommand

from stories.models import Story

FIXTURE = "fixtures/stories.json"
SITE_PAGES = "fixtures/site_pages.json"  # written by hand: the footer's About, Contact…
KEPT = (
    "Keeping the demo database and the edits made in it ({stories}). "
    "`make demo-reset` starts again from the fixtures."
)


class Command(BaseCommand):
    help = (
        "Load the demo's stories from fixtures/stories.json (and its site pages) into a "
        "database that has none; a "
        "database that has stories is kept as it is, with whatever was edited in it."
    )

    def handle(self, *args, **options):
        if count := Story.objects.count():
            stories = f"{count} story" if count == 1 else f"{count} stories"
            self.stdout.write(KEPT.format(stories=stories))
            return
        call_command("loaddata", FIXTURE, SITE_PAGES, verbosity=options["verbosity"])
        call_command(
            "createinitialrevisions",
            "stories.Story",
            comment=f"Loaded from {FIXTURE}.",
            verbosity=options["verbosity"],
        )
        self.stdout.write(self.style.SUCCESS(f"Loaded the demo stories from {FIXTURE}."))
