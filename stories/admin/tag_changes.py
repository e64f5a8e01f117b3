"""Who merged or renamed which tags and when: a read-only record."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import TagChange
from .read_only import ReadOnlyAdminMixin


@admin.register(TagChange)
class TagChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "kind", "old", "new_name", "created_by"]
    list_filter = ["created_by", "kind", "created_at"]
    search_fields = ["old_names", "old_slugs", "new_name", "new_slug", "created_by__username"]
    date_hierarchy = "created_at"
    list_select_related = ["created_by"]
    fields = ["created_at", "created_by", "kind", "old_names", "old_slugs", "new_name", "new_slug"]
    readonly_fields = fields

    @admin.display(description=_("old names"))
    def old(self, change):
        return ", ".join(change.old_names.splitlines())
