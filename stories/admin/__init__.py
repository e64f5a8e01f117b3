"""The editing desk: stories with their quotes, links and corrections; people; quotes; tags."""

from . import people, story, tags

__all__ = ["people", "story", "tags"]
