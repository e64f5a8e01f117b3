from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from stories.admin.autocomplete import PreloadedChoicesInlineMixin
from stories.models import Section

from .forms import LineupForm
from .models import Lineup, LineupSlot


class LineupSlotInline(PreloadedChoicesInlineMixin, admin.TabularInline):
    model = LineupSlot
    extra = 3
    autocomplete_fields = ["story"]
    fields = ["position", "story", "story_state"]
    readonly_fields = ["story_state"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("story")
            .defer("story__body", "story__body_text", "story__search_vector")
        )

    @admin.display(description=_("state"))
    def story_state(self, slot):
        """Readers see only published stories, whatever the lineup says."""
        return slot.story.state if slot.story_id else "–"


class FrontFilter(admin.SimpleListFilter):
    title = _("front")
    parameter_name = "front"

    def lookups(self, request, model_admin):
        return [("home", _("Front page"))] + [
            (str(section.pk), str(section)) for section in Section.objects.all()
        ]

    def queryset(self, request, queryset):
        if self.value() == "home":
            return queryset.filter(section__isnull=True)
        if (self.value() or "").isdigit():
            return queryset.filter(section_id=self.value())
        return queryset


@admin.register(Lineup)
class LineupAdmin(VersionAdmin):
    """Editors order a front; "Save as new" with a time to come schedules a change while the
    lineup in effect stays."""

    list_display = ["__str__", "front_name", "takes_effect_at", "state", "note", "updated_by"]
    list_select_related = ["section", "updated_by"]
    list_filter = [FrontFilter]
    ordering = ["-takes_effect_at", "-id"]
    inlines = [LineupSlotInline]
    form = LineupForm
    fields = ["section", "takes_effect_at", "note", "opened_at"]
    save_as = True
    save_as_continue = False

    def get_queryset(self, request):
        return super().get_queryset(request).with_state()

    @admin.display(description=_("front"), ordering="section__name")
    def front_name(self, lineup):
        return lineup.front_name

    @admin.display(description=_("state"))
    def state(self, lineup):
        return lineup.state

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
