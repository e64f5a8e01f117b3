"""One vocabulary: tags that differ only by case, spacing or punctuation are the same tag."""

from taggit.models import Tag

NEAR_DUPLICATE = "“{name}” is too close to the existing tag “{existing}”: use that one."


def tag_key(name: str) -> str:
    """A tag name reduced to its letters and digits: “U.S.”, “US” and “u s” share one key."""
    return "".join(character for character in name.casefold() if character.isalnum())


def near_duplicate(name: str, *, exclude_pk: int | None = None) -> Tag | None:
    """The existing tag that ``name`` would repeat under another spelling, if any.

    A name some tag (other than ``exclude_pk``) already has, case aside, is no new spelling:
    it is that tag's.
    """
    key = tag_key(name)
    if not key:
        return None
    others = Tag.objects.exclude(pk=exclude_pk) if exclude_pk is not None else Tag.objects.all()
    wanted = name.strip().casefold()
    duplicate_pk = None
    for pk, other_name in others.values_list("pk", "name").iterator():
        if other_name.casefold() == wanted:
            return None
        if duplicate_pk is None and tag_key(other_name) == key:
            duplicate_pk = pk
    return None if duplicate_pk is None else Tag.objects.get(pk=duplicate_pk)
