from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from importing.evaluation import evaluate_folder

EVAL_FOLDER = Path(settings.BASE_DIR) / "importing" / "tests" / "data" / "eval"


class Command(BaseCommand):
    help = (
        "Measure the importer against hand-checked articles (NAME.txt beside NAME.json): "
        "quote precision and recall, speaker, fragment, tag and related accuracy."
    )
    requires_system_checks = []

    NO_ARTICLES = "{folder}: no .txt articles with expected .json results."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", type=Path, default=EVAL_FOLDER)

    def handle(self, *args, folder, verbosity, **options):
        evaluation = evaluate_folder(folder)
        if not evaluation.articles:
            raise CommandError(self.NO_ARTICLES.format(folder=folder))
        for article in evaluation.articles:
            self.stdout.write(
                f"{article.name:<32} quotes {article.matched:>2}/{article.expected_quotes:<2} "
                f"found {article.found_quotes:>2}  speakers {article.right_speaker:>2}/"
                f"{article.matched:<2}  tags {article.right_tags}/{article.expected_tags}  "
                f"related {article.right_related}/{article.expected_related}"
            )
            if verbosity >= 2:
                for problem in article.problems:
                    self.stdout.write(f"    {problem}")
        total = evaluation.total
        self.stdout.write(
            "\n".join(
                [
                    "",
                    f"articles           {len(evaluation.articles)}",
                    f"quotes expected    {total('expected_quotes')}, found "
                    f"{total('found_quotes')}, matched {total('matched')}",
                    f"quote precision    {evaluation.quote_precision:.3f}",
                    f"quote recall       {evaluation.quote_recall:.3f}",
                    f"speaker accuracy   {evaluation.speaker_accuracy:.3f}",
                    f"fragment accuracy  {evaluation.fragment_accuracy:.3f}",
                    f"tag accuracy       {evaluation.tag_accuracy:.3f}",
                    f"related accuracy   {evaluation.related_accuracy:.3f}",
                    f"headline/date/developing accuracy {evaluation.field_accuracy:.3f}",
                ]
            )
        )
