"""Pictures made for the tests: real encoded files, built with Pillow."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFilter

from media.models import Image
from media.uploads import checked_master

ORIENTATION = 0x0112
GPS_IFD = 0x8825
ROTATED_CLOCKWISE = 6  # EXIF: the camera was turned; shown upright, the picture is rotated


def picture_bytes(width=1600, height=1200, fmt="JPEG", colour=(200, 30, 30), exif=None, **options):
    picture = PillowImage.new("RGB", (width, height), colour)
    output = io.BytesIO()
    if exif is not None:
        options["exif"] = exif
    picture.save(output, fmt, **options)
    return output.getvalue()


def harbour_at_dawn(width=2400, height=1600) -> bytes:
    """A photograph-like scene (a dawn sky over the sea, boats moored), for pages shown in
    screenshots: a flat colour would not show how a picture sits in the layout."""
    sky, sea = height * 3 // 5, height * 2 // 5
    picture = PillowImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for row in range(sky):
        share = row / sky
        draw.line(
            [(0, row), (width, row)],
            fill=(int(90 + 160 * share), int(120 + 70 * share), 190 - int(80 * share)),
        )
    for row in range(sea):
        share = row / sea
        draw.line(
            [(0, sky + row), (width, sky + row)],
            fill=(20, int(70 - 40 * share), int(110 - 50 * share)),
        )
    draw.ellipse(
        [width * 0.62, sky - height * 0.09, width * 0.72, sky + height * 0.06], fill=(255, 214, 150)
    )
    for number, (left, colour) in enumerate(
        [(0.12, (170, 40, 40)), (0.34, (235, 235, 225)), (0.78, (40, 90, 60))]
    ):
        x, y = int(width * left), sky + height // 9 + number * height // 40
        draw.polygon(
            [
                (x, y),
                (x + width // 7, y),
                (x + width // 8, y + height // 25),
                (x + width // 60, y + height // 25),
            ],
            fill=colour,
        )
        draw.line(
            [(x + width // 14, y), (x + width // 14, y - height // 5)],
            fill=(60, 50, 40),
            width=max(2, width // 400),
        )
    picture = picture.filter(ImageFilter.GaussianBlur(2))
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=88)
    return output.getvalue()


def halves(width=1600, height=900, left=(255, 0, 0), right=(0, 0, 255)) -> bytes:
    picture = PillowImage.new("RGB", (width, height), left)
    picture.paste(PillowImage.new("RGB", (width // 2, height), right), (width // 2, 0))
    output = io.BytesIO()
    picture.save(output, "PNG")
    return output.getvalue()


def camera_exif(orientation=ROTATED_CLOCKWISE) -> PillowImage.Exif:
    exif = PillowImage.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Camera Maker"
    exif[0x0110] = "Model X"
    exif[GPS_IFD] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}
    return exif


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header says it is ``width`` × ``height``: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def make_image(data: bytes | None = None, **fields) -> Image:
    image = Image(alt_text=fields.pop("alt_text", "A red square"), **fields)
    image.keep(checked_master(upload(data or picture_bytes())))
    image.save()
    return image
