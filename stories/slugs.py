from django.utils.text import slugify


def unique_slug(model, text: str) -> str:
    """A slug for ``text`` that no row of ``model`` has yet: "headline", "headline-2", …"""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)] + suffix
        number += 1
    return slug
