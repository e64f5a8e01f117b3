"""Which library images a story's body holds, kept from the body on every save: an image a
body shows cannot be deleted from the library, as a lead image cannot."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BodyImage(models.Model):
    story = models.ForeignKey(
        "stories.Story", on_delete=models.CASCADE, related_name="body_image_links"
    )
    image = models.ForeignKey(
        "media.Image",
        on_delete=models.PROTECT,
        related_name="in_bodies",
        verbose_name=_("image"),
    )

    class Meta:
        verbose_name = _("picture in a story's body")
        verbose_name_plural = _("pictures in stories' bodies")
        constraints = [
            models.UniqueConstraint(fields=["story", "image"], name="body_image_once_a_story")
        ]

    def __str__(self):
        return f"{self.image} in {self.story}"
