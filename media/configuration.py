"""The image library's storage, read from the environment by the settings."""

from pathlib import Path


def image_storage_settings(environment, default_root: Path) -> tuple[dict, bool]:
    """Where the image library keeps masters and renditions, and whether pages link them there.

    An S3-compatible bucket when NEWSROOM_IMAGE_BUCKET names one (credentials from the usual
    AWS_* variables); otherwise a folder, NEWSROOM_IMAGE_ROOT or ``default_root``. Pages link
    the bucket's public address when NEWSROOM_IMAGE_PUBLIC_URL gives it (a CDN or the bucket's
    website); otherwise the app serves renditions itself (media.views)."""
    bucket = environment.get("NEWSROOM_IMAGE_BUCKET", "")
    if not bucket:
        location = environment.get("NEWSROOM_IMAGE_ROOT") or str(default_root)
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": location, "allow_overwrite": True},
        }, False
    public_url = environment.get("NEWSROOM_IMAGE_PUBLIC_URL", "").rstrip("/")
    options = {
        "bucket_name": bucket,
        "endpoint_url": environment.get("NEWSROOM_IMAGE_ENDPOINT_URL") or None,
        "region_name": environment.get("NEWSROOM_IMAGE_REGION") or None,
        "querystring_auth": False,
        "file_overwrite": True,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    if public_url:
        scheme, _, domain = public_url.partition("://")
        options["custom_domain"] = domain
        options["url_protocol"] = f"{scheme}:"
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}, bool(public_url)


def image_origin(environment) -> str:
    """The scheme and host of NEWSROOM_IMAGE_PUBLIC_URL, for the Content-Security-Policy."""
    scheme, _, rest = environment.get("NEWSROOM_IMAGE_PUBLIC_URL", "").partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"
