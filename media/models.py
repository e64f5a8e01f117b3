"""The image library: each picture once, with what readers and the law need to know of it."""

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .uploads import Master

STORAGE_ALIAS = "images"


def image_storage():
    return storages[STORAGE_ALIAS]


MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|&#|javascript:|data:", re.IGNORECASE)


def plain_text(value: str) -> None:
    """Alt text, captions and credits are plain text, shown escaped: markup in them is a
    paste gone wrong or an attack, and is refused rather than shown to readers as code."""
    if MARKUP.search(value):
        raise ValidationError(
            "Plain text only: remove the markup (tags, entities or script URLs).",
            code="markup",
        )


def master_name(instance, filename: str) -> str:
    return filename  # named by the master's content hash before it is saved (Image.keep)


class Image(models.Model):
    file = models.FileField(_("file"), upload_to=master_name, storage=image_storage, max_length=200)
    width = models.PositiveIntegerField(_("width"), editable=False)
    height = models.PositiveIntegerField(_("height"), editable=False)
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        validators=[plain_text],
        help_text=_("For finding it in the library; readers do not see it."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        validators=[plain_text],
        help_text=_(
            "What the picture shows, for readers who cannot see it. "
            "Required before a story using it is published, unless it is decorative."
        ),
    )
    is_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Adds nothing a reader would miss: screen readers pass over it."),
    )
    caption = models.TextField(_("caption"), blank=True, validators=[plain_text])
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        validators=[plain_text],
        help_text=_("Example: “Jane Doe/Reuters”."),
    )
    licence = models.CharField(
        _("copyright or licence"),
        max_length=255,
        blank=True,
        validators=[plain_text],
        help_text=_("Example: “© Reuters, all rights reserved” or “CC BY 4.0”."),
    )
    source_url = models.URLField(
        _("source"), max_length=500, blank=True, help_text=_("Where the picture came from.")
    )
    focal_x = models.FloatField(
        _("focal point, across"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the left edge, 1 the right: crops keep this point in view."),
    )
    focal_y = models.FloatField(
        _("focal point, down"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the top edge, 1 the bottom."),
    )
    content_hash = models.CharField(max_length=64, editable=False, db_index=True)
    file_size = models.PositiveIntegerField(_("file size"), editable=False, default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            )
        ]

    def __str__(self):
        return self.title or self.alt_text or self.caption[:60] or f"Image {self.pk}"

    def keep(self, master: Master) -> None:
        """Take ``master`` as this image's file (saved with the image)."""
        name = f"originals/{master.content_hash[:2]}/{master.content_hash}.{master.extension}"
        self.file.save(name, ContentFile(master.content), save=False)
        self.width, self.height = master.width, master.height
        self.content_hash = master.content_hash
        self.file_size = len(master.content)

    @property
    def version(self) -> str:
        """Changes whenever the picture or its focal point does: part of every rendition's
        name, so a rendition can be cached for ever."""
        key = f"{self.content_hash}:{self.focal_x:.4f}:{self.focal_y:.4f}"
        return hashlib.sha256(key.encode()).hexdigest()[:12]

    @property
    def needs_alt_text(self) -> bool:
        return not self.is_decorative and not self.alt_text.strip()
