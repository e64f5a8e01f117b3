"""The tag admin's forms: a tag's name, refused when it repeats another tag, and the choice of
the tag that survives a merge."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from ..tag_services import TagNameTaken, tag_name_check

OPEN_EXISTING_TAG = "Open “{name}”"
RENAME_HELP = _("Renaming a tag changes its address; its old address keeps leading to it.")


def name_refusal(error: TagNameTaken) -> forms.ValidationError:
    """The refusal with a link to the tag the name repeats."""
    existing = error.existing
    return forms.ValidationError(
        format_html(
            '{} <a href="{}">{}</a>',
            error.message,
            reverse("admin:taggit_tag_change", args=[existing.pk]),
            OPEN_EXISTING_TAG.format(name=existing.name),
        ),
        code=error.code,
    )


class TagAdminForm(forms.ModelForm):
    """A new tag, or a tag's new name; the admin renames through ``tag_rename``."""

    class Meta:
        model = Tag
        fields = ["name", "slug"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "name" in self.fields:  # a reporter's view has no fields
            self.fields["name"].help_text = RENAME_HELP

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self.instance.pk and name == self.initial.get("name"):
            return name
        try:
            tag_name_check(name=name, tag=self.instance if self.instance.pk else None)
        except TagNameTaken as error:
            raise name_refusal(error) from error
        return name


class TagChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, tag):
        count = ngettext("%(count)d story", "%(count)d stories", tag.story_count) % {
            "count": tag.story_count
        }
        return f"{tag.name} (/tags/{tag.slug}/, {count})"


class MergeTagsForm(forms.Form):
    into = TagChoiceField(
        queryset=Tag.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Keep this tag"),
        help_text=_(
            "The other selected tags are deleted; their stories get this tag, and their "
            "addresses lead to it."
        ),
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = tags
