from django.db.models import Max
from django.db.models.functions import Greatest

from reader.sitemaps import Section

from .models import Package


class PackageSitemap(Section):
    def items(self):
        return Package.objects.listed().annotate(
            latest_story_change=Greatest(
                Max("items__story__published_at"), Max("items__story__updated_at")
            )
        )

    def lastmod(self, package: Package):
        """The latest of an edit to the package (its name, its stories, their order) and a
        change to one of its published stories."""
        return max(package.updated_at, package.latest_story_change)
