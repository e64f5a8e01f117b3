"""An upload checked by what it holds, not by its name, and the master kept of it: the picture
turned upright, in sRGB, with every other byte of the file (EXIF, GPS, XMP, comments, anything
appended) left behind, as readers only ever receive what is re-encoded from this master."""

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "AVIF"}
ACCEPTED_NAMES = "JPEG, PNG, WebP, GIF or AVIF"
SNIFFED_BYTES = 1024
SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Master:
    """The picture as stored: its encoded bytes and what the library records of it."""

    content: bytes
    extension: str
    width: int
    height: int
    content_hash: str


def max_bytes() -> int:
    return settings.NEWSROOM_IMAGE_MAX_MEGABYTES * 1024 * 1024


def checked_master(upload) -> Master:
    """The master of an uploaded file, or a ValidationError saying what is wrong with it."""
    if upload.size > max_bytes():
        raise ValidationError(
            f"This file is {upload.size / 1024 / 1024:.1f} MB; pictures may be at most "
            f"{settings.NEWSROOM_IMAGE_MAX_MEGABYTES} MB.",
            code="too_large",
        )
    data = b"".join(upload.chunks())
    if looks_like_markup(data[:SNIFFED_BYTES]):
        raise ValidationError(
            "SVG and other markup files are not accepted: they can carry scripts. "
            f"Export the picture as {ACCEPTED_NAMES}.",
            code="markup",
        )
    picture = opened(data)
    return master_of(picture)


def looks_like_markup(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<", b"\xff\xfe<", b"\xfe\xff\x00<")) or b"<svg" in text


def opened(data: bytes) -> Image.Image:
    """The decoded picture, after its header has been checked against the pixel limit."""
    not_a_picture = ValidationError(
        f"This file is not a picture this site can read. Upload a {ACCEPTED_NAMES} file.",
        code="not_an_image",
    )
    limit = settings.NEWSROOM_IMAGE_MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise not_a_picture
                if probe.width * probe.height > limit:
                    raise too_many_pixels(probe.width, probe.height, limit)
                probe.verify()
            picture = Image.open(io.BytesIO(data))
            picture.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many_pixels(None, None, limit) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise not_a_picture from None
    return picture


def too_many_pixels(width, height, limit) -> ValidationError:
    size = f"{width} × {height} pixels" if width else "more pixels than it should"
    return ValidationError(
        f"This picture has {size}; at most {limit / 1_000_000:g} megapixels are accepted. "
        "Scale it down before uploading.",
        code="too_many_pixels",
    )


def master_of(picture: Image.Image) -> Master:
    source_format = picture.format
    icc_profile = picture.info.get("icc_profile")
    upright = ImageOps.exif_transpose(picture)
    clean = in_srgb(upright, icc_profile)
    keeps_alpha = clean.mode in ("RGBA", "LA") or "transparency" in clean.info
    clean = clean.convert("RGBA" if keeps_alpha else "RGB")
    clean.info = {}
    output = io.BytesIO()
    if source_format in ("JPEG", "MPO") and not keeps_alpha:
        clean.save(output, "JPEG", quality=95, subsampling=0, optimize=True)
        extension = "jpg"
    else:
        clean.save(output, "PNG", optimize=True)
        extension = "png"
    content = output.getvalue()
    return Master(
        content=content,
        extension=extension,
        width=clean.width,
        height=clean.height,
        content_hash=hashlib.sha256(content).hexdigest(),
    )


def in_srgb(picture: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """The picture's colours in sRGB, so that no profile need travel with it."""
    if picture.mode == "P":
        picture = picture.convert("RGBA" if "transparency" in picture.info else "RGB")
    if icc_profile:
        alpha = picture.getchannel("A") if picture.mode in ("RGBA", "LA") else None
        colour = {"RGBA": "RGB", "LA": "L"}.get(picture.mode, picture.mode)
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            converted = ImageCms.profileToProfile(
                picture.convert(colour), source, SRGB, outputMode="RGB"
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # a broken or mismatched profile: keep the colours as they are
        if converted is not None:
            if alpha is not None:
                converted.putalpha(alpha)
            return converted
    if picture.mode not in ("RGB", "RGBA", "L", "LA"):
        picture = picture.convert("RGB")
    return picture
