"""An article's sidecar names its coverage package: the import puts the story in it."""

import pytest

from importing.parsing import parse_article
from importing.services import article_import
from importing.sidecars import PackagePlace, Sidecar
from packages.models import Package, PackageItem
from stories.models import Story
from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db

ARTICLE = " date 2024-03-05 Council passes budget\n\nThe council voted 7-6.\n"


def import_in_package(text: str, place: PackagePlace) -> Story:
    sidecar = Sidecar(package=place)
    return article_import(parsed=parse_article(text), sidecar=sidecar).story


def test_import_puts_the_story_in_the_sidecars_package_and_again_is_idempotent():
    story = import_in_package(ARTICLE, PackagePlace(name="City budget", position=2))
    again = import_in_package(ARTICLE, PackagePlace(name="City budget", position=3))
    assert again == story
    item = PackageItem.objects.get()
    assert (item.package.name, item.package.slug, item.position) == (
        "City budget",
        "city-budget",
        3,
    )


def test_imports_naming_one_package_share_it_and_a_taken_slug_is_not_reused():
    taken = Package.objects.create(name="Something else", slug="city-budget")
    PackageItem.objects.create(package=taken, story=make_story())
    first = import_in_package(ARTICLE, PackagePlace(name="City budget", position=1))
    other = ARTICLE.replace("passes budget", "delays budget")
    second = import_in_package(other, PackagePlace(name="city budget", position=0))
    package = Package.objects.get(name="City budget")
    assert package.slug == "city-budget-2"
    assert [item.story for item in package.items.all()] == [second, first]
