"""An upload is judged by what it holds: non-images, SVG, decompression bombs and oversized
files are refused with a reason; what is kept is upright and free of the camera's metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image as PillowImage

from media.tests.pictures import camera_exif, picture_bytes, png_claiming, upload
from media.uploads import checked_master

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


def refusal(data: bytes, name="photo.jpg") -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        checked_master(upload(data, name))
    return refused.value


def test_a_text_file_named_like_a_photo_is_refused():
    error = refusal(b"Just some words, not a picture at all.\n" * 20)
    assert error.code == "not_an_image"
    assert "not a picture" in error.message


@pytest.mark.parametrize("data", [SVG, b"\xef\xbb\xbf" + SVG, b"  <svg><rect/></svg>"])
def test_an_svg_is_refused_with_its_reason(data):
    error = refusal(data, name="logo.png")
    assert error.code == "markup"
    assert "SVG" in error.message


def test_an_html_page_pretending_to_be_a_gif_is_refused():
    error = refusal(b"<html><body><script>alert(document.cookie)</script></body></html>", "x.gif")
    assert error.code == "markup"


def test_a_decompression_bomb_is_refused_by_its_header(settings):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 50_000_000
    error = refusal(png_claiming(10_000, 6_000), name="bomb.png")
    assert error.code == "too_many_pixels"
    assert "10000 × 6000" in error.message


def test_a_bomb_past_pillows_own_limit_is_refused_too(settings):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 50_000_000
    error = refusal(png_claiming(40_000, 40_000), name="bomb.png")
    assert error.code == "too_many_pixels"
    assert "50 megapixels" in error.message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings):
    settings.NEWSROOM_IMAGE_MAX_MEGABYTES = 1
    error = refusal(b"\xff\xd8" + b"\0" * (1024 * 1024 + 1))
    assert error.code == "too_large"
    assert "at most 1 MB" in error.message


def test_a_truncated_jpeg_is_refused():
    error = refusal(picture_bytes()[:2000])
    assert error.code == "not_an_image"


def test_exif_orientation_is_applied_and_all_metadata_gps_included_is_stripped():
    data = picture_bytes(width=400, height=200, exif=camera_exif())
    assert b"Camera Maker" in data
    master = checked_master(upload(data))
    assert (master.width, master.height) == (200, 400)  # turned upright
    assert b"Camera Maker" not in master.content
    assert b"Model X" not in master.content
    kept = PillowImage.open(io.BytesIO(master.content))
    assert kept.size == (200, 400)
    assert dict(kept.getexif()) == {}
    assert "exif" not in kept.info
    assert "xmp" not in kept.info
    assert "icc_profile" not in kept.info


def test_a_polyglot_keeps_only_the_picture():
    hidden = b"<script>alert('polyglot')</script>"
    data = picture_bytes(width=64, height=64) + hidden
    master = checked_master(upload(data))
    assert hidden not in master.content
    assert PillowImage.open(io.BytesIO(master.content)).size == (64, 64)


@pytest.mark.parametrize(
    ("fmt", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "png"), ("GIF", "png")]
)
def test_each_accepted_format_is_kept_as_a_clean_master(fmt, extension):
    master = checked_master(upload(picture_bytes(width=120, height=80, fmt=fmt)))
    assert (master.width, master.height, master.extension) == (120, 80, extension)
    assert len(master.content_hash) == 64


def test_transparency_survives_into_the_master():
    picture = PillowImage.new("RGBA", (50, 50), (0, 128, 0, 0))
    output = io.BytesIO()
    picture.save(output, "PNG")
    master = checked_master(upload(output.getvalue(), name="logo.png"))
    kept = PillowImage.open(io.BytesIO(master.content))
    assert kept.mode == "RGBA"
    assert kept.getpixel((0, 0))[3] == 0
