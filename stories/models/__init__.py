"""The editorial core's models, by subject: stories (story.py), people and their quotes
(people.py), their authors (bylines.py), sections (sections.py), the pages besides stories
(site_pages.py), and what the site keeps about tags (tags.py)."""

import reversion
from taggit.models import TaggedItem

from .body_images import BodyImage
from .bylines import StoryAuthor
from .generation import ContentGeneration
from .people import Person, Quote, public_quote_q
from .sections import Section
from .site_pages import SitePage
from .story import (
    Correction,
    RelatedLink,
    SlugRedirect,
    Story,
    is_published_expression,
    published_q,
    scheduled_q,
)
from .tags import (
    TagChange,
    TagCount,
    TagKey,
    TagProfile,
    TagRedirect,
    featured_tags,
    published_tags,
)

__all__ = [
    "BodyImage",
    "ContentGeneration",
    "Correction",
    "Person",
    "Quote",
    "RelatedLink",
    "Section",
    "SitePage",
    "SlugRedirect",
    "Story",
    "StoryAuthor",
    "TagChange",
    "TagCount",
    "TagKey",
    "TagProfile",
    "TagRedirect",
    "featured_tags",
    "is_published_expression",
    "published_q",
    "published_tags",
    "public_quote_q",
    "scheduled_q",
]

# Each save of a story keeps one revision of it with its quotes, links, corrections and tags.
reversion.register(
    Story,
    exclude=["search_vector", "is_counted", "body_text"],
    follow=["quotes", "related_links", "corrections", "tagged_items", "story_authors"],
)
reversion.register(Quote, exclude=["words", "words_key", "words_head", "words_tail"])
reversion.register(RelatedLink)
reversion.register(Correction)
reversion.register(StoryAuthor)
reversion.register(Section)
reversion.register(SitePage)
reversion.register(TaggedItem)
