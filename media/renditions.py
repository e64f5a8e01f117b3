"""Renditions: an image cut to an aspect ratio around its focal point and scaled to a width,
in a format. Each has a name fixed by the image's version, so it is generated once, stored
through Django's storage API, and cached by readers and CDNs for ever."""

import functools
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PillowImage
from PIL import features

from .models import Image

CROPS = {"original": None, "16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1.0}
WIDTHS = (320, 640, 960, 1280, 1600, 2048)
LARGE_WIDTH = 1280  # what search engines and social previews ask for: at least 1200 px wide


@dataclass(frozen=True)
class Format:
    extension: str
    pillow_name: str
    content_type: str
    options: dict


JPEG = Format("jpg", "JPEG", "image/jpeg", {"quality": 82, "progressive": True, "optimize": True})
WEBP = Format("webp", "WEBP", "image/webp", {"quality": 80, "method": 4})
AVIF = Format("avif", "AVIF", "image/avif", {"quality": 60, "speed": 8})


@functools.cache
def formats() -> dict[str, Format]:
    """The formats renditions come in, the most compact first, JPEG last as the fallback."""
    available = [AVIF] if features.check("avif") else []
    return {f.extension: f for f in [*available, WEBP, JPEG]}


def crop_box(image: Image, crop: str) -> tuple[int, int, int, int]:
    """The part of the picture a crop keeps: the largest box of its aspect ratio, centred on
    the focal point as far as the edges allow."""
    ratio = CROPS[crop]
    if ratio is None:
        return (0, 0, image.width, image.height)
    box_width = min(image.width, round(image.height * ratio))
    box_height = min(image.height, round(box_width / ratio))
    left = clamp(round(image.focal_x * image.width - box_width / 2), 0, image.width - box_width)
    top = clamp(round(image.focal_y * image.height - box_height / 2), 0, image.height - box_height)
    return (left, top, left + box_width, top + box_height)


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))


def widths(image: Image, crop: str) -> list[int]:
    """The widths a crop comes in: the standard ones it can fill, never scaled up, and its
    own width when that lies between them."""
    left, _, right, _ = crop_box(image, crop)
    full = right - left
    fitting = [width for width in WIDTHS if width <= full]
    if full < WIDTHS[-1] and full not in fitting:
        fitting.append(full)
    return fitting


@dataclass(frozen=True)
class Rendition:
    image: Image
    crop: str
    width: int
    extension: str

    @property
    def height(self) -> int:
        left, top, right, bottom = crop_box(self.image, self.crop)
        return max(1, round(self.width * (bottom - top) / (right - left)))

    @property
    def format(self) -> Format:
        return formats()[self.extension]

    @property
    def file_name(self) -> str:
        return f"{self.crop}-{self.width}.{self.extension}"

    @property
    def storage_name(self) -> str:
        return f"renditions/{self.image.pk}/{self.image.version}/{self.file_name}"

    @property
    def url(self) -> str:
        if settings.NEWSROOM_IMAGE_URLS_FROM_STORAGE:
            return self.image.file.storage.url(self.storage_name)
        return f"{served_prefix()}{self.image.pk}/{self.image.version}/{self.file_name}"


@functools.cache
def served_prefix() -> str:
    """Where the app serves renditions (media.views), as the start of their URLs."""
    sample = reverse("media:rendition", kwargs={"image_id": 0, "version": "v", "name": "n"})
    return sample.removesuffix("0/v/n")


def rendition_set(image: Image, crop: str) -> dict[str, list[Rendition]]:
    """Every rendition of a crop, by format, narrowest first."""
    return {
        extension: [Rendition(image, crop, width, extension) for width in widths(image, crop)]
        for extension in formats()
    }


def largest(image: Image, crop: str, extension: str = "jpg", at_most: int = LARGE_WIDTH):
    """The widest rendition up to ``at_most`` px (the narrowest there is, if none fits)."""
    available = widths(image, crop)
    fitting = [width for width in available if width <= at_most] or available[:1]
    return Rendition(image, crop, fitting[-1], extension)


def stored_now(rendition: Rendition) -> bool:
    """Generate and store the rendition unless it is there; whether it was generated."""
    storage = rendition.image.file.storage
    if storage.exists(rendition.storage_name):
        return False
    storage.save(rendition.storage_name, ContentFile(rendered(rendition)))
    return True


def ensure_stored(rendition: Rendition) -> str:
    """The rendition's storage name, generating and storing it first if it is not there."""
    stored_now(rendition)
    return rendition.storage_name


def ensure_all_stored(image: Image) -> int:
    """Every rendition of the image stored; the number generated."""
    return sum(
        stored_now(rendition)
        for crop in CROPS
        for renditions in rendition_set(image, crop).values()
        for rendition in renditions
    )


def rendered(rendition: Rendition) -> bytes:
    """The rendition encoded, from the image's master."""
    image = rendition.image
    left, top, right, bottom = crop_box(image, rendition.crop)
    with image.file.open("rb") as master_file:
        picture = PillowImage.open(io.BytesIO(master_file.read()))
    scale = rendition.width / (right - left)
    picture.draft("RGB", (round(image.width * scale), round(image.height * scale)))
    shrink = picture.width / image.width  # a JPEG decodes at 1/2, 1/4 or 1/8 when that suffices
    box = tuple(round(edge * shrink) for edge in (left, top, right, bottom))
    picture = picture.resize(
        (rendition.width, rendition.height),
        PillowImage.Resampling.LANCZOS,
        box=box,
        reducing_gap=3.0,
    )
    fmt = rendition.format
    if fmt is JPEG and picture.mode != "RGB":
        picture = on_white(picture)
    output = io.BytesIO()
    picture.save(output, fmt.pillow_name, **fmt.options)
    return output.getvalue()


def on_white(picture: PillowImage.Image) -> PillowImage.Image:
    """A picture with transparency flattened onto white, for formats without an alpha."""
    rgba = picture.convert("RGBA")
    background = PillowImage.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background
