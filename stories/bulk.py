"""Changes to many stories at once, chosen in the admin's story list: tags added and removed,
the stories related to each other.

Each is one transaction that changes all the selected stories or none. Every story it changes
goes up a version, so that a story form opened before cannot save over the change, and is
recorded in the action's one revision, with the user and what changed.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils.translation import ngettext
from taggit.models import Tag, TaggedItem

from .counts import counts_paused, tags_recount
from .editing import stories_locked, versions_raise
from .models import Quote, RelatedLink, Story, StoryAuthor
from .tagging import NEAR_DUPLICATE, check_quotable, near_duplicate
from .text import bidi_isolated, headline_key
from .workflow import CANNOT_CHANGE, can_change

REFUSED = "Nothing was changed: you may not change {headlines}. {reason}"
FEW_TO_RELATE = "Select at least two stories to relate them to each other."
NO_TAGS_CHOSEN = "Choose tags to add or tags to remove."
ADDED_AND_REMOVED = "A tag cannot be both added and removed: {names}."
NO_TAG_CHANGE = (
    "Nothing was changed: the selected stories already had the tags to add and none of the "
    "tags to remove."
)
TAGGED = "Tags changed on {stories}: {effects}."
TAGS_ADDED = "Tags added: {names}."
TAGS_REMOVED = "Tags removed: {names}."
RELATED = "Related to each other: {headlines}."

# What django-reversion follows from a story (see models/__init__.py) and what it names each
# of them with (a quote's speaker; a tagged item's tag and story), prefetched, so that recording
# many stories costs no query per story.
REVISION_PREFETCH = [
    Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
    "related_links",
    "corrections",
    Prefetch("story_authors", queryset=StoryAuthor.objects.select_related("author")),
    Prefetch("tagged_items", queryset=TaggedItem.objects.select_related("tag")),
    "tagged_items__content_object",
]


def quoted(names: Iterable[str]) -> str:
    return ", ".join(f"“{bidi_isolated(name)}”" for name in names)


def stories_count(count: int, selected: int | None = None) -> str:
    """Says "3 stories", or "3 of 5 stories" when that is not all the selected ones."""
    if selected is None or count == selected:
        return ngettext("%(count)d story", "%(count)d stories", count) % {"count": count}
    return ngettext(
        "%(count)d of %(selected)d story", "%(count)d of %(selected)d stories", selected
    ) % {"count": count, "selected": selected}


def check_change_all(*, user, stories: Iterable[Story]) -> None:
    """Refuse the whole change, naming them, if ``user`` may not change some of ``stories``."""
    refused = [story.headline for story in stories if not can_change(user, story)]
    if refused:
        raise PermissionDenied(REFUSED.format(headlines=quoted(refused), reason=CANNOT_CHANGE))


def stories_record(*, story_ids: Iterable[int], comment: str, user) -> list[Story]:
    """Move the stories on a version and record them in one revision, with the user.

    In the admin this revision is the one django-reversion's VersionAdmin opens for the whole
    request, which nested revisions would join anyway.
    """
    story_ids = set(story_ids)
    versions_raise(story_ids=story_ids, user=user)
    stories = list(Story.objects.filter(pk__in=story_ids).prefetch_related(*REVISION_PREFETCH))
    if stories:
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(comment)
            for story in stories:
                reversion.add_to_revision(story)
    return stories


# Tags


def tag_named(name: str) -> Tag:
    """The tag called ``name``, case aside, or a new, unsaved one; a name that repeats an
    existing tag under another spelling is refused."""
    name = name.strip()
    existing = Tag.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    check_quotable(name)
    duplicate = near_duplicate(name)
    if duplicate is not None:
        raise ValidationError(NEAR_DUPLICATE.format(name=name, existing=duplicate.name))
    tag = Tag(name=name)
    tag.full_clean(exclude=["slug"], validate_unique=False)
    return tag


def tags_resolve(tags: Iterable[Tag | str]) -> list[Tag]:
    """Tags given as tags or names, once each; a name no tag has yet gives an unsaved tag."""
    resolved = [tag if isinstance(tag, Tag) and tag.pk else tag_named(str(tag)) for tag in tags]
    return list({tag.name.casefold(): tag for tag in resolved}.values())


@dataclass(frozen=True)
class TagEffect:
    """What adding or removing one tag does to the selected stories."""

    tag: Tag
    adding: bool
    story_ids: frozenset[int]  # the stories it changes
    selected: int

    @property
    def unchanged(self) -> int:
        return self.selected - len(self.story_ids)

    def preview(self) -> str:
        count = stories_count(len(self.story_ids), self.selected)
        if self.adding:
            sentence = f"“{self.tag.name}” will be added to {count}"
            rest = ngettext("%d has it already", "%d have it already", self.unchanged)
        else:
            sentence = f"“{self.tag.name}” will be removed from {count}"
            rest = ngettext("%d does not have it", "%d do not have it", self.unchanged)
        if self.unchanged:
            sentence += "; " + rest % self.unchanged
        return sentence + "."

    def done(self) -> str:
        verb = "added to" if self.adding else "removed from"
        return f"“{self.tag.name}” {verb} {len(self.story_ids)}"


@dataclass(frozen=True)
class TaggingReport:
    effects: list[TagEffect]
    stories: list[Story]  # the stories that changed
    selected: int

    @property
    def tags_added(self) -> int:
        return sum(len(effect.story_ids) for effect in self.effects if effect.adding)

    @property
    def tags_removed(self) -> int:
        return sum(len(effect.story_ids) for effect in self.effects if not effect.adding)

    def message(self) -> str:
        if not self.stories:
            return NO_TAG_CHANGE
        effects = "; ".join(effect.done() for effect in self.effects if effect.story_ids)
        return TAGGED.format(
            stories=stories_count(len(self.stories), self.selected), effects=effects
        )


def check_added_or_removed(*, add: Iterable[Tag], remove: Iterable[Tag]) -> None:
    both = {tag.name.casefold() for tag in add} & {tag.name.casefold() for tag in remove}
    if both:
        names = quoted(tag.name for tag in remove if tag.name.casefold() in both)
        raise ValidationError(ADDED_AND_REMOVED.format(names=names))


def tagging_effects(
    *, stories: Sequence[Story], add: Sequence[Tag], remove: Sequence[Tag]
) -> list[TagEffect]:
    """Which of ``stories`` each tag to add lacks and each tag to remove is on."""
    story_ids = {story.pk for story in stories}
    have = set(
        TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Story),
            object_id__in=story_ids,
            tag__in=[tag for tag in [*add, *remove] if tag.pk],
        ).values_list("tag_id", "object_id")
    )
    return [
        *(
            TagEffect(
                tag=tag,
                adding=True,
                story_ids=frozenset(pk for pk in story_ids if (tag.pk, pk) not in have),
                selected=len(story_ids),
            )
            for tag in add
        ),
        *(
            TagEffect(
                tag=tag,
                adding=False,
                story_ids=frozenset(pk for pk in story_ids if (tag.pk, pk) in have),
                selected=len(story_ids),
            )
            for tag in remove
        ),
    ]


def tagging_preview(
    *, stories: Sequence[Story], add: Iterable[Tag | str], remove: Iterable[Tag | str]
) -> list[TagEffect]:
    """What ``stories_tag`` would do, changing nothing."""
    return tagging_effects(stories=stories, add=tags_resolve(add), remove=tags_resolve(remove))


def stories_tag(
    *, stories: Iterable[Story], add: Iterable[Tag | str], remove: Iterable[Tag | str], user
) -> TaggingReport:
    """Add the tags ``add`` to, and remove the tags ``remove`` from, each of ``stories`` that
    lacks or has them. A tag given by a name no tag has yet is created."""
    with transaction.atomic():
        stories = stories_locked(stories)
        check_change_all(user=user, stories=stories)
        add, remove = tags_resolve(add), [tag for tag in tags_resolve(remove) if tag.pk]
        check_added_or_removed(add=add, remove=remove)
        for tag in add:
            if tag.pk is None:
                tag.save()
        effects = tagging_effects(stories=stories, add=add, remove=remove)
        with counts_paused():
            content_type = ContentType.objects.get_for_model(Story)
            TaggedItem.objects.bulk_create(
                TaggedItem(content_type=content_type, object_id=story_id, tag=effect.tag)
                for effect in effects
                if effect.adding
                for story_id in effect.story_ids
            )
            for effect in effects:
                if not effect.adding and effect.story_ids:
                    TaggedItem.objects.filter(
                        content_type=content_type, object_id__in=effect.story_ids, tag=effect.tag
                    ).delete()
        tags_recount(effect.tag.pk for effect in effects)
        changed = stories_record(
            story_ids=set().union(*(effect.story_ids for effect in effects)),
            comment=tagging_comment(effects),
            user=user,
        )
    return TaggingReport(effects=effects, stories=changed, selected=len(stories))


def tagging_comment(effects: Iterable[TagEffect]) -> str:
    """The revision's comment: "Tags added: Budget. Tags removed: Draft."."""
    added = [effect.tag.name for effect in effects if effect.adding and effect.story_ids]
    removed = [effect.tag.name for effect in effects if not effect.adding and effect.story_ids]
    parts = [
        *([TAGS_ADDED.format(names=", ".join(added))] if added else []),
        *([TAGS_REMOVED.format(names=", ".join(removed))] if removed else []),
    ]
    return " ".join(parts)


# Related stories


@dataclass(frozen=True)
class RelatingReport:
    pairs_linked: int  # pairs that lacked a link in at least one direction
    pairs_already_linked: int
    stories: list[Story]  # the stories that got a link

    def message(self) -> str:
        linked = ngettext("Linked %d pair", "Linked %d pairs", self.pairs_linked)
        already = ngettext(
            "%d was already linked", "%d were already linked", self.pairs_already_linked
        )
        return f"{linked % self.pairs_linked}; {already % self.pairs_already_linked}."


def stories_relate(*, stories: Iterable[Story], user) -> RelatingReport:
    """Link every two of ``stories`` both ways, after each story's existing links, adding only
    the links that are missing."""
    with transaction.atomic():
        stories = stories_locked(stories)
        if len(stories) < 2:
            raise ValidationError(FEW_TO_RELATE)
        check_change_all(user=user, stories=stories)
        story_ids = [story.pk for story in stories]
        linked = set(
            RelatedLink.objects.filter(story__in=story_ids, target__in=story_ids).values_list(
                "story_id", "target_id"
            )
        )
        last_positions = dict(
            RelatedLink.objects.filter(story__in=story_ids)
            .order_by()
            .values("story")
            .annotate(last=Max("position"))
            .values_list("story", "last")
        )
        links = []
        for story in stories:
            position = last_positions.get(story.pk, -1)
            for target in stories:
                if target.pk != story.pk and (story.pk, target.pk) not in linked:
                    position += 1
                    links.append(link_to(story, target, position=position))
        RelatedLink.objects.bulk_create(links)
        changed = stories_record(
            story_ids={link.story_id for link in links},
            comment=RELATED.format(headlines=quoted(story.headline for story in stories)),
            user=user,
        )
    pairs = len(stories) * (len(stories) - 1) // 2
    already = sum(1 for a, b in linked if a < b and (b, a) in linked)
    return RelatingReport(
        pairs_linked=pairs - already,
        pairs_already_linked=already,
        stories=changed,
    )


def link_to(story: Story, target: Story, *, position: int) -> RelatedLink:
    # bulk_create skips RelatedLink.save(), which sets the title key.
    return RelatedLink(
        story=story,
        target=target,
        title=target.headline,
        title_key=headline_key(target.headline),
        position=position,
    )
