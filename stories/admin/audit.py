"""Who changed what and when, across stories: every revision django-reversion keeps."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision

from ..models import Story
from .read_only import ReadOnlyAdminMixin


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["date_created", "user", "comment", "stories"]
    list_filter = ["user", "date_created"]
    search_fields = ["comment", "user__username"]
    date_hierarchy = "date_created"
    list_select_related = ["user"]
    ordering = ["-date_created"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("version_set__content_type")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("stories.view_story")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    @admin.display(description=_("stories"))
    def stories(self, revision):
        saved = [
            version
            for version in revision.version_set.all()
            if version.content_type.model_class() is Story
        ]
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:stories_story_history", args=[v.object_id]), v.object_repr)
                for v in saved
            ),
        )
