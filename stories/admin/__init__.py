"""The editing desk: stories with their authors, quotes, links and corrections; sections;
people; quotes; tags."""

from . import audit, people, sections, site_pages, story, tag_changes, tags

__all__ = ["audit", "people", "sections", "site_pages", "story", "tag_changes", "tags"]
