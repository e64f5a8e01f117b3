from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    """taggit's tag admin (search, merge action) with story counts and no raw tagged-item rows."""

    inlines = []
    list_display = ["name", "slug", "story_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("story"))

    @admin.display(description=_("stories"), ordering="story_count")
    def story_count(self, tag):
        return tag.story_count
