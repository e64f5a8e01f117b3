"""A form that refuses to save over a change made since it was opened, for rows that keep
when and by whom they last changed (``updated_at``, ``updated_by``). Stories keep a version
number instead (stories.editing)."""

from django import forms
from django.db import router, transaction
from django.utils.translation import gettext_lazy as _

CHANGED_SINCE_OPENED = _(
    "This was changed by %(who)s since you opened it. Open it again to see their changes, "
    "then make yours: nothing was saved."
)


class UnchangedSinceOpenedForm(forms.ModelForm):
    opened_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["opened_at"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk or "_saveasnew" in self.data:
            return cleaned
        rows = type(self.instance).objects.filter(pk=self.instance.pk)
        if transaction.get_connection(router.db_for_write(rows.model)).in_atomic_block:
            rows = rows.select_for_update(of=("self",))  # a save at the same moment waits
        stored = rows.values_list("updated_at", "updated_by__username").first()
        if stored and stored[0].isoformat() != self.data.get("opened_at"):
            who = stored[1] or _("another editor")
            raise forms.ValidationError(CHANGED_SINCE_OPENED, params={"who": who}, code="stale")
        return cleaned
