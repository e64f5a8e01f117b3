"""The editing desk: stories with their quotes, links and corrections; people; quotes; tags."""

from . import audit, people, story, tag_changes, tags

__all__ = ["audit", "people", "story", "tag_changes", "tags"]
