"""A story's lead image as machines read it: social previews, JSON-LD, feeds and sitemaps,
each with absolute addresses of renditions (media.renditions)."""

from collections.abc import Callable

from media.models import Image
from media.renditions import LARGE_WIDTH, largest

AbsoluteUrl = Callable[[str], str]
STRUCTURED_DATA_CROPS = ("16x9", "4x3", "1x1")  # the three ratios Google asks of articles
SITEMAP_WIDTH = 2048


def social_image(image: Image, absolute_url: AbsoluteUrl) -> dict:
    """og:image and twitter:image: the 16:9 crop at least 1,200 px wide where the picture is."""
    rendition = largest(image, "16x9", "jpg", at_most=LARGE_WIDTH)
    return {
        "url": absolute_url(rendition.url),
        "content_type": rendition.format.content_type,
        "width": rendition.width,
        "height": rendition.height,
        "alt": "" if image.is_decorative else image.alt_text,
        "credit": image.credit,
    }


def image_objects(image: Image, absolute_url: AbsoluteUrl) -> list[dict]:
    """schema.org ImageObjects of the picture in 16:9, 4:3 and 1:1, each as wide as it allows
    up to LARGE_WIDTH."""
    objects = []
    for crop in STRUCTURED_DATA_CROPS:
        rendition = largest(image, crop, "jpg", at_most=LARGE_WIDTH)
        data = {
            "@type": "ImageObject",
            "url": absolute_url(rendition.url),
            "contentUrl": absolute_url(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "caption": image.caption,
            "creditText": image.credit,
            "copyrightNotice": image.licence,
        }
        objects.append({key: value for key, value in data.items() if value != ""})
    return objects


def sitemap_image_url(image: Image, absolute_url: AbsoluteUrl) -> str:
    """The picture uncropped, as large as the library serves it, for image search."""
    return absolute_url(largest(image, "original", "jpg", at_most=SITEMAP_WIDTH).url)
