import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from importing.fixture_build import fixture_build, fixture_json
from importing.parsing import ArticleError

IN_MEMORY_DATABASE = "sqlite://:memory:"


class Command(BaseCommand):
    help = (
        "Rebuild fixtures/stories.json from fixtures/articles/ (the raw articles and their "
        "sidecars) with the importer, in a private in-memory database."
    )

    WROTE = "Wrote {count} objects to {output}."
    UP_TO_DATE = "{output} matches a fresh build from {articles}."
    OUT_OF_DATE = "{output} differs from a fresh build: run python manage.py build_fixtures."

    def add_arguments(self, parser):
        fixtures = Path(settings.BASE_DIR) / "fixtures"
        parser.add_argument("--articles", type=Path, default=fixtures / "articles")
        parser.add_argument("--output", type=Path, default=fixtures / "stories.json")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail if the output file differs from a fresh build.",
        )
        parser.add_argument(
            "--print", action="store_true", help="Print the fixture instead of writing it."
        )

    def handle(self, *args, articles, output, check, **options):
        built = self.build(articles)
        if options["print"]:
            self.stdout.write(built, ending="")
        elif check:
            current = output.read_text(encoding="utf-8") if output.exists() else ""
            if current != built:
                raise CommandError(self.OUT_OF_DATE.format(output=output))
            self.stdout.write(self.UP_TO_DATE.format(output=output, articles=articles))
        else:
            output.write_text(built, encoding="utf-8")
            count = len(json.loads(built))
            self.stdout.write(self.WROTE.format(count=count, output=output))

    def build(self, articles: Path) -> str:
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            call_command("migrate", verbosity=0)
            try:
                return fixture_json(fixture_build(articles_dir=articles))
            except ArticleError as error:
                raise CommandError(str(error)) from error
        return build_in_memory(articles)


def build_in_memory(articles: Path) -> str:
    """Run this command again in a process whose database is a fresh in-memory one."""
    manage = Path(settings.BASE_DIR) / "manage.py"
    command = [sys.executable, str(manage), "build_fixtures", "--print", "--articles", articles]
    env = {**os.environ, "DATABASE_URL": IN_MEMORY_DATABASE}
    run = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8")
    if run.returncode:
        raise CommandError(run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "")
    return run.stdout
