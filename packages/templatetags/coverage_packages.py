"""The story page's part of packages: ``{% load coverage_packages %}{% story_packages story %}``."""

from dataclasses import dataclass

from django import template
from django.db.models import Q

from stories.models import Story, published_q

from ..models import Package, PackageItem

register = template.Library()


@dataclass
class StoryPackage:
    package: Package
    items: list[PackageItem]  # in the package's order; the page's own story among them


def packages_of(story: Story) -> list[StoryPackage]:
    """The packages the story is part of, by name, each with its published stories in order:
    one query, however many packages and stories, and one even when there are none.

    The story itself is always listed, so a preview shows the place it will take.
    """
    items = (
        PackageItem.objects.filter(published_q("story__") | Q(story=story))
        .filter(package__items__story=story)
        .select_related("package", "story")
        .defer("story__body", "story__body_text")
        .order_by("package__name", "package_id", "position", "id")
    )
    packages: dict[int, StoryPackage] = {}
    for item in items:
        part = packages.setdefault(item.package_id, StoryPackage(package=item.package, items=[]))
        part.items.append(item)
    return list(packages.values())


@register.inclusion_tag("packages/story_packages.html")
def story_packages(story: Story) -> dict:
    """Each package the story is part of, with its stories in order and the story marked."""
    return {"story": story, "story_packages": packages_of(story)}
