"""What a story page shows of the packages the story is part of."""

from dataclasses import dataclass

from django.db.models import Q

from stories.models import Story, published_q

from .models import Package, PackageItem


@dataclass
class StoryPackage:
    package: Package
    items: list[PackageItem]  # in the package's order; the page's own story among them


def story_packages(story: Story) -> list[StoryPackage]:
    """The packages the story is part of, by name, each with its published stories in order:
    one query, however many packages and stories, and one even when there are none.

    The story itself is always listed, so a preview shows the place it will take.
    """
    items = (
        PackageItem.objects.filter(published_q("story__") | Q(story=story))
        .filter(package__items__story=story)
        .select_related("package", "story")
        .defer("story__body")
        .order_by("package__name", "package_id", "position", "id")
    )
    packages: dict[int, StoryPackage] = {}
    for item in items:
        part = packages.setdefault(item.package_id, StoryPackage(package=item.package, items=[]))
        part.items.append(item)
    return list(packages.values())
