"""The story form of the admin, which refuses to save over a change it has not seen."""

from django import forms
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from taggit.utils import edit_string_for_tags

from ..editing import is_stale, story_locked
from ..models import Story
from ..tagging import name_problems
from .body_editor import BodyField

CHANGED_MEANWHILE = _(
    "{who} saved this story at {when}, after you opened it. Nothing of yours was saved: your "
    "changes are still in the form. Their version of what differs from yours:"
)
SAVE_AGAIN = _(
    "Check their change, merge what you need, and save again to keep your version over theirs."
)
COMPARED_FIELDS = ["headline", "slug", "dek", "body", "byline", "outlet", "source_url", "status"]


class StoryAdminForm(forms.ModelForm):
    """The admin builds the fields from Story (``ModelAdmin.get_form``); this adds the check."""

    reverting = False  # set by the admin while django-reversion writes an old revision back
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    body = BodyField(
        label=capfirst(Story._meta.get_field("body").verbose_name),
        help_text=Story._meta.get_field("body").help_text,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_version"].initial = self.instance.version
        self.current_version = self.instance.version if self.instance.pk else 0
        self.stored_status = None  # the status in the database when the form is saved
        self.check_version = bool(self.instance.pk)

    def clean_tags(self):
        """A tag may not be too long, nor repeat an existing one under another case or
        punctuation."""
        names = self.cleaned_data["tags"]
        if problems := name_problems(names):
            raise forms.ValidationError(problems)
        return names

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        # Locked until the admin's transaction ends, so no other save can slip in after
        # this check and before this form's story, inlines and tags are written.
        current = story_locked(self.instance.pk)
        self.current_version, self.stored_status = current.version, current.status
        stale = is_stale(current, opened_version=cleaned.get("opened_version"))
        if self.check_version and not self.reverting and stale:
            self.refuse_stale_save(current)
        return cleaned

    def refuse_stale_save(self, current: Story) -> None:
        who = current.updated_by.get_username() if current.updated_by else _("Someone")
        when = date_format(localtime(current.updated_at), "DATETIME_FORMAT")
        differences = [
            (
                capfirst(Story._meta.get_field(name).verbose_name),
                current.body_text if name == "body" else getattr(current, name),
            )
            for name in COMPARED_FIELDS
            if name in self.cleaned_data and self.cleaned_data[name] != getattr(current, name)
        ]
        theirs = list(current.tags.all())
        if "tags" in self.cleaned_data and sorted(self.cleaned_data["tags"]) != sorted(
            tag.name for tag in theirs
        ):
            differences.append((_("Tags"), edit_string_for_tags(theirs)))
        message = format_html(
            "{}<ul>{}</ul>{}",
            CHANGED_MEANWHILE.format(who=who, when=when),
            format_html_join("", "<li><strong>{}</strong>: {}</li>", differences),
            SAVE_AGAIN,
        )
        # The next save from this form is a deliberate choice made after seeing their change.
        self.data = self.data.copy()
        self.data["opened_version"] = current.version
        raise forms.ValidationError(message, code="changed_meanwhile")
