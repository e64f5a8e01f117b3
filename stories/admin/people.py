from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ..editing import versions_raise
from ..models import Person, Quote
from ..workflow import CANNOT_CHANGE, can_change, can_change_person, can_publish
from .story import HTTPS_URL_FIELDS


class PersonQuoteInline(admin.TabularInline):
    model = Quote
    fk_name = "speaker"
    view_on_site = False
    extra = 0
    autocomplete_fields = ["story"]
    fields = ["story", "text", "context", "said_on", "position"]
    verbose_name_plural = _("quotes by this person")

    def has_change_permission(self, request, obj=None):
        # quotes of published stories are the editors'; reporters change them on the story
        return super().has_change_permission(request, obj) and can_publish(request.user)

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "quote_count"]
    search_fields = ["name", "aliases", "title"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonQuoteInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and can_change_person(request.user, obj)

    @admin.display(description=_("quotes"), ordering="quote_count")
    def quote_count(self, person):
        return person.quote_count


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URL_FIELDS
    list_display = ["__str__", "speaker", "story", "said_on", "is_featured", "is_fragment"]
    list_filter = ["is_featured", "is_fragment", "said_on"]
    list_select_related = ["speaker", "story"]
    search_fields = ["text", "context", "speaker__name", "story__headline"]
    autocomplete_fields = ["story", "speaker"]

    def has_change_permission(self, request, obj=None):
        story = obj.story if obj else None
        return super().has_change_permission(request, obj) and can_change(request.user, story)

    def has_delete_permission(self, request, obj=None):
        story = obj.story if obj else None
        return super().has_delete_permission(request, obj) and can_change(request.user, story)

    def save_model(self, request, obj, form, change):
        if not can_change(request.user, obj.story):
            raise PermissionDenied(CANNOT_CHANGE)
        super().save_model(request, obj, form, change)
        versions_raise(story_ids=[obj.story_id], user=request.user)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        versions_raise(story_ids=[obj.story_id], user=request.user)
