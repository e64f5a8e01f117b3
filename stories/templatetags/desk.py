"""``{% load desk %}{% desk_lists user as lists %}``: the desk's work on the admin index."""

from django import template

from ..desk import desk_lists as lists_for

register = template.Library()


@register.simple_tag
def desk_lists(user):
    return lists_for(user) if user.has_perm("stories.view_story") else []
