"""Settings for the test suite: production settings with a throwaway key and fast hashing."""

import os

os.environ.setdefault(
    "DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-production-0123456789abcdef"
)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE", "0")

from newsroom.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests run inside a transaction that never commits, so the content generation never moves:
# the page cache's own tests turn it on and run the commit callbacks.
NEWSROOM_PAGE_CACHE = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "images": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # nothing is collected in tests; WhiteNoise serves from the finders
WHITENOISE_USE_FINDERS = True
NEWSROOM_IMAGE_URLS_FROM_STORAGE = False
