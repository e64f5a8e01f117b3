from django.contrib import admin
from reversion.admin import VersionAdmin

from ..models import Section


@admin.register(Section)
class SectionAdmin(VersionAdmin):
    list_display = ["name", "slug", "position", "in_navigation"]
    list_editable = ["position", "in_navigation"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "position", "in_navigation"]
