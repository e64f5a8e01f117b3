import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from stories.demo import REFUSED_OUTSIDE_DEVELOPMENT

pytestmark = pytest.mark.django_db


@pytest.fixture
def development(settings):
    settings.DEBUG = True
    settings.SECRET_KEY = "django-insecure-newsroom-development-only"
    return settings


def run_command() -> str:
    from io import StringIO

    out = StringIO()
    call_command("create_demo_editor", stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    return output.split("password:", 1)[1].split()[0]


def test_demo_editor_is_created_and_can_log_in_and_edit(development, client):
    output = run_command()
    assert "user name: editor" in output
    signed_in = client.post(
        "/admin/login/", {"username": "editor", "password": printed_password(output)}
    )
    assert signed_in.status_code == 302
    user = get_user_model().objects.get(username="editor")
    assert user.is_staff
    assert not user.is_superuser
    assert user.has_perms(["stories.add_story", "stories.change_quote", "taggit.change_tag"])
    assert not user.has_perm("auth.add_user")
    assert client.get("/admin/stories/story/add/").status_code == 200


def test_running_it_again_resets_the_password(development):
    first = printed_password(run_command())
    second = printed_password(run_command())
    assert first != second
    editor = get_user_model().objects.get(username="editor")
    assert not editor.check_password(first)
    assert editor.check_password(second)


def test_refused_with_debug_off(development, django_user_model):
    development.DEBUG = False
    with pytest.raises(CommandError, match=re.escape(REFUSED_OUTSIDE_DEVELOPMENT)):
        run_command()
    assert not django_user_model.objects.exists()


def test_refused_with_a_production_secret_key_even_in_debug(development, django_user_model):
    development.SECRET_KEY = "a-real-production-secret-" + "x" * 30
    with pytest.raises(CommandError, match=re.escape(REFUSED_OUTSIDE_DEVELOPMENT)):
        run_command()
    assert not django_user_model.objects.exists()
