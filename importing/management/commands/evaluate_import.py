from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from importing.evaluation import Evaluation, evaluate_folder

DATA = Path(settings.BASE_DIR) / "importing" / "tests" / "data"
SETS = ["eval", "holdout", "blind", "real", "real-holdout"]  # in the order they were written


class Command(BaseCommand):
    help = (
        "Measure the importer against hand-checked articles (NAME.txt beside NAME.json): "
        "quote precision and recall, speaker, fragment, tag and related accuracy, for each "
        "folder given, or for each of the project's sets in importing/tests/data/."
    )
    requires_system_checks = []

    NO_ARTICLES = "{folder}: no .txt articles with expected .json results."

    def add_arguments(self, parser):
        parser.add_argument("folders", nargs="*", type=Path)

    def handle(self, *args, folders, verbosity, **options):
        folders = folders or [DATA / name for name in SETS if (DATA / name).is_dir()]
        evaluations = {}
        for folder in folders:
            evaluation = evaluate_folder(folder)
            if not evaluation.articles:
                raise CommandError(self.NO_ARTICLES.format(folder=folder))
            if len(folders) > 1:
                self.stdout.write(f"== {folder.name} ({folder})")
            self.write_articles(evaluation, verbosity)
            self.write_summary(evaluation)
            evaluations[folder.name] = evaluation
        if len(evaluations) > 1:
            self.write_comparison(evaluations)

    def write_articles(self, evaluation: Evaluation, verbosity: int) -> None:
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

    def write_summary(self, evaluation: Evaluation) -> None:
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
                    "",
                ]
            )
        )

    def write_comparison(self, evaluations: dict[str, Evaluation]) -> None:
        self.stdout.write(
            f"{'set':<13} {'articles':>8} {'quotes':>6} {'precision':>9} {'recall':>6} "
            f"{'speakers':>8} {'fragments':>9}"
        )
        for name, evaluation in evaluations.items():
            self.stdout.write(
                f"{name:<13} {len(evaluation.articles):>8} "
                f"{evaluation.total('expected_quotes'):>6} {evaluation.quote_precision:>9.3f} "
                f"{evaluation.quote_recall:>6.3f} {evaluation.speaker_accuracy:>8.3f} "
                f"{evaluation.fragment_accuracy:>9.3f}"
            )
