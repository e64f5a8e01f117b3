"""Coverage packages: an editor's named, ordered group of the stories about one event."""

from django.db import models
from django.db.models import Count, Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stories.models import Story, published_q
from stories.text import bidi_isolated


class PackageQuerySet(models.QuerySet):
    def listed(self):
        """Packages with at least one published story, the latest news first, each with its
        number of published stories and the time of the newest."""
        # One filter() before annotate(): the counts are of the published stories only.
        return (
            self.filter(published_q("items__story__"))
            .annotate(story_count=Count("items"), latest_story_at=Max("items__story__published_at"))
            .order_by("-latest_story_at", "name")
        )


class Package(models.Model):
    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_(
            "The event its stories cover. Example: “Congress certifies the 2020 election”."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        help_text=_(
            "The package's address: /packages/<slug>/. "
            "Example: “congress-certifies-the-2020-election”."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "A sentence or two shown above the stories. Example: “How the joint session of "
            "January 6, 2021 went, from the vice president's letter to the final count.”"
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PackageQuerySet.as_manager()

    class Meta:
        verbose_name = _("coverage package")
        verbose_name_plural = _("coverage packages")
        ordering = ["name"]

    def __str__(self):
        return bidi_isolated(self.name)

    def get_absolute_url(self):
        return reverse("packages:package_detail", kwargs={"slug": self.slug})


class PackageItem(models.Model):
    package = models.ForeignKey(
        Package, on_delete=models.CASCADE, related_name="items", verbose_name=_("package")
    )
    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="package_items", verbose_name=_("story")
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Order in the package: lower numbers come first.")
    )

    class Meta:
        verbose_name = _("story in the package")
        verbose_name_plural = _("stories in the package")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["package", "story"],
                name="package_item_unique_story",
                violation_error_message=_("This story is already in the package."),
            )
        ]

    def __str__(self):
        return str(self.story)
