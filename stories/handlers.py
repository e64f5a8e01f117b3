"""Keeping derived data current whoever writes: the admin, the importer, a revert, loaddata.

Connected in StoriesConfig.ready().
"""

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag

from .models import Person, Quote, Story, TagKey
from .search_vectors import search_vectors_refresh


def story_saved(sender, instance, **kwargs):
    search_vectors_refresh([instance.pk])


def quote_changed(sender, instance, **kwargs):
    search_vectors_refresh([instance.story_id])


def person_saved(sender, instance, created, **kwargs):
    if not created:
        story_ids = Quote.objects.filter(speaker=instance).values_list("story_id", flat=True)
        search_vectors_refresh(set(story_ids))


def tag_saved(sender, instance, created, **kwargs):
    TagKey.keep(instance, created=created)


def connect():
    post_save.connect(story_saved, sender=Story, dispatch_uid="story_search_vector")
    post_save.connect(quote_changed, sender=Quote, dispatch_uid="quote_saved_search_vector")
    post_delete.connect(quote_changed, sender=Quote, dispatch_uid="quote_deleted_search_vector")
    post_save.connect(person_saved, sender=Person, dispatch_uid="person_search_vector")
    post_save.connect(tag_saved, sender=Tag, dispatch_uid="tag_key")
