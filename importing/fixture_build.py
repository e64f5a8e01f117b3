"""fixtures/stories.json built from fixtures/articles/ by the importer, so it cannot drift.

The build imports every article, with its sidecar, into a database with no stories, inside a
transaction that is always rolled back, and numbers the primary keys from 1 in import order.
``build_fixtures`` runs it in a private in-memory SQLite database, so the result never depends
on the database of the machine.
"""

import json
from pathlib import Path

from django.core import serializers
from django.db import transaction
from django.db.models import F, Max, Min
from taggit.models import Tag, TaggedItem

from authors.models import Author
from fronts.models import Lineup, LineupSlot
from packages.models import Package, PackageItem
from stories.models import Person, Quote, RelatedLink, Section, Story, StoryAuthor

from .parsing import ArticleError, decode_article
from .services import article_import, parse_with_vocabulary
from .sidecars import sidecar_for

NO_ARTICLES = "{folder}: no .txt articles to build fixtures from"
NO_DATE = "{file}: no publication date; give published_at in its sidecar"
NOT_EMPTY = "fixtures are built in a database with no stories; this one has {count}"

# In loading order; each model's foreign keys name the model whose numbering they follow.
FIXTURE_MODELS = {
    "taggit.tag": {},
    "stories.person": {},
    "stories.section": {},
    "authors.author": {},
    "stories.story": {"section": "stories.section"},
    "stories.storyauthor": {"story": "stories.story", "author": "authors.author"},
    "stories.quote": {"story": "stories.story", "speaker": "stories.person"},
    "stories.relatedlink": {"story": "stories.story", "target": "stories.story"},
    "taggit.taggeditem": {"tag": "taggit.tag", "object_id": "stories.story"},  # tag by name
    "packages.package": {},
    "packages.packageitem": {"package": "packages.package", "story": "stories.story"},
    "fronts.lineup": {"section": "stories.section"},
    "fronts.lineupslot": {"lineup": "fronts.lineup", "story": "stories.story"},
}


def fixture_build(*, articles_dir: Path) -> list[dict]:
    paths = sorted(articles_dir.glob("*.txt"))
    if not paths:
        raise ArticleError(NO_ARTICLES.format(folder=articles_dir))
    if count := Story.objects.count():
        raise ArticleError(NOT_EMPTY.format(count=count))
    with transaction.atomic():
        for path in paths:
            sidecar = sidecar_for(path)
            parsed = parse_with_vocabulary(decode_article(path.read_bytes()), sidecar=sidecar)
            if not (parsed.published_on or sidecar.published_at):
                raise ArticleError(NO_DATE.format(file=path))
            article_import(parsed=parsed, status=Story.Status.PUBLISHED, sidecar=sidecar)
        Story.objects.update(created_at=F("published_at"), updated_at=F("published_at"))
        packages_dated()
        lineups_dated()
        objects = content_serialized()
        transaction.set_rollback(True)
    return renumbered(objects)


def packages_dated() -> None:
    """A package is dated by its stories, as if made with the first and last changed with the
    latest, so the build does not depend on when it runs."""
    packages = Package.objects.annotate(
        first=Min("items__story__published_at"), last=Max("items__story__published_at")
    )
    for package in packages:
        Package.objects.filter(pk=package.pk).update(
            created_at=package.first, updated_at=package.last
        )


def lineups_dated() -> None:
    """A lineup takes effect, as if made then, with the latest of its stories; an author was
    last changed with their latest story."""
    for lineup in Lineup.objects.annotate(last=Max("slots__story__published_at")):
        Lineup.objects.filter(pk=lineup.pk).update(
            takes_effect_at=lineup.last, created_at=lineup.last, updated_at=lineup.last
        )
    for author in Author.objects.annotate(last=Max("story_credits__story__published_at")):
        Author.objects.filter(pk=author.pk).update(updated_at=author.last)


def fixture_json(objects: list[dict]) -> str:
    return json.dumps(objects, indent=2, ensure_ascii=False) + "\n"


def content_serialized() -> list[dict]:
    querysets = [
        Tag.objects.order_by("pk"),
        Person.objects.order_by("pk"),
        Section.objects.order_by("pk"),
        Author.objects.order_by("pk"),
        Story.objects.order_by("pk"),
        StoryAuthor.objects.order_by("pk"),
        Quote.objects.order_by("pk"),
        RelatedLink.objects.order_by("pk"),
        TaggedItem.objects.order_by("pk"),
        Package.objects.order_by("pk"),
        PackageItem.objects.order_by("pk"),
        Lineup.objects.order_by("pk"),
        LineupSlot.objects.order_by("pk"),
    ]
    objects = []
    for queryset in querysets:
        text = serializers.serialize("json", queryset, use_natural_foreign_keys=True)
        objects.extend(json.loads(text))
    for obj in objects:
        obj["fields"].pop("search_vector", None)  # derived from the text when loaded
        obj["fields"].pop("is_counted", None)  # counted on the first request after loading
        obj["fields"].pop("public_quote_count", None)
        obj["fields"].pop("story_published_at", None)  # the story's, copied when loaded
    return objects


def renumbered(objects: list[dict]) -> list[dict]:
    numbers: dict[tuple[str, int], int] = {}
    for model in FIXTURE_MODELS:
        rows = [obj for obj in objects if obj["model"] == model]
        numbers.update({(model, obj["pk"]): number for number, obj in enumerate(rows, 1)})
    result = []
    for obj in objects:
        fields = dict(obj["fields"])
        for field, target in FIXTURE_MODELS[obj["model"]].items():
            if isinstance(fields[field], int | str):  # not a natural key, not None
                fields[field] = numbers[(target, int(fields[field]))]
        result.append(
            {"model": obj["model"], "pk": numbers[(obj["model"], obj["pk"])], "fields": fields}
        )
    return result
