"""{{ text|isolated }}: user text kept from reordering what is shown around it (see
stories.text.bidi_isolated). A builtin of every template (settings.TEMPLATES)."""

from django import template

from stories.text import bidi_isolated

register = template.Library()


@register.filter(is_safe=True)
def isolated(text) -> str:
    return bidi_isolated(text)
