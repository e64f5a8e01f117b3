import json
import sys
from dataclasses import asdict
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from importing.parsing import ArticleError, decode_article
from importing.services import article_import, parse_with_vocabulary
from importing.sidecars import sidecar_for
from stories.models import Story
from stories.quote_integrity import checks_deferred

PROGRESS_FROM = 10


class Command(BaseCommand):
    help = (
        "Import raw article texts (files, or folders of .txt files) as stories, with the "
        "editorial sidecar <name>.toml beside an article when there is one."
    )

    SUMMARY = "Imported {imported}, updated {updated}, failed {failed}."
    FAILED = "{failed} of {total} files failed to import."
    NO_FILES = "No .txt files found in the paths given."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the parsed articles as JSON; write nothing.",
        )
        parser.add_argument(
            "--status",
            choices=[Story.Status.DRAFT, Story.Status.PUBLISHED],
            help="Status of the imported stories (new stories default to draft; "
            "re-imported ones keep theirs).",
        )

    def handle(self, *args, paths, dry_run, status, verbosity, **options):
        files = article_files(paths)
        if not files:
            raise CommandError(self.NO_FILES)
        counts = {"imported": 0, "updated": 0, "failed": 0}
        parsed_articles = []
        with checks_deferred():  # the quotes of all the articles checked once, at the end
            for number, path in enumerate(files, 1):
                try:
                    sidecar = sidecar_for(path)
                    text = decode_article(path.read_bytes())
                    parsed = parse_with_vocabulary(text, sidecar=sidecar)
                    if dry_run:
                        parsed_articles.append({"file": str(path), **asdict(parsed)})
                        continue
                    result = article_import(parsed=parsed, status=status, sidecar=sidecar)
                except (ArticleError, OSError, ValidationError) as error:
                    counts["failed"] += 1
                    self.stderr.write(f"{path}: {describe(error)}")
                    continue
                counts["imported" if result.created else "updated"] += 1
                if verbosity >= 2:
                    self.stdout.write(f"{path}: {result.story.headline}")
                if verbosity >= 1 and len(files) >= PROGRESS_FROM and sys.stderr.isatty():
                    self.stderr.write(progress_bar(number, len(files)), ending="\r")
        if dry_run:
            self.stdout.write(
                json.dumps(parsed_articles, indent=2, ensure_ascii=False, default=str)
            )
        elif verbosity >= 1:
            self.stdout.write(self.SUMMARY.format(**counts))
        if counts["failed"]:
            raise CommandError(self.FAILED.format(failed=counts["failed"], total=len(files)))


def article_files(paths: list[Path]) -> list[Path]:
    files = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return files


def describe(error: Exception) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def progress_bar(done: int, total: int, width: int = 30) -> str:
    filled = width * done // total
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
