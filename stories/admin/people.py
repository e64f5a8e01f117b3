from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ..editing import versions_raise
from ..models import Person, Quote
from ..quote_integrity import attributions_confirm, same_words_elsewhere
from ..workflow import CANNOT_CHANGE, can_change, can_change_person, can_publish
from .story import HTTPS_URL_FIELDS

CANNOT_CONFIRM = _("Only an editor confirms who said a quote.")
CONFIRMED = _("Confirmed the speaker of %(count)d quotes.")


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
    list_display = [
        "__str__",
        "speaker",
        "story",
        "said_on",
        "is_featured",
        "is_fragment",
        "attribution_doubted",
    ]
    list_filter = ["attribution_doubted", "is_featured", "is_fragment", "said_on"]
    list_select_related = ["speaker", "story"]
    search_fields = ["text", "context", "speaker__name", "story__headline"]
    autocomplete_fields = ["story", "speaker"]
    readonly_fields = ["also_attributed_to", "first_said_in", "attribution_confirmed"]
    actions = ["confirm_attribution"]

    @admin.action(description=_("Confirm the speaker of the selected quotes"))
    def confirm_attribution(self, request, queryset):
        if not can_publish(request.user):
            raise PermissionDenied(CANNOT_CONFIRM)
        count = attributions_confirm(queryset, user=request.user)
        self.message_user(request, CONFIRMED % {"count": count}, messages.SUCCESS)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not can_publish(request.user):
            actions.pop("confirm_attribution", None)
        return actions

    @admin.display(description=_("also attributed to"))
    def also_attributed_to(self, quote):
        others = same_words_elsewhere([quote]).get(quote.pk, [])
        return format_html_join(
            mark_safe("<br>"),
            '{} in <a href="{}">{}</a>',
            (
                (
                    o.speaker.name,
                    reverse("admin:stories_story_change", args=[o.story_id]),
                    o.story.headline,
                )
                for o in others
            ),
        ) or _("no one else")

    @admin.display(description=_("first said in"))
    def first_said_in(self, quote):
        first = quote.first_said
        if first is None:
            return _("here, as far as the archive knows")
        return format_html(
            '<a href="{}">{}</a>, {}',
            reverse("admin:stories_story_change", args=[first.story_id]),
            first.story.headline,
            date_format(timezone.localtime(first.story_published_at), "DATE_FORMAT"),
        )

    @admin.display(description=_("speaker confirmed"))
    def attribution_confirmed(self, quote):
        if quote.attribution_confirmed_at is None:
            return _("not confirmed")
        when = date_format(timezone.localtime(quote.attribution_confirmed_at), "DATETIME_FORMAT")
        return f"{quote.attribution_confirmed_by or _('an editor')}, {when}"

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
