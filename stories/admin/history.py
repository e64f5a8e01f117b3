"""A story's history in the admin: every revision (story, quotes, links, corrections, tags) with
who and when, the difference between any two, and revert (django-reversion's)."""

from datetime import datetime

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import BadRequest, PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from reversion.models import Version
from taggit.models import Tag

from ..body_html import body_html, plain_text
from ..models import Story
from ..word_changes import word_changes

STORY_FIELDS = [
    "headline",
    "slug",
    "dek",
    "body",
    "byline",
    "outlet",
    "source_url",
    "status",
    "published_at",
    "is_developing",
]
WORD_COMPARED_FIELDS = {"dek", "body"}
# How the objects saved with a story read in a comparison, by model.
RELATED_LABELS = {
    "quote": (_("Quotes"), lambda fields: f"“{fields['text']}”"),
    "relatedlink": (_("Related links"), lambda fields: fields["title"]),
    "correction": (_("Corrections and updates"), lambda fields: fields["text"]),
}


class CompareForm(forms.Form):
    """The two revisions a comparison shows, by their version's number."""

    older = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    newer = forms.IntegerField(min_value=1, max_value=2**63 - 1)


class StoryHistoryMixin:
    object_history_template = "admin/stories/story/object_history.html"

    def get_urls(self):
        compare = self.admin_site.admin_view(self.compare_view)
        return [
            path("<path:object_id>/history/compare/", compare, name="stories_story_compare"),
            *super().get_urls(),
        ]

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # django-reversion writes the old revision back before the form runs. Who may change
        # the story, from which status, and the next version are decided by the story as it
        # is stored (``stored_story``), not by the revision written over it; the form's
        # stale-save check is skipped.
        request.stored_story = get_object_or_404(Story, pk=unquote(object_id))
        return super().revision_view(request, object_id, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        story = get_object_or_404(Story, pk=unquote(object_id))
        version_ids = dict(Version.objects.get_for_object(story).values_list("revision_id", "pk"))
        for action in response.context_data.get("action_list", []):
            action["version_id"] = version_ids[action["revision"].pk]
        return response

    def compare_view(self, request, object_id):
        story = get_object_or_404(Story, pk=unquote(object_id))
        if not self.has_view_or_change_permission(request, story):
            raise PermissionDenied
        chosen = CompareForm(request.GET)
        if not chosen.is_valid():
            raise BadRequest("older and newer must each be the number of a revision.")
        versions = Version.objects.get_for_object(story).select_related("revision__user")
        older = get_object_or_404(versions, pk=chosen.cleaned_data["older"])
        newer = get_object_or_404(versions, pk=chosen.cleaned_data["newer"])
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": story,
            "title": _("Changes to “%(story)s”") % {"story": story},
            "older": older,
            "newer": newer,
            "field_changes": field_changes(older, newer),
            "related_changes": related_changes(older, newer),
        }
        return TemplateResponse(request, "admin/stories/story/compare.html", context)


def field_changes(older: Version, newer: Version) -> list[dict]:
    """Each field that differs; the body and dek word by word, the body read as plain text
    (a change of markup alone, such as a new link or subhead, is said so)."""
    before, after = older.field_dict, newer.field_dict
    changes = []
    for name in STORY_FIELDS:
        if as_shown(before.get(name)) == as_shown(after.get(name)):
            continue
        old, new = str(before.get(name) or ""), str(after.get(name) or "")
        change = {"label": Story._meta.get_field(name).verbose_name, "old": old, "new": new}
        if name in WORD_COMPARED_FIELDS:
            if name == "body":
                old, new = plain_text(body_html(old)), plain_text(body_html(new))
                change["markup_only"] = old == new
            change["words"] = word_changes(old, new)
        changes.append(change)
    return changes


def as_shown(value):
    """A time as the form shows and saves it, to the second: a save from the form drops the
    microseconds of a time set by the server, which is no change anybody made."""
    return value.replace(microsecond=0) if isinstance(value, datetime) else value


def related_changes(older: Version, newer: Version) -> list[dict]:
    """What was added to and removed from the story's quotes, links, corrections and tags."""
    old_items, new_items = saved_with(older), saved_with(newer)
    changes = []
    for label in dict.fromkeys([*old_items, *new_items]):
        removed = sorted(set(old_items.get(label, [])) - set(new_items.get(label, [])))
        added = sorted(set(new_items.get(label, [])) - set(old_items.get(label, [])))
        if removed or added:
            changes.append({"label": label, "removed": removed, "added": added})
    return changes


def saved_with(version: Version) -> dict[str, list[str]]:
    items: dict[str, list[str]] = {}
    tag_ids = []
    for other in version.revision.version_set.select_related("content_type"):
        model = other.content_type.model
        if model in RELATED_LABELS:
            label, describe = RELATED_LABELS[model]
            items.setdefault(str(label), []).append(describe(other.field_dict))
        elif model == "taggeditem":
            tag_ids.append(other.field_dict["tag_id"])
    if tag_ids:
        names = Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True)
        items[str(_("Tags"))] = list(names)
    return items
