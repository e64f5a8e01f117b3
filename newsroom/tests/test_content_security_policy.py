"""Every response, public and admin, carries a Content-Security-Policy that allows scripts and
styles only from the site itself, nothing inline, and no framing."""

import pytest
from django.test import Client

from stories.tests.helpers import PENCE_LETTER

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/",
    f"/stories/{PENCE_LETTER}/",
    "/tags/",
    "/people/",
    "/search/?q=Pence",
    "/feeds/latest/",
    "/api/stories/",
    "/sitemap.xml",
    "/healthz",
    "/stories/missing/",
]
ADMIN = ["/admin/login/", "/admin/", "/admin/stories/story/", "/admin/stories/story/add/"]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


def assert_strict(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    # the story form's import map, an inline script, runs by the response's own nonce
    assert [source for source in policy["script-src"] if not source.startswith("'nonce-")] == [
        "'self'"
    ]
    assert len(policy["script-src"]) <= 2
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_responses_carry_the_policy(fixture_stories, path):
    assert_strict(Client().get(path))


@pytest.mark.parametrize("path", ADMIN)
def test_admin_responses_carry_the_policy(fixture_stories, editor_client, path):
    assert_strict(editor_client.get(path))
