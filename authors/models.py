"""An author's profile: what the byline links to and the author page shows."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

BIO_LENGTH = 600
HTTPS_ONLY = URLValidator(schemes=["https"])


def profile_links_validate(text: str) -> None:
    for line in link_lines(text):
        try:
            HTTPS_ONLY(line)
        except ValidationError as refusal:
            raise ValidationError(
                _("“%(line)s” is not an https:// address: give one address per line."),
                params={"line": line},
                code="invalid_link",
            ) from refusal


def link_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class Author(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the author page's address, after /authors/."),
    )
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("Example: “City hall reporter”.")
    )
    bio = models.TextField(
        _("short bio"),
        max_length=BIO_LENGTH,
        blank=True,
        help_text=_("A few sentences for the author page; plain text."),
    )
    photo = models.ForeignKey(
        "media.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="author_photo_of",
        verbose_name=_("photo"),
        help_text=_("From the image library."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    links = models.TextField(
        _("profile links"),
        blank=True,
        validators=[profile_links_validate],
        help_text=_(
            "One https:// address per line: a website, Bluesky, Mastodon, LinkedIn, X profile."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        verbose_name=_("staff account"),
        help_text=_("The account this author signs in with, if any."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("stories:author_detail", kwargs={"slug": self.slug})

    @property
    def profile_links(self) -> list[tuple[str, str]]:
        """Each link with the site it is on, as a reader sees it: (address, host)."""
        return [
            (url, urlsplit(url).hostname.removeprefix("www.")) for url in link_lines(self.links)
        ]
