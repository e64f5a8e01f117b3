from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin
from taggit.models import Tag

from ..editing import version_raise
from ..models import Correction, Quote, RelatedLink, Story, StoryAuthor
from ..models.children_as_json import with_children_as_json
from ..models.story import story_tags_as_json
from ..text import bidi_isolated
from ..workflow import (
    PUBLISH_PERMISSION,
    can_change,
    can_delete,
    can_publish,
    check_change,
    check_delete,
    statuses_for,
    story_transition,
)
from .autocomplete import PreloadedChoicesInlineMixin
from .body_editor import BodyEditorMixin
from .bulk import BulkActionsMixin
from .history import StoryHistoryMixin
from .importing import FindQuotesMixin, ImportArticleMixin
from .misattributions import MisattributionNoticeMixin
from .pagination import BoundedCountPaginator
from .quote_speakers import QuoteForm
from .story_form import StoryAdminForm
from .suggestions import SuggestedRelatedMixin
from .tag_suggestions import TagSuggestionsMixin

# Django 6 makes https the default scheme of typed-in addresses; say so now.
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class WorkflowInlineMixin:
    """Inlines of a story follow the story's rules: read-only where the story is."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and can_change(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and can_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and can_change(request.user, obj)


class QuoteInline(PreloadedChoicesInlineMixin, WorkflowInlineMixin, admin.StackedInline):
    formfield_overrides = HTTPS_URL_FIELDS
    model = Quote
    form = QuoteForm
    view_on_site = False
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = [
        ("speaker", "new_speaker", "position"),
        "text",
        ("context", "said_on"),
        "source_url",
        ("is_featured", "is_fragment"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")


class StoryAuthorInline(PreloadedChoicesInlineMixin, WorkflowInlineMixin, admin.TabularInline):
    """The byline's authors, in order; wire and guest copy uses the free-text credit."""

    model = StoryAuthor
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["position", "author"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class RelatedLinkInline(PreloadedChoicesInlineMixin, WorkflowInlineMixin, admin.TabularInline):
    formfield_overrides = HTTPS_URL_FIELDS
    model = RelatedLink
    fk_name = "story"
    extra = 0
    autocomplete_fields = ["target"]
    fields = ["position", "title", "target", "url"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("target")
            .defer("target__body", "target__body_text", "target__search_vector")
        )


class CorrectionInline(admin.StackedInline):
    """Editors append corrections and updates; the story's history keeps every change to them."""

    model = Correction
    extra = 0
    fields = [("kind", "created_at"), "text", "created_by"]
    readonly_fields = ["created_by"]
    verbose_name_plural = _("corrections and updates (shown at the foot of the story)")


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("review", _("In review")),
            ("scheduled", _("Scheduled")),
            ("published", _("Published")),
            ("unpublished", _("Unpublished")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "scheduled":
                return queryset.scheduled()
            case "published":
                return queryset.published()
            case None:
                return queryset
            case value:
                return queryset.filter(status=value)


class BusiestTagsFilter(admin.SimpleListFilter):
    """The tags carried by the most published stories, and the one chosen: all of them would
    be thousands of links."""

    title = _("tag")
    parameter_name = "tags__id__exact"
    shown = 30

    def lookups(self, request, model_admin):
        busiest = Tag.objects.order_by("-published_count__stories", "name")[: self.shown]
        chosen = Tag.objects.filter(pk=self.value()) if self.value_is_id() else Tag.objects.none()
        tags = sorted({*busiest, *chosen}, key=lambda tag: tag.name.casefold())
        return [(str(tag.pk), bidi_isolated(tag.name)) for tag in tags]

    def value_is_id(self) -> bool:
        return (self.value() or "").isascii() and (self.value() or "").isdigit()

    def queryset(self, request, queryset):
        return queryset.tagged(self.value()) if self.value_is_id() else queryset


class StoryChangeList(ChangeList):
    """Rows without the body, which the list does not show, and with their tags read in the
    rows' own query."""

    def get_queryset(self, request, exclude_parameters=None):
        rows = (
            super()
            .get_queryset(request, exclude_parameters)
            .defer("body", "body_text", "search_vector")
        )
        return with_children_as_json(rows.prefetch_related(None), story_tags_as_json())


@admin.register(Story)
class StoryAdmin(
    BodyEditorMixin,
    BulkActionsMixin,
    StoryHistoryMixin,
    ImportArticleMixin,
    FindQuotesMixin,
    MisattributionNoticeMixin,
    SuggestedRelatedMixin,
    TagSuggestionsMixin,
    VersionAdmin,
):
    form = StoryAdminForm
    formfield_overrides = HTTPS_URL_FIELDS
    list_display = [
        "headline",
        "state_and_time",
        "is_developing",
        "tag_names",
        "updated_at",
        "updated_by",
    ]
    list_filter = [StateFilter, "is_developing", BusiestTagsFilter, "published_at", "updated_by"]
    list_select_related = ["updated_by"]
    show_full_result_count = False  # a second count of the whole archive
    paginator = BoundedCountPaginator
    list_per_page = 50
    ordering = ["-published_at", "-id"]  # the story_published_newest index
    search_fields = ["headline", "dek", "body_text"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [StoryAuthorInline, QuoteInline, RelatedLinkInline, CorrectionInline]
    autocomplete_fields = ["lead_image"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by", "version"]
    actions = [
        "submit_for_review",
        "publish",
        "unpublish",
        "return_to_draft",
        "tag_stories",
        "relate_stories",
    ]
    history_latest_first = True
    change_list_template = "admin/stories/story/change_list.html"
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "lead_image", "body", "section", "tags"]}),
        (_("Credit"), {"fields": ["byline", "outlet", "source_url"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_developing",
                    ("created_at", "created_by"),
                    ("updated_at", "updated_by"),
                    "version",
                    "opened_version",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    def get_changelist(self, request, **kwargs):
        return StoryChangeList

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        status = form.base_fields.get("status")
        if status is not None:
            allowed = statuses_for(request.user)
            status.choices = [c for c in Story.Status.choices if c[0] in allowed]
        form.reverting = hasattr(request, "stored_story")
        return form

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            fields.append("published_at")  # reporters neither publish nor schedule
        return fields

    def stored_story(self, request, obj):
        """The story as stored before a revert wrote an old revision over ``obj``; ``obj``
        itself when nothing is being reverted."""
        stored = getattr(request, "stored_story", None)
        return stored if obj is not None and stored is not None and stored.pk == obj.pk else obj

    def has_change_permission(self, request, obj=None):
        story = self.stored_story(request, obj)
        return super().has_change_permission(request, obj) and can_change(request.user, story)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and can_delete(request.user, obj)

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def save_model(self, request, obj, form, change):
        stored = self.stored_story(request, obj)
        if stored is obj:
            old_status, stored_version = form.stored_status, form.current_version
        else:  # a revert: the story as it was before the old revision was written over it
            old_status, stored_version = stored.status, max(form.current_version, stored.version)
        check_change(user=request.user, story=obj, old_status=old_status)
        version_raise(obj, user=request.user, stored_version=stored_version)
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        RelatedLink.objects.resolve_to(obj)

    def save_formset(self, request, form, formset, change):
        for correction in formset.save(commit=False):
            if isinstance(correction, Correction) and correction.created_by_id is None:
                correction.created_by = request.user
        super().save_formset(request, form, formset, change)

    def delete_model(self, request, obj):
        check_delete(user=request.user, story=obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for story in queryset:
            check_delete(user=request.user, story=story)
        super().delete_queryset(request, queryset)

    @admin.display(description=_("state"), ordering="status")
    def state_and_time(self, story):
        if story.is_scheduled:
            when = date_format(localtime(story.published_at), "DATETIME_FORMAT")
            return _("Scheduled for %(when)s") % {"when": when}
        return story.get_status_display()

    @admin.display(description=_("tags"))
    def tag_names(self, story):
        return ", ".join(bidi_isolated(tag.name) for tag in story.tags.all())

    @admin.action(description=_("Submit the selected stories for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self.transition(request, queryset, Story.Status.REVIEW)

    @admin.action(description=_("Publish the selected stories"), permissions=["publish"])
    def publish(self, request, queryset):
        self.transition(request, queryset, Story.Status.PUBLISHED)

    @admin.action(description=_("Unpublish the selected stories"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self.transition(request, queryset, Story.Status.UNPUBLISHED)

    @admin.action(description=_("Return the selected stories to draft"), permissions=["publish"])
    def return_to_draft(self, request, queryset):
        self.transition(request, queryset, Story.Status.DRAFT)

    def transition(self, request, queryset, status):
        changed = 0
        for story in queryset:
            try:
                with self.create_revision(request):
                    story = story_transition(story=story, status=status, user=request.user)
                    self.log_change(request, story, [{"changed": {"fields": ["status"]}}])
            except PermissionDenied as refusal:
                self.message_user(request, f"“{story}”: {refusal}", messages.ERROR)
                continue
            except ValidationError as invalid:
                reasons = " ".join(invalid.messages)
                self.message_user(request, f"“{story}”: {reasons}", messages.ERROR)
                continue
            changed += 1
        label = Story.Status(status).label
        message = ngettext(
            "%(count)d story is now %(status)s.", "%(count)d stories are now %(status)s.", changed
        )
        self.message_user(request, message % {"count": changed, "status": label}, messages.SUCCESS)
