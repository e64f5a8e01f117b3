from django.conf import settings
from django.db import models


def by_user(verbose_name) -> models.ForeignKey:
    """Who did something to a row; kept as empty when the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=verbose_name,
    )
