"""The sections readers navigate by (Politics, World, Sports…): a story has one primary
section; tags stay the fine vocabulary."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..text import bidi_isolated


class Section(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The last part of the section front's address, after /sections/."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("A sentence for the section front; plain text.")
    )
    position = models.PositiveIntegerField(
        _("position in the navigation"), default=0, help_text=_("Lower comes first.")
    )
    in_navigation = models.BooleanField(_("shown in the navigation"), default=True, db_default=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]

    def __str__(self):
        return bidi_isolated(self.name)

    def get_absolute_url(self):
        return reverse("stories:section_detail", kwargs={"slug": self.slug})
