"""Merging and renaming tags: stories keep their tags, old addresses keep answering, and each
change is recorded with its user.

Only users who may change tags (taggit's ``change_tag``: editors) merge and rename.
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, Min, OuterRef, Q
from taggit.models import Tag, TaggedItem

from .counts import counts_paused, tags_recount
from .editing import versions_raise
from .models import Story, TagChange, TagRedirect
from .tagging import NEAR_DUPLICATE, check_quotable, near_duplicate

CHANGE_TAG_PERMISSION = "taggit.change_tag"

CANNOT_CHANGE_TAGS = "Only an editor can merge or rename tags."
NAME_REQUIRED = "A tag name needs at least one letter or digit."
NAME_TAKEN = "“{name}” is taken by the tag “{existing}”: merge into that tag instead."
NAME_UNCHANGED = "“{name}” is already this tag's name."
MERGE_NEEDS_ANOTHER_TAG = "Choose at least one other tag to merge into “{into}”."
TAGS_CHANGED_MEANWHILE = "Some of these tags were merged or deleted meanwhile: reload the list."


class TagNameTaken(ValidationError):
    """A name another tag already has, or nearly has; ``existing`` is that tag."""

    def __init__(self, message: str, *, existing: Tag):
        super().__init__(message, code="tag_name_taken")
        self.existing = existing


def tag_name_check(*, name: str, tag: Tag | None = None) -> str:
    """The slug for ``name``, refusing a name or slug another tag has, or a near duplicate of
    another tag's name. ``tag`` is the tag being named, None for a new one."""
    slug = Tag().slugify(name)
    if not slug:
        raise ValidationError(NAME_REQUIRED, code="name_required")
    check_quotable(name)
    others = Tag.objects.exclude(pk=tag.pk) if tag is not None else Tag.objects.all()
    existing = others.filter(Q(name__iexact=name) | Q(slug=slug)).first()
    if existing is not None:
        raise TagNameTaken(NAME_TAKEN.format(name=name, existing=existing.name), existing=existing)
    existing = near_duplicate(name, exclude_pk=tag.pk if tag is not None else None)
    if existing is not None:
        raise TagNameTaken(
            NEAR_DUPLICATE.format(name=name, existing=existing.name), existing=existing
        )
    return slug


def tag_rename(*, tag: Tag, name: str, user) -> TagChange:
    """Give ``tag`` a new name and the slug made from it; its old address leads to it."""
    check_may_change_tags(user)
    name = name.strip()
    with transaction.atomic():
        stored = Tag.objects.select_for_update().get(pk=tag.pk)
        if name == stored.name:
            raise ValidationError(NAME_UNCHANGED.format(name=name), code="name_unchanged")
        slug = tag_name_check(name=name, tag=stored)
        tag.name, tag.slug = name, slug
        tag.full_clean()
        tag.save()
        if stored.slug != slug:
            TagRedirect.objects.update_or_create(old_slug=stored.slug, defaults={"tag": tag})
        TagRedirect.objects.filter(old_slug=slug).delete()
        tagged_stories_changed(tags=[tag], user=user)
        return TagChange.objects.create(
            kind=TagChange.Kind.RENAME,
            tag=tag,
            old_names=stored.name,
            old_slugs=stored.slug,
            new_name=tag.name,
            new_slug=tag.slug,
            created_by=user,
        )


def tags_merge(*, tags: Iterable[Tag], into: Tag, user) -> TagChange:
    """Merge ``tags`` into ``into``: everything tagged with one of them is tagged with ``into``
    exactly once, the merged tags are deleted, and their addresses lead to ``into``."""
    check_may_change_tags(user)
    merged_ids = {tag.pk for tag in tags} - {into.pk}
    if not merged_ids:
        raise ValidationError(
            MERGE_NEEDS_ANOTHER_TAG.format(into=into.name), code="merge_needs_another_tag"
        )
    with transaction.atomic():
        locked = Tag.objects.select_for_update().filter(pk__in=[*merged_ids, into.pk])
        found = {tag.pk: tag for tag in locked.order_by("name")}
        if len(found) != len(merged_ids) + 1:
            raise ValidationError(TAGS_CHANGED_MEANWHILE, code="tags_changed_meanwhile")
        merged = [tag for pk, tag in found.items() if pk != into.pk]
        tagged_stories_changed(tags=merged, user=user)
        items_retag(merged_ids=merged_ids, into=into)
        redirects_move(merged=merged, into=into)
        Tag.objects.filter(pk__in=merged_ids).delete()
        return TagChange.objects.create(
            kind=TagChange.Kind.MERGE,
            tag=into,
            old_names="\n".join(tag.name for tag in merged),
            old_slugs="\n".join(tag.slug for tag in merged),
            new_name=into.name,
            new_slug=into.slug,
            created_by=user,
        )


def check_may_change_tags(user) -> None:
    if not user.has_perm(CHANGE_TAG_PERMISSION):
        raise PermissionDenied(CANNOT_CHANGE_TAGS)


def items_retag(*, merged_ids: set[int], into: Tag) -> None:
    """Point the merged tags' tagged items at ``into``, one per tagged object."""
    merged_items = TaggedItem.objects.filter(tag_id__in=merged_ids)
    has_into = TaggedItem.objects.filter(
        tag=into, content_type=OuterRef("content_type"), object_id=OuterRef("object_id")
    )
    with counts_paused():
        merged_items.filter(Exists(has_into)).delete()
        one_per_object = (
            merged_items.values("content_type", "object_id")
            .annotate(first=Min("pk"))
            .values("first")
        )
        TaggedItem.objects.filter(pk__in=one_per_object).update(tag=into)
        merged_items.delete()
    tags_recount([into.pk])


def redirects_move(*, merged: list[Tag], into: Tag) -> None:
    """The merged tags' addresses, and those that led to them, now lead to ``into``."""
    TagRedirect.objects.filter(tag__in=merged).update(tag=into)
    old_slugs = [tag.slug for tag in merged]
    TagRedirect.objects.filter(old_slug__in=old_slugs).delete()
    TagRedirect.objects.bulk_create([TagRedirect(old_slug=slug, tag=into) for slug in old_slugs])


def tagged_stories_changed(*, tags: list[Tag], user) -> None:
    """The stories tagged with ``tags`` change version, so that a story form opened before the
    change cannot save the old tags back over it."""
    tagged = TaggedItem.objects.filter(
        tag__in=tags, content_type=ContentType.objects.get_for_model(Story)
    ).values("object_id")
    versions_raise(story_ids=tagged, user=user)
