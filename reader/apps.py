from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderConfig(AppConfig):
    """No models: the public site works on the editorial core's."""

    name = "reader"
    verbose_name = _("The public site")
