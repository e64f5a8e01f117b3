"""Autocomplete choosers on inline rows that show the chosen object from the row's own
instance: Django's widget looks it up again for every row, so a story's change form would
read one person per quote and one story per related link."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """Shows ``known``, when it is the chosen object, without a query."""

    known = None

    def optgroups(self, name, value, attr=None):
        chosen = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if self.known is None or chosen != {str(self.known.pk)}:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(self.known)
        options.append(self.create_option(name, self.known.pk, label, chosen, len(options)))
        return [(None, options, 0)]


class PreloadedChoicesForm(forms.ModelForm):
    """Gives each preloaded chooser the related object its instance already holds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the "+" wrapper
            if not isinstance(widget, PreloadedAutocompleteSelect):
                continue
            if self._meta.model._meta.get_field(name).is_cached(self.instance):
                widget.known = getattr(self.instance, name)


class PreloadedChoicesInlineMixin:
    """An inline whose autocomplete fields show their rows' chosen objects without a query
    each; ``get_queryset`` must select them related."""

    form = PreloadedChoicesForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                PreloadedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
