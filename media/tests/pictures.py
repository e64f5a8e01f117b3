"""Pictures made for the tests: real encoded files, built with Pillow."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

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
