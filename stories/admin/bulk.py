"""The story list's actions on the selected stories: add and remove tags, relate them."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from taggit.utils import parse_tags

from ..bulk import (
    NO_TAGS_CHOSEN,
    check_added_or_removed,
    check_change_all,
    stories_relate,
    stories_tag,
    tag_named,
    tagging_preview,
)
from ..models import Story

PREVIEW_BUTTON = "_preview"
APPLY_BUTTON = "_apply"


def tag_choice(label) -> forms.ModelMultipleChoiceField:
    """Existing tags, chosen with the admin's autocomplete: the story's tags field leads it to
    the tag admin's search."""
    return forms.ModelMultipleChoiceField(
        Tag.objects.all(),
        required=False,
        label=label,
        widget=AutocompleteSelectMultiple(Story._meta.get_field("tags"), admin.site),
    )


class BulkTagForm(forms.Form):
    tags_to_add = tag_choice(_("Tags to add"))
    new_tags = forms.CharField(
        required=False,
        label=_("New tags"),
        help_text=_(
            "Tags to add that do not exist yet, separated by commas. "
            "Example: “City budget, Transit”."
        ),
    )
    tags_to_remove = tag_choice(_("Tags to remove"))

    def clean_new_tags(self) -> list[Tag]:
        try:
            # Ending with a comma, the text splits at commas only: “City hall” is one tag.
            names = parse_tags(self.cleaned_data["new_tags"] + ",")
        except ValueError as error:
            raise ValidationError(str(error)) from error
        tags, errors = [], []
        for name in names:
            try:
                tags.append(tag_named(name))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return tags

    def clean(self):
        cleaned = super().clean()
        add, remove = self.to_add(), list(cleaned.get("tags_to_remove", []))
        if not add and not remove and not self.errors:
            raise ValidationError(NO_TAGS_CHOSEN)
        check_added_or_removed(add=add, remove=remove)
        return cleaned

    def to_add(self) -> list[Tag]:
        return [*self.cleaned_data.get("tags_to_add", []), *self.cleaned_data.get("new_tags", [])]

    def to_remove(self) -> list[Tag]:
        return list(self.cleaned_data["tags_to_remove"])


class BulkActionsMixin:
    bulk_tag_template = "admin/stories/story/bulk_tag.html"

    @admin.action(description=_("Add or remove tags…"), permissions=["change"])
    def tag_stories(self, request, queryset):
        """A page with one form: tags to add and to remove, a preview, then apply."""
        stories = list(queryset)
        if not self.may_change_all(request, stories):
            return None
        submitted = PREVIEW_BUTTON in request.POST or APPLY_BUTTON in request.POST
        form = BulkTagForm(request.POST if submitted else None)
        preview = []
        if form.is_valid() and APPLY_BUTTON in request.POST:
            try:
                report = stories_tag(
                    stories=stories, add=form.to_add(), remove=form.to_remove(), user=request.user
                )
            except PermissionDenied as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                return None
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.log_bulk_change(request, report.stories, "tags")
                level = messages.SUCCESS if report.stories else messages.WARNING
                self.message_user(request, report.message(), level)
                return None
        elif form.is_valid():
            preview = tagging_preview(stories=stories, add=form.to_add(), remove=form.to_remove())
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Add or remove tags"),
            "stories": stories,
            "form": form,
            "preview": preview,
            "action_name": "tag_stories",
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "preview_button": PREVIEW_BUTTON,
            "apply_button": APPLY_BUTTON,
        }
        return TemplateResponse(request, self.bulk_tag_template, context)

    @admin.action(
        description=_("Relate the selected stories to each other"), permissions=["change"]
    )
    def relate_stories(self, request, queryset):
        try:
            report = stories_relate(stories=list(queryset), user=request.user)
        except PermissionDenied as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return
        except ValidationError as refusal:
            self.message_user(request, " ".join(refusal.messages), messages.ERROR)
            return
        self.log_bulk_change(request, report.stories, "related links")
        self.message_user(request, report.message(), messages.SUCCESS)

    def may_change_all(self, request, stories) -> bool:
        try:
            check_change_all(user=request.user, stories=stories)
        except PermissionDenied as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return False
        return True

    def log_bulk_change(self, request, stories, what: str) -> None:
        """One admin log entry per changed story, written in one query."""
        if stories:
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=stories,
                action_flag=CHANGE,
                change_message=[{"changed": {"fields": [what]}}],
            )
