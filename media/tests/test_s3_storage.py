"""With an S3-compatible bucket named in the environment, masters and renditions go there
through django-storages, and pages link the bucket's public address."""

from pathlib import Path

import boto3
import pytest
from django.core.files.storage import storages
from moto import mock_aws

from media.configuration import image_origin, image_storage_settings
from media.models import Image
from media.renditions import Rendition, ensure_all_stored
from media.tests.pictures import make_image, picture_bytes

pytestmark = pytest.mark.django_db

BUCKET = "newsroom-images"


@pytest.fixture
def bucket(settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        boto3.client("s3").create_bucket(Bucket=BUCKET)
        environment = {
            "NEWSROOM_IMAGE_BUCKET": BUCKET,
            "NEWSROOM_IMAGE_PUBLIC_URL": "https://images.example.org",
        }
        storage, from_storage = image_storage_settings(environment, default_root=Path("uploads"))
        settings.STORAGES = {**settings.STORAGES, "images": storage}
        settings.NEWSROOM_IMAGE_URLS_FROM_STORAGE = from_storage
        storages._storages.pop("images", None)
        monkeypatch.setattr(Image._meta.get_field("file"), "storage", storages["images"])
        yield boto3.client("s3")


def test_masters_and_renditions_are_stored_in_the_bucket_and_linked_there(bucket):
    image = make_image(picture_bytes(width=700, height=400))
    assert ensure_all_stored(image) > 0
    keys = {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert image.file.name in keys
    rendition = Rendition(image, "16x9", 640, "webp")
    assert rendition.storage_name in keys
    assert rendition.url == f"https://images.example.org/{rendition.storage_name}"
    stored = bucket.get_object(Bucket=BUCKET, Key=rendition.storage_name)
    assert stored["ContentType"] == "image/webp"
    assert "immutable" in stored["CacheControl"]


def test_without_a_bucket_the_filesystem_keeps_them_and_the_app_serves_them():
    storage, from_storage = image_storage_settings({}, default_root=Path("uploads"))
    assert storage["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert storage["OPTIONS"]["allow_overwrite"] is True
    assert from_storage is False


def test_a_bucket_without_a_public_address_is_served_through_the_app():
    storage, from_storage = image_storage_settings(
        {"NEWSROOM_IMAGE_BUCKET": BUCKET}, default_root=Path("uploads")
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert from_storage is False


def test_pages_may_show_pictures_from_the_public_address_and_nowhere_else():
    public = {"NEWSROOM_IMAGE_PUBLIC_URL": "https://images.example.org/newsroom/"}
    assert image_origin(public) == "https://images.example.org"
