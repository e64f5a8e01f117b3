"""Tags: the list with story counts, descriptions, merging and renaming (editors only)."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ..bulk import quoted
from ..models import TagProfile
from ..tag_services import tag_rename, tags_merge
from ..text import bidi_isolated
from .tag_forms import MergeTagsForm, TagAdminForm

MERGE_NEEDS_TWO_TAGS = "Select at least two tags to merge."
MERGED = "Merged {old} into “{into}”; their old addresses lead to it."
MERGE_BUTTON = "merge"

admin.site.unregister(Tag)


class TagProfileInline(admin.StackedInline):
    model = TagProfile
    can_delete = False
    fields = ["description", ("is_featured", "position")]
    verbose_name_plural = _("description and navigation")


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """Replaces taggit's tag admin, whose merge action keeps no record and no old addresses."""

    form = TagAdminForm
    list_display = ["name", "slug", "story_count", "is_featured"]
    list_filter = ["profile__is_featured"]
    list_select_related = ["profile"]
    search_fields = ["name", "slug"]
    ordering = ["name"]
    inlines = [TagProfileInline]
    actions = ["merge_tags"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("story"))

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj is not None else []

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ["name"]} if obj is None else {}

    @admin.display(description=_("stories"), ordering="story_count")
    def story_count(self, tag):
        return tag.story_count

    @admin.display(description=_("featured"), boolean=True, ordering="profile__is_featured")
    def is_featured(self, tag):
        profile = getattr(tag, "profile", None)
        return profile is not None and profile.is_featured

    def save_model(self, request, obj, form, change):
        if change and "name" in form.changed_data:
            tag_rename(tag=obj, name=form.cleaned_data["name"], user=request.user)
        else:
            super().save_model(request, obj, form, change)

    @admin.action(description=_("Merge the selected tags into one"), permissions=["change"])
    def merge_tags(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, MERGE_NEEDS_TWO_TAGS, messages.WARNING)
            return None
        form = MergeTagsForm(request.POST if MERGE_BUTTON in request.POST else None, tags=queryset)
        if form.is_valid():
            into = form.cleaned_data["into"]
            try:
                change = tags_merge(tags=queryset, into=into, user=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                old = quoted(change.old_names.splitlines())
                message = MERGED.format(old=old, into=bidi_isolated(into))
                self.message_user(request, message, messages.SUCCESS)
                return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Merge tags"),
            "form": form,
            "tags": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "merge_button": MERGE_BUTTON,
        }
        return TemplateResponse(request, "admin/taggit/tag/merge_tags.html", context)
