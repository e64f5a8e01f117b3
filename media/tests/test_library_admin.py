"""The library in the admin: an upload checked by content becomes an image with its uploader;
the list shows thumbnails and finds pictures by their texts; with pages linking a bucket, the
renditions are stored before the save returns."""

import pytest

from media.models import Image
from media.renditions import Rendition
from media.tests.pictures import make_image, picture_bytes, upload

pytestmark = pytest.mark.django_db


def form_data(picture=None, **fields) -> dict:
    data = {"title": "", "alt_text": "Council chamber", "caption": "", "credit": "Jo Roe"}
    data |= {"licence": "", "source_url": "", "focal_x": "0.5", "focal_y": "0.5"}
    if picture is not None:
        data["upload"] = picture
    return data | fields


def test_an_upload_becomes_a_library_image_with_its_uploader(editor_client, editor):
    response = editor_client.post(
        "/admin/media/image/add/", form_data(upload(picture_bytes(width=900, height=600)))
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (900, 600)
    assert image.uploaded_by == editor
    assert image.credit == "Jo Roe"


def test_a_renamed_svg_gets_a_form_error_and_nothing_is_kept(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    response = editor_client.post("/admin/media/image/add/", form_data(upload(svg, "cat.jpg")))
    assert response.status_code == 200
    assert "SVG" in str(response.context["adminform"].form.errors["upload"])
    assert not Image.objects.exists()


@pytest.mark.parametrize("field", ["alt_text", "caption", "credit", "title"])
@pytest.mark.parametrize(
    "hostile",
    [
        '<img src=x onerror="alert(1)">',
        "<script>alert(1)</script>",
        '<span style="x">Desk</span>',
        "javascript:alert(1)",
        "data:text/html,hi",
        "&#60;script&#62;",
    ],
)
def test_markup_and_script_urls_in_the_texts_are_refused(editor_client, field, hostile):
    response = editor_client.post(
        "/admin/media/image/add/", form_data(upload(picture_bytes()), **{field: hostile})
    )
    assert response.status_code == 200
    assert "Plain text only" in str(response.context["adminform"].form.errors[field])
    assert not Image.objects.exists()


def test_the_list_shows_thumbnails_and_finds_by_caption(editor_client):
    make_image(caption="The mayor at the podium")
    make_image(caption="A flooded street")
    html = editor_client.get("/admin/media/image/?q=mayor").content.decode()
    assert html.count('class="image-thumbnail"') == 1
    assert "The mayor at the podium" in html or "A red square" in html


def test_with_pages_linking_a_bucket_the_save_stores_every_rendition(editor_client, settings):
    settings.NEWSROOM_IMAGE_URLS_FROM_STORAGE = True
    response = editor_client.post(
        "/admin/media/image/add/", form_data(upload(picture_bytes(width=700, height=400)))
    )
    assert response.status_code == 302
    image = Image.objects.get()
    for crop in ("original", "16x9", "4x3", "1x1"):
        assert image.file.storage.exists(Rendition(image, crop, 320, "jpg").storage_name)
