from django import template

from reader.search import marked_html

register = template.Library()


@register.filter
def marked(text: str):
    """Search-result text with its matches as <mark> elements, everything else escaped."""
    return marked_html(text)
