"""One vocabulary: tags that differ only by case, spacing or punctuation are the same tag."""

from django.core.exceptions import ValidationError
from taggit.models import Tag

from .models import TagKey
from .text import tag_key

NEAR_DUPLICATE = "“{name}” is too close to the existing tag “{existing}”: use that one."
TOO_LONG = "“{start}…” is longer than a tag may be: {limit} characters at the most."
STRAIGHT_QUOTE = (
    '“{name}”: a tag name cannot contain a straight double quote ("), which the tags field '
    "uses to group words; use curly quotes (“ ”) instead."
)
TAG_NAME_LENGTH = Tag._meta.get_field("name").max_length

__all__ = [
    "NEAR_DUPLICATE",
    "STRAIGHT_QUOTE",
    "TOO_LONG",
    "check_quotable",
    "length_problem",
    "name_problems",
    "near_duplicate",
    "tag_key",
]


def check_quotable(name: str) -> None:
    """Refuse a name the story form's tags field could not give back unchanged."""
    if '"' in name:
        raise ValidationError(STRAIGHT_QUOTE.format(name=name), code="straight_quote")


def length_problem(name: str) -> str | None:
    """Why ``name`` is too long to be a tag, if it is."""
    if len(name) > TAG_NAME_LENGTH:
        return TOO_LONG.format(start=name[:40], limit=TAG_NAME_LENGTH)
    return None


def name_problems(names: list[str]) -> list[str]:
    """Why these tag names, typed on a form, cannot be tags: too long, or a near duplicate."""
    problems = []
    for name in names:
        if (too_long := length_problem(name)) is not None:
            problems.append(too_long)
        elif (existing := near_duplicate(name)) is not None:
            problems.append(NEAR_DUPLICATE.format(name=name, existing=existing.name))
    return problems


def near_duplicate(name: str, *, exclude_pk: int | None = None) -> Tag | None:
    """The existing tag that ``name`` would repeat under another spelling, if any.

    A name some tag (other than ``exclude_pk``) already has, case aside, is no new spelling:
    it is that tag's. One indexed lookup, however many tags there are.
    """
    key = tag_key(name)
    if not key:
        return None
    same_key = TagKey.objects.filter(key=key).exclude(tag_id=exclude_pk).select_related("tag")
    spellings = [found.tag for found in same_key.order_by("tag_id")]
    wanted = name.strip().casefold()
    if any(tag.name.casefold() == wanted for tag in spellings):
        return None
    return spellings[0] if spellings else None
