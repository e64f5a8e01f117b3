"""Suggested related stories: published stories that share tags or speakers with a story."""

from django.db.models import Count, F, Q

from .models import Story

SUGGESTION_LIMIT = 5
SPEAKER_WEIGHT = 2  # a person quoted in both stories ties them closer than a shared topic


def suggested_stories(story: Story, *, limit: int = SUGGESTION_LIMIT) -> list[Story]:
    """Up to ``limit`` published stories ranked by shared speakers and tags, newest first on a
    tie, leaving out the story and those already related to it either way. One query.

    Reads the story's tags, quotes and links from its prefetch cache when it has one.
    """
    tag_ids = {tag.pk for tag in story.tags.all()}
    speaker_ids = {quote.speaker_id for quote in story.quotes.all() if not quote.is_fragment}
    if not tag_ids and not speaker_ids:
        return []
    related_ids = {link.target_id for link in story.related_links.all() if link.target_id}
    related_ids |= {link.story_id for link in story.inbound_links.all()}
    shares_a_tag = Q(tagged_items__tag__in=tag_ids)
    quotes_a_speaker = Q(quotes__speaker__in=speaker_ids, quotes__is_fragment=False)
    candidates = (
        Story.objects.published()
        .filter(shares_a_tag | quotes_a_speaker)
        .exclude(pk__in={story.pk, *related_ids})
        .annotate(
            shared_tags=Count("tagged_items__tag", filter=shares_a_tag, distinct=True),
            shared_speakers=Count("quotes__speaker", filter=quotes_a_speaker, distinct=True),
        )
        .annotate(score=F("shared_tags") + SPEAKER_WEIGHT * F("shared_speakers"))
        .order_by("-score", "-published_at", "-id")
    )
    return list(candidates[:limit])
