from django.contrib import admin
from reversion.admin import VersionAdmin

from ..models import SitePage
from .body_editor import BodyEditorMediaMixin, BodyField
from .stale_saves import UnchangedSinceOpenedForm


class SitePageForm(UnchangedSinceOpenedForm):
    body = BodyField()

    class Meta:
        model = SitePage
        fields = ["title", "slug", "body", "in_footer", "position"]


@admin.register(SitePage)
class SitePageAdmin(BodyEditorMediaMixin, VersionAdmin):
    form = SitePageForm
    list_display = ["title", "slug", "in_footer", "position", "updated_at", "updated_by"]
    list_editable = ["in_footer", "position"]
    list_select_related = ["updated_by"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "body", "in_footer", "position", "opened_at"]
    search_fields = ["title"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
