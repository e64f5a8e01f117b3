from django.contrib import messages
from django.db.models import Max
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from ..models import RelatedLink, Story

RELATE_BUTTON = "_relate"


class SuggestedRelatedMixin:
    """Shows the story form the stories the public page suggests; one click on "Add as related
    link" saves the form and links the chosen story, so the editor's other changes are kept."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_change_permission(request, obj):
            context["suggested_stories"] = Story.objects.suggested_for(obj)
            context["relate_button"] = RELATE_BUTTON
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if RELATE_BUTTON in request.POST:
            self.suggestion_promote(request, form.instance, request.POST[RELATE_BUTTON])

    def suggestion_promote(self, request, story: Story, target_id: str) -> None:
        target = (
            Story.objects.published().exclude(pk=story.pk).filter(pk=target_id).first()
            if target_id.isascii() and target_id.isdigit()
            else None
        )
        if target is None:
            messages.error(request, _("That story cannot be related: it is not published."))
            return
        if story.related_links.filter(target=target).exists():
            messages.info(request, _("“%s” was already a related link.") % target.headline)
            return
        last = story.related_links.aggregate(last=Max("position"))["last"]
        RelatedLink.objects.create(
            story=story,
            target=target,
            title=target.headline,
            position=0 if last is None else last + 1,
        )
        messages.success(request, _("“%s” is now a related link.") % target.headline)

    def response_change(self, request, obj):
        if RELATE_BUTTON in request.POST:
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
