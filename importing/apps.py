from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportingConfig(AppConfig):
    """No models: importing raw copy works on the editorial core's."""

    name = "importing"
    verbose_name = _("Importing raw copy")
