from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """No models: the JSON API works on the editorial core's."""

    name = "api"
    verbose_name = _("The JSON API")
