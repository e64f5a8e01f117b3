"""Fixtures every package's tests use: the demo stories, desk accounts and a headless Chromium."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from fronts.lineups import NEXT_LINEUP
from newsroom.tests.serving import tool_missing
from stories.demo import EDITOR_APPS, EDITOR_GROUP
from stories.next_due import NOTHING_DUE

FIXTURE = "fixtures/stories.json"


def pytest_report_header(config):
    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as the database it sees starts empty: no front
    lineup is due either (as a server has found, once it looked)."""
    cache.clear()
    cache.set(NEXT_LINEUP.key, NOTHING_DUE)


@pytest.fixture
def fixture_stories(db):
    call_command("loaddata", FIXTURE, verbosity=0)


@pytest.fixture
def fixture_site_pages(db):
    call_command("loaddata", "fixtures/site_pages.json", verbosity=0)


@pytest.fixture
def editor(db):
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    user = get_user_model().objects.create_user("desk", password="correct horse", is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reporter(db):
    """A member of the Reporter group that the migrations create."""
    user = get_user_model().objects.create_user("cub", password="correct horse", is_staff=True)
    user.groups.add(Group.objects.get(name="Reporter"))
    return user


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright: required in CI, else skipped if absent."""
    if not Path(CHROMIUM).exists():
        tool_missing(f"{CHROMIUM} is missing: apt-get install chromium")
    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
    # between page actions are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def artifacts_dir() -> Path:
    folder = Path(settings.BASE_DIR) / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder
