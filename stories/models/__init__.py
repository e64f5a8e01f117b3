"""The editorial core's models, by subject: stories (story.py), people and their quotes
(people.py), and what the site keeps about tags (tags.py)."""

import reversion
from taggit.models import TaggedItem

from .body_images import BodyImage
from .generation import ContentGeneration
from .people import Person, Quote, public_quote_q
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
    "SlugRedirect",
    "Story",
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
    follow=["quotes", "related_links", "corrections", "tagged_items"],
)
reversion.register(Quote)
reversion.register(RelatedLink)
reversion.register(Correction)
reversion.register(TaggedItem)
