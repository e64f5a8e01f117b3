"""The stored full-text search vector of each story, on PostgreSQL.

Weighted so that headline (A) and quote or speaker (B) matches rank above dek (C) and body (D)
matches. Kept current by the signal handlers (``handlers.py``) whoever writes; readers query it
through ``reader.search``.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

from .models import Quote, Story


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_config() -> str:
    return settings.NEWSROOM_SEARCH_CONFIG


def search_vectors_refresh(story_ids: Iterable[int]) -> None:
    """Recompute the stored search vector of these stories from their text, quotes and speakers.

    Does nothing off PostgreSQL, where search reads the text directly.
    """
    story_ids = list(story_ids)
    if not story_ids or not uses_postgres():
        return
    config = search_config()
    quotes_and_speakers = (
        Quote.objects.filter(story=OuterRef("pk"))
        .values("story")
        .annotate(
            words=StringAgg(
                Concat("text", Value(" "), "speaker__name", output_field=TextField()),
                delimiter="\n",
                order_by=("position", "pk"),
            )
        )
        .values("words")
    )
    Story.objects.filter(pk__in=story_ids).update(
        search_vector=SearchVector("headline", weight="A", config=config)
        + SearchVector(
            Coalesce(Subquery(quotes_and_speakers), Value(""), output_field=TextField()),
            weight="B",
            config=config,
        )
        + SearchVector("dek", weight="C", config=config)
        + SearchVector("body_text", weight="D", config=config)
    )
