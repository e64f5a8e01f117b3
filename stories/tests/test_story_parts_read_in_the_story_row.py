"""``with_parts()`` reads a story's tags, corrections and inbound links in the story's own
row: what it gives equals what the database holds, typed and ordered as a query would give it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import Correction, RelatedLink, Story

from .helpers import make_link, make_rich_story, make_story

pytestmark = pytest.mark.django_db


def test_tags_corrections_and_inbound_links_equal_the_rows_they_come_from(
    django_assert_num_queries,
):
    story = make_rich_story(quotes=2, tags=6, links=3, corrections=4)
    now = timezone.now()
    for days in (5, 1, 3):
        make_link(make_story(published_at=now - timedelta(days=days)), story)
    make_link(make_story(status=Story.Status.DRAFT), story)
    make_link(make_story(published_at=now + timedelta(days=1)), story)
    Correction.objects.filter(story=story).update(created_at=now - timedelta(hours=2))
    stories = Story.objects.with_parts().filter(pk=story.pk)

    with django_assert_num_queries(3):  # the story, its quotes, its own links
        read = stories.get()
        tags = [(tag.pk, tag.name, tag.slug) for tag in read.tags.all()]
        corrections = list(read.corrections.all())
        inbound = [
            (link.pk, link.story_id, link.story.headline, link.story.published_at, link.position)
            for link in read.inbound_links.all()
        ]

    assert tags == list(story.tags.order_by("name").values_list("pk", "name", "slug"))
    assert [
        (c.pk, c.story_id, c.kind, c.text, c.created_at, c.created_by_id) for c in corrections
    ] == list(
        Correction.objects.filter(story=story)
        .order_by("-created_at", "-id")
        .values_list("pk", "story_id", "kind", "text", "created_at", "created_by")
    )
    assert all(c.created_at.tzinfo is not None for c in corrections)
    assert inbound == list(
        RelatedLink.objects.filter(target=story, story__in=Story.objects.published())
        .order_by("-story__published_at", "-story_id")
        .values_list("pk", "story_id", "story__headline", "story__published_at", "position")
    )
    assert len(inbound) == 6  # three from make_rich_story, three more: no draft, no scheduled


def test_a_story_with_no_parts_reads_empty_lists_and_its_parts_still_save():
    story = make_story(tags=[])
    read = Story.objects.with_parts().get(pk=story.pk)
    assert list(read.tags.all()) == []
    assert list(read.corrections.all()) == []
    assert list(read.inbound_links.all()) == []
    read.tags.add("Budget")
    assert [tag.name for tag in read.tags.all()] == ["Budget"]


def test_the_inbound_story_is_read_without_its_body():
    story = make_story()
    make_link(make_story(body="A long body."), story)
    link = Story.objects.with_parts().get(pk=story.pk).inbound_links.all()[0]
    assert {"body", "body_text"} <= link.story.get_deferred_fields()
    assert link.story.body == "<p>A long body.</p>"  # still there when asked for
