"""The libraries' apps under the names the desk knows them by: their admin sections read
"Tags" and "History", not "Taggit" and "Reversion". Labels and tables are the libraries' own."""

from django.utils.translation import gettext_lazy as _
from reversion.apps import ReversionConfig
from taggit.apps import TaggitAppConfig


class TagsConfig(TaggitAppConfig):
    verbose_name = _("Tags")


class HistoryConfig(ReversionConfig):
    verbose_name = _("History")
