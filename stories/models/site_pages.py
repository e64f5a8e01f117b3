"""The pages editors keep besides the stories (About, Contact, Corrections policy, Ethics),
linked from the site's footer."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from ..body_html import body_html, plain_text
from ..text import bidi_isolated, unix_newlines
from .fields import by_user

SITE_PAGE_URL_NAME = "stories:site_page"


class SitePage(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The page's address: “about” for /about/."),
    )
    body = models.TextField(_("body"))
    in_footer = models.BooleanField(_("linked from the footer"), default=True, db_default=True)
    position = models.PositiveIntegerField(
        _("position in the footer"), default=0, help_text=_("Lower comes first.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = by_user(_("last changed by"))

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["position", "title"]

    def __str__(self):
        return bidi_isolated(self.title)

    def save(self, *args, **kwargs):
        self.body = body_html(unix_newlines(self.body))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(SITE_PAGE_URL_NAME, kwargs={"slug": self.slug})

    @property
    def summary(self) -> str:
        text = plain_text(self.body)
        return text.split("\n", 1)[0] if text else ""

    def clean(self):
        if self.slug and not address_is_free(self.slug):
            raise ValidationError(
                {"slug": _("/%(slug)s/ is another page of the site: choose another slug.")},
                params={"slug": self.slug},
                code="slug_taken",
            )


def address_is_free(slug: str) -> bool:
    """Whether /<slug>/ would reach the site page of that slug, and no other page of the site
    starts its address so (/stories/…, /sections/…)."""
    for path in (f"/{slug}/", f"/{slug}/example/"):
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.view_name != SITE_PAGE_URL_NAME:
            return False
    return True
