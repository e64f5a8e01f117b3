"""Renditions: each crop keeps its aspect ratio around the focal point, no width is scaled up,
every format decodes, and names change when the picture or its focal point does."""

import io

import pytest
from django.core.management import call_command
from PIL import Image as PillowImage

from media.renditions import (
    CROPS,
    Rendition,
    crop_box,
    ensure_all_stored,
    ensure_stored,
    formats,
    largest,
    rendered,
    widths,
)
from media.tests.pictures import halves, make_image, picture_bytes

pytestmark = pytest.mark.django_db


def decoded(rendition: Rendition) -> PillowImage.Image:
    return PillowImage.open(io.BytesIO(rendered(rendition)))


@pytest.mark.parametrize(("crop", "ratio"), [("16x9", 16 / 9), ("4x3", 4 / 3), ("1x1", 1.0)])
def test_each_crop_has_its_aspect_ratio(crop, ratio):
    image = make_image(picture_bytes(width=3000, height=2000))
    left, top, right, bottom = crop_box(image, crop)
    assert (right - left) / (bottom - top) == pytest.approx(ratio, rel=0.01)
    picture = decoded(Rendition(image, crop, 640, "jpg"))
    assert picture.width == 640
    assert picture.width / picture.height == pytest.approx(ratio, rel=0.01)


def test_the_square_crop_keeps_the_focal_point_in_view():
    image = make_image(halves(width=1600, height=900), focal_x=0.9, focal_y=0.5)
    square = decoded(Rendition(image, "1x1", 320, "jpg"))
    red, _, blue = square.convert("RGB").getpixel((160, 160))
    assert blue > 200
    assert red < 50
    image.focal_x = 0.1
    left_square = decoded(Rendition(image, "1x1", 320, "jpg"))
    red, _, blue = left_square.convert("RGB").getpixel((160, 160))
    assert red > 200
    assert blue < 50


def test_widths_go_from_phone_to_desktop_and_never_scale_up():
    big = make_image(picture_bytes(width=6000, height=4000))
    assert widths(big, "original") == [320, 640, 960, 1280, 1600, 2048]
    small = make_image(picture_bytes(width=1000, height=800))
    assert widths(small, "original") == [320, 640, 960, 1000]
    assert widths(small, "16x9") == [320, 640, 960, 1000]
    assert widths(small, "1x1") == [320, 640, 800]
    tiny = make_image(picture_bytes(width=200, height=100))
    assert widths(tiny, "original") == [200]


def test_every_format_decodes_at_its_size_with_jpeg_last_as_the_fallback():
    image = make_image(picture_bytes(width=1400, height=1000))
    assert list(formats())[-1] == "jpg"
    assert {"webp", "jpg"} <= set(formats())
    for extension, fmt in formats().items():
        picture = decoded(Rendition(image, "4x3", 640, extension))
        assert picture.format == fmt.pillow_name
        assert picture.size == (640, 480)


def test_avif_is_offered_when_pillow_can_write_it():
    from PIL import features

    assert ("avif" in formats()) == bool(features.check("avif"))


def test_a_transparent_picture_gets_a_white_background_in_jpeg_only():
    picture = PillowImage.new("RGBA", (400, 300), (0, 0, 0, 0))
    output = io.BytesIO()
    picture.save(output, "PNG")
    image = make_image(output.getvalue())
    assert decoded(Rendition(image, "original", 320, "jpg")).getpixel((5, 5)) == (255, 255, 255)
    assert decoded(Rendition(image, "original", 320, "webp")).mode == "RGBA"


def test_the_version_changes_with_the_picture_or_its_focal_point():
    image = make_image()
    first = Rendition(image, "16x9", 640, "webp").storage_name
    image.focal_x = 0.3
    moved = Rendition(image, "16x9", 640, "webp").storage_name
    assert moved != first
    image.focal_x = 0.5
    assert Rendition(image, "16x9", 640, "webp").storage_name == first
    other = make_image(picture_bytes(colour=(0, 90, 0)))
    assert other.version != image.version


def test_renditions_are_generated_once_and_kept_in_storage():
    image = make_image(picture_bytes(width=700, height=500))
    expected = sum(len(widths(image, crop)) * len(formats()) for crop in CROPS)
    assert ensure_all_stored(image) == expected
    assert ensure_all_stored(image) == 0
    name = ensure_stored(Rendition(image, "1x1", 320, "jpg"))
    assert image.file.storage.exists(name)


def test_the_large_rendition_for_search_engines_is_at_least_1200_wide_when_possible():
    assert largest(make_image(picture_bytes(width=4000, height=3000)), "16x9").width == 1280
    assert largest(make_image(picture_bytes(width=800, height=600)), "16x9").width == 800


def test_the_command_stores_what_each_image_lacks_and_nothing_twice():
    image = make_image(picture_bytes(width=700, height=400, colour=(12, 34, 56)))
    out = io.StringIO()
    call_command("generate_renditions", stdout=out)
    generated = int(out.getvalue().split()[1])
    assert generated > 0
    assert image.file.storage.exists(Rendition(image, "1x1", 320, "avif").storage_name) or (
        "avif" not in formats()
    )
    out = io.StringIO()
    call_command("generate_renditions", "--image", str(image.pk), stdout=out)
    assert out.getvalue().strip() == "Generated 0 renditions."
