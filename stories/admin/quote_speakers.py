"""A quote row may name a speaker the site does not know yet: typed in "New speaker", the
person is created when the story is saved (one with that name already is chosen instead), so
a reporter never leaves the story form for a popup window."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Person
from ..slugs import unique_slug
from .autocomplete import PreloadedChoicesForm

NO_SPEAKER = _("Choose the speaker, or type the name of a new one.")
BOTH_SPEAKERS = _("Choose a speaker or type a new one, not both.")


class QuoteForm(PreloadedChoicesForm):
    new_speaker = forms.CharField(
        label=_("New speaker"),
        max_length=Person._meta.get_field("name").max_length,
        required=False,
        help_text=_("Someone not yet among the people: created when the story is saved."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "speaker" in self.fields:
            self.fields["speaker"].required = False
        self.speaker_to_create = ""

    def clean(self):
        cleaned = super().clean()
        if "speaker" not in self.fields or cleaned.get("DELETE"):
            return cleaned
        name = " ".join(cleaned.get("new_speaker", "").split())
        if cleaned.get("speaker") and name:
            raise forms.ValidationError(BOTH_SPEAKERS, code="both_speakers")
        if name:
            existing = Person.objects.filter(name__iexact=name).order_by("pk").first()
            if existing is not None:
                cleaned["speaker"] = self.instance.speaker = existing
            else:
                self.speaker_to_create = name
        elif not cleaned.get("speaker") and self.has_changed():
            self.add_error("speaker", forms.ValidationError(NO_SPEAKER, code="required"))
        return cleaned

    def save(self, commit=True):
        if self.speaker_to_create and self.instance.speaker_id is None:
            name = self.speaker_to_create
            self.instance.speaker = Person.objects.create(name=name, slug=unique_slug(Person, name))
        return super().save(commit)
