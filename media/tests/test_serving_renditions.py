"""The app serves renditions itself when no storage URL is configured: generated on the first
request, cached for a year under a name that changes with the image."""

import io
from unittest import mock

import pytest
from PIL import Image as PillowImage

from media import renditions
from media.renditions import Rendition
from media.tests.pictures import make_image, picture_bytes

pytestmark = pytest.mark.django_db


def test_a_rendition_is_served_with_long_lived_cache_headers(client):
    image = make_image(picture_bytes(width=1000, height=600))
    url = Rendition(image, "16x9", 640, "webp").url
    assert url.startswith(f"/images/{image.pk}/{image.version}/")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    picture = PillowImage.open(io.BytesIO(b"".join(response.streaming_content)))
    assert (picture.format, picture.size) == ("WEBP", (640, 360))


def test_a_rendition_is_generated_on_the_first_request_only(client):
    image = make_image(picture_bytes(width=1000, height=600))
    url = Rendition(image, "1x1", 320, "jpg").url
    with mock.patch.object(renditions, "rendered", wraps=renditions.rendered) as rendering:
        for _ in range(3):
            assert client.get(url).status_code == 200
    assert rendering.call_count == 1


def test_an_address_from_before_a_change_moves_on_to_the_current_rendition(client):
    image = make_image(picture_bytes(width=1000, height=600))
    old = Rendition(image, "16x9", 640, "jpg").url
    image.focal_x = 0.2
    image.save()
    response = client.get(old)
    assert response.status_code == 302
    assert response["Location"] == Rendition(image, "16x9", 640, "jpg").url
    assert "immutable" not in response["Cache-Control"]


@pytest.mark.parametrize(
    "name", ["16x9-641.jpg", "16x9-2048.jpg", "wide-640.jpg", "16x9-640.gif", "16x9-640.jpg.exe"]
)
def test_a_rendition_the_image_does_not_come_in_is_not_found(client, name):
    image = make_image(picture_bytes(width=1000, height=600))
    assert client.get(f"/images/{image.pk}/{image.version}/{name}").status_code == 404


def test_an_unknown_image_is_not_found(client):
    assert client.get("/images/999999/abcdef012345/16x9-640.jpg").status_code == 404


def test_only_reads_are_answered(client):
    image = make_image()
    assert client.post(Rendition(image, "16x9", 640, "jpg").url).status_code == 405


def test_urls_come_from_the_storage_when_it_has_public_addresses(settings):
    settings.NEWSROOM_IMAGE_URLS_FROM_STORAGE = True
    image = make_image()
    rendition = Rendition(image, "4x3", 320, "jpg")
    assert rendition.url == image.file.storage.url(rendition.storage_name)
