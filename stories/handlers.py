"""Keeping derived data current whoever writes: the admin, the importer, a revert, loaddata.

Connected in StoriesConfig.ready().
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from taggit.models import Tag, TaggedItem

from media.models import Image

from .body_html import body_image_ids
from .counts import (
    NEXT_PUBLICATION,
    QuoteAsCounted,
    counting_each_change,
    quote_counts_move,
    story_counts_leave,
    story_counts_sync,
    tag_counts_add,
)
from .freshness import content_changed
from .models import BodyImage, Person, Quote, Story, TagKey
from .quote_integrity import check_later
from .search_vectors import search_vectors_refresh


def story_is_counted_keep(sender, instance, **kwargs):
    """Only stories.counts moves a story in or out of the counts: a save, a revert or a
    fixture keeps what is stored."""
    if instance.pk is not None:
        stored = Story.objects.filter(pk=instance.pk).values_list("is_counted", flat=True)
        instance.is_counted = stored.first() or False


def story_body_derive(sender, instance, raw=False, **kwargs):
    """A story loaded from a fixture or a revision, which skip Story.save(), has its body
    sanitized and its plain text derived all the same."""
    if raw:
        instance.body_derive()


def body_images_keep(story: Story) -> None:
    """The library images the body holds, as BodyImage rows (a number no image has is left
    out: the body keeps it, readers see nothing for it)."""
    held = body_image_ids(story.body)
    existing = (
        set(Image.objects.filter(pk__in=held).values_list("pk", flat=True)) if held else set()
    )
    BodyImage.objects.filter(story=story).exclude(image_id__in=existing).delete()
    if existing:
        BodyImage.objects.bulk_create(
            [BodyImage(story=story, image_id=image_id) for image_id in sorted(existing)],
            ignore_conflicts=True,
        )


def story_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    search_vectors_refresh([instance.pk])
    if update_fields is None or "body" in update_fields:  # a status change leaves the body
        body_images_keep(instance)
    moved = Quote.objects.filter(story=instance).exclude(story_published_at=instance.published_at)
    moved.update(story_published_at=instance.published_at)
    if not raw:
        story_counts_sync(instance.pk)
    check_later(story_ids=[instance.pk])  # its quotes' first appearances may move
    NEXT_PUBLICATION.changed()


def story_deleted(sender, instance, **kwargs):
    story_counts_leave(instance.pk)


def quote_changed(sender, instance, **kwargs):
    search_vectors_refresh([instance.story_id])
    check_later(keys=[instance.words_key, getattr(instance, "words_key_stored", "")])


def quote_stored_remember(sender, instance, **kwargs):
    """What of the quote as stored the save changes: whom it counts for, and its words."""
    fields = ("story", "speaker", "is_fragment", "words_key")
    rows = Quote.objects.filter(pk=instance.pk) if instance.pk is not None else Quote.objects.none()
    stored = rows.values_list(*fields).first()
    instance.as_counted_stored = QuoteAsCounted(*stored[:3]) if stored else None
    instance.words_key_stored = stored[3] if stored else ""


def quote_loaded(sender, instance, raw=False, **kwargs):
    """A quote loaded from a fixture or a revision, which skip Quote.save(), takes its story's
    publication time."""
    if raw:
        published_at = Story.objects.filter(pk=OuterRef("story_id")).values("published_at")
        kept = instance.words_keep()
        Quote.objects.filter(pk=instance.pk).update(
            story_published_at=Subquery(published_at), **kept._asdict()
        )


def quote_saved_counts(sender, instance, **kwargs):
    quote_counts_move(getattr(instance, "as_counted_stored", None), QuoteAsCounted.of(instance))


def quote_deleted_counts(sender, instance, **kwargs):
    quote_counts_move(QuoteAsCounted.of(instance), None)


def tagged_item_saved(sender, instance, created, **kwargs):
    if created:
        counted_story_tagged(instance, 1)


def tagged_item_deleted(sender, instance, **kwargs):
    counted_story_tagged(instance, -1)


def counted_story_tagged(item: TaggedItem, delta: int) -> None:
    """A tag put on (1) or taken off (-1) a story in the counts changes the tag's count."""
    if not counting_each_change():
        return
    if item.content_type_id != ContentType.objects.get_for_model(Story).pk:
        return
    if Story.objects.filter(pk=item.object_id, is_counted=True).exists():
        tag_counts_add([item.tag_id], delta)


def person_saved(sender, instance, created, **kwargs):
    if not created:
        story_ids = Quote.objects.filter(speaker=instance).values_list("story_id", flat=True)
        search_vectors_refresh(set(story_ids))


def tag_saved(sender, instance, created, **kwargs):
    TagKey.keep(instance, created=created)


PUBLIC_APPS = {"stories", "taggit", "packages", "authors", "fronts"}
NOT_SHOWN = {"contentgeneration", "tagchange", "tagkey"}


def public_content_changed(sender, **kwargs):
    """Whatever readers may see changed: pages cached under the old generation are past."""
    if sender._meta.app_label in PUBLIC_APPS and sender._meta.model_name not in NOT_SHOWN:
        content_changed()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(public_content_changed, dispatch_uid=f"public_content_{signal}")
    pre_save.connect(story_is_counted_keep, sender=Story, dispatch_uid="story_is_counted")
    pre_save.connect(story_body_derive, sender=Story, dispatch_uid="story_body_derive")
    post_save.connect(story_saved, sender=Story, dispatch_uid="story_search_vector")
    pre_delete.connect(story_deleted, sender=Story, dispatch_uid="story_deleted_counts")
    pre_save.connect(quote_stored_remember, sender=Quote, dispatch_uid="quote_stored")
    post_save.connect(quote_saved_counts, sender=Quote, dispatch_uid="quote_saved_counts")
    post_save.connect(quote_loaded, sender=Quote, dispatch_uid="quote_loaded_story_time")
    post_delete.connect(quote_deleted_counts, sender=Quote, dispatch_uid="quote_deleted_counts")
    post_save.connect(tagged_item_saved, sender=TaggedItem, dispatch_uid="tagged_item_counts")
    post_delete.connect(tagged_item_deleted, sender=TaggedItem, dispatch_uid="untagged_counts")
    post_save.connect(quote_changed, sender=Quote, dispatch_uid="quote_saved_search_vector")
    post_delete.connect(quote_changed, sender=Quote, dispatch_uid="quote_deleted_search_vector")
    post_save.connect(person_saved, sender=Person, dispatch_uid="person_search_vector")
    post_save.connect(tag_saved, sender=Tag, dispatch_uid="tag_key")
