"""One vocabulary: tags that differ only by case, spacing or punctuation are the same tag."""

from taggit.models import Tag

NEAR_DUPLICATE = "“{name}” is too close to the existing tag “{existing}”: use that one."


def tag_key(name: str) -> str:
    """A tag name reduced to its letters and digits: “U.S.”, “US” and “u s” share one key."""
    return "".join(character for character in name.casefold() if character.isalnum())


def near_duplicate(name: str, *, exclude_pk: int | None = None) -> Tag | None:
    """The existing tag that ``name`` would repeat under another spelling, if any.

    A tag with the same name, case aside, is not a near duplicate: it is the tag itself.
    """
    key = tag_key(name)
    if not key:
        return None
    others = Tag.objects.exclude(name__iexact=name.strip())
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    for pk, other_name in others.values_list("pk", "name").iterator():
        if tag_key(other_name) == key:
            return Tag.objects.get(pk=pk)
    return None
