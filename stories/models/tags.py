"""What the site keeps about taggit's tags: profiles, old addresses and changes, and the rules
for which tags readers see.

taggit's Tag stays the one vocabulary; its manager is taggit's, so the reader's rules for tags
are functions here rather than queryset methods.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ..text import bidi_isolated, tag_key
from .fields import by_user


def published_tags():
    """Tags that at least one published story carries, each once, with ``story_count``."""
    return Tag.objects.filter(published_count__stories__gt=0).annotate(
        story_count=F("published_count__stories")
    )


def featured_tags():
    """The featured tags with published stories, in the editors' order: the site navigation."""
    return published_tags().filter(profile__is_featured=True).order_by("profile__position", "name")


class TagCount(models.Model):
    """How many published stories carry a tag: kept by stories.counts, so the tag index and
    the sitemaps need not count the archive."""

    tag = models.OneToOneField(
        Tag,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="published_count",
        verbose_name=_("tag"),
    )
    stories = models.PositiveIntegerField(_("published stories"), default=0, db_default=0)

    class Meta:
        verbose_name = _("tag count")
        verbose_name_plural = _("tag counts")

    def __str__(self):
        return f"{self.tag}: {self.stories}"


class TagProfile(models.Model):
    """What a tag's page says about it and whether the site's navigation lists it.

    A companion to taggit's Tag rather than a custom tag model: taggit's Tag stays the one
    vocabulary, so there is no through-model swap, no data migration of the existing tags and
    tagged items, and third-party code written for taggit keeps working.
    """

    tag = models.OneToOneField(
        Tag, on_delete=models.CASCADE, related_name="profile", verbose_name=_("tag")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "Plain text, shown on the tag's page and to search engines. Separate paragraphs "
            "with a blank line."
        ),
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Listed in the site's navigation.")
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Order among the featured tags, lowest first.")
    )

    class Meta:
        verbose_name = _("tag description")
        verbose_name_plural = _("tag descriptions")
        ordering = ["position", "tag__name"]

    def __str__(self):
        return str(self.tag)


class TagRedirectQuerySet(models.QuerySet):
    def tag_at(self, old_slug: str) -> Tag | None:
        """The tag that had this address before it was renamed or merged."""
        redirect = self.filter(old_slug=old_slug).select_related("tag").first()
        return redirect.tag if redirect is not None else None


class TagRedirect(models.Model):
    """An address a tag had before it was renamed or merged; it answers 301 forever.

    It points at the tag, not at the next slug, so it is always one hop.
    """

    old_slug = models.SlugField(_("old slug"), max_length=100, unique=True, allow_unicode=True)
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="redirects", verbose_name=_("tag")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = TagRedirectQuerySet.as_manager()

    class Meta:
        verbose_name = _("old tag address")
        verbose_name_plural = _("old tag addresses")
        ordering = ["-created_at"]

    def __str__(self):
        return f"/tags/{self.old_slug}/ → /tags/{self.tag.slug}/"


class TagChange(models.Model):
    """A merge or a rename of tags: who made it, when, and the names and slugs before and after."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Merge")
        RENAME = "rename", _("Rename")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    tag = models.ForeignKey(
        Tag,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="changes",
        verbose_name=_("tag"),
        help_text=_("The tag that was renamed, or the one the others were merged into."),
    )
    old_names = models.TextField(_("old names"), help_text=_("One per line."))
    old_slugs = models.TextField(_("old slugs"), help_text=_("One per line."))
    new_name = models.CharField(_("new name"), max_length=100)
    new_slug = models.CharField(_("new slug"), max_length=100)
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    created_by = by_user(_("by"))

    class Meta:
        verbose_name = _("tag change")
        verbose_name_plural = _("tag changes")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        old = ", ".join(f"“{bidi_isolated(name)}”" for name in self.old_names.splitlines())
        return f"{self.get_kind_display()}: {old} → “{bidi_isolated(self.new_name)}”"


class TagKey(models.Model):
    """A tag's name reduced to its letters and digits (``text.tag_key``), in an indexed column,
    so that a near duplicate, or a tag a headline names, is found without reading every tag.

    Kept current by a signal handler whenever a tag is saved (``handlers.py``).
    """

    tag = models.OneToOneField(
        Tag,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="name_key",
        verbose_name=_("tag"),
    )
    key = models.CharField(_("key"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("tag key")
        verbose_name_plural = _("tag keys")

    def __str__(self):
        return self.key

    @classmethod
    def keep(cls, tag: Tag, *, created: bool = False) -> None:
        """Store the key of ``tag``'s name: one query, two for a tag that had none."""
        key = tag_key(tag.name)
        if created or not cls.objects.filter(tag=tag).update(key=key):
            cls.objects.create(tag=tag, key=key)
