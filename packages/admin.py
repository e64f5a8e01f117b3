from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Package, PackageItem


class PackageItemInline(admin.TabularInline):
    model = PackageItem
    extra = 1
    autocomplete_fields = ["story"]
    fields = ["position", "story"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("story")


@admin.register(Package)
class PackageAdmin(admin.ModelAdmin):
    list_display = ["name", "story_count", "updated_at"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description"]
    inlines = [PackageItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("items"))

    @admin.display(description=_("stories"), ordering="story_count")
    def story_count(self, package):
        return package.story_count
