"""The demo editor account: a staff user who may edit stories, people, quotes and tags."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

DEMO_USERNAME = "editor"
EDITOR_GROUP = "Editor"
EDITOR_APPS = ["stories", "taggit", "packages", "media", "authors", "fronts"]
DEVELOPMENT_KEY_PREFIX = "django-insecure"
REFUSED_OUTSIDE_DEVELOPMENT = (
    "The demo account is for the demo only: it is never created with DEBUG off "
    "or with a production secret key."
)


class DemoAccountRefused(Exception):
    pass


def demo_editor_create(*, username: str = DEMO_USERNAME) -> tuple[object, str]:
    """Create or reset the demo editor and return it with its new password."""
    if not settings.DEBUG or not settings.SECRET_KEY.startswith(DEVELOPMENT_KEY_PREFIX):
        raise DemoAccountRefused(REFUSED_OUTSIDE_DEVELOPMENT)
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    user, _ = get_user_model().objects.get_or_create(username=username)
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    user.is_staff = True
    user.is_superuser = False
    user.full_clean()
    user.save()
    user.groups.add(group)
    return user, password
