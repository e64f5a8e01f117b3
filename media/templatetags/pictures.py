"""{% picture image crop sizes %}: a responsive <picture> of a library image, one <source> per
modern format and a JPEG <img> with its width, height and alt text."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..renditions import largest, rendition_set

register = template.Library()

FALLBACK_WIDTH = 960


@register.simple_tag
def picture(image, crop="original", sizes="100vw", loading="lazy", css_class=""):
    if image is None:
        return ""
    renditions = rendition_set(image, crop)
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        (
            (widths[0].format.content_type, srcset(widths), sizes)
            for extension, widths in renditions.items()
            if extension != "jpg"
        ),
    )
    fallback = largest(image, crop, "jpg", at_most=FALLBACK_WIDTH)
    priority = mark_safe(' fetchpriority="high"') if loading == "eager" else ""
    return format_html(
        '<picture{}>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'loading="{}" decoding="async"{}></picture>',
        format_html(' class="{}"', css_class) if css_class else "",
        sources,
        fallback.url,
        srcset(renditions["jpg"]),
        sizes,
        fallback.width,
        fallback.height,
        "" if image.is_decorative else image.alt_text,
        loading,
        priority,
    )


def srcset(renditions) -> str:
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)
