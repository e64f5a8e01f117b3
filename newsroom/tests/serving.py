"""`make serve` as a test (or `make soak`) runs it: bin/serve on a free loopback port, stopped
when done. Needs nothing of Django in the calling process."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = Path("/usr/sbin/nginx")
NGINX_MISSING = f"{NGINX} is missing: apt-get install nginx"
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    "DJANGO_SECRET_KEY": "a-test-only-key-that-is-long-enough-for-production-settings-0123",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE": "0",
}


def production_env(database_url: str, **env: str) -> dict[str, str]:
    """This process's environment without its Django settings, with production ones instead."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return clean | PRODUCTION_ENV | {"DATABASE_URL": database_url} | env


def tool_missing(message: str):
    """A test's tool is not on this machine: CI must have it (the test fails), a developer's
    machine may not (the test is skipped)."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def require_nginx() -> None:
    if not NGINX.exists():
        tool_missing(NGINX_MISSING)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def django_answers(url: str) -> bool:
    """Whether Django answers at url: nginx's own 502 means gunicorn is not up yet."""
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError as error:
        return error.code not in (502, 504)
    except OSError:
        return False


@contextlib.contextmanager
def served(database_url: str, **env: str):
    """Yield the base URL of bin/serve running with production settings on database_url."""
    if not NGINX.exists():
        raise RuntimeError(NGINX_MISSING)
    manage(database_url, "collectstatic", "--noinput", "--verbosity", "0")  # as make serve does
    port = free_port()
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            ["bin/serve"],
            cwd=ROOT,
            env=production_env(database_url, BIND=f"127.0.0.1:{port}", **env),
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while not django_answers(f"{base}/healthz"):
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"bin/serve did not start: {log.read().decode()}")
                time.sleep(0.2)
            yield base
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def manage(database_url: str, *args: str) -> str:
    """Run a manage.py command with production settings on database_url."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_env(database_url),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return result.stdout


EDITOR_MADE = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from stories.models import Story
editor = get_user_model().objects.create_user(%r, password=%r, is_staff=True)
editor.groups.add(Group.objects.get(name="Editor"))
print(Story.objects.get(slug=%r).pk)
"""


def editor_made(database_url: str, username: str, password: str, story_slug: str) -> str:
    """Make an editor's account on database_url; the id of the story with ``story_slug``."""
    script = EDITOR_MADE % (username, password, story_slug)
    return manage(database_url, "shell", "--verbosity", "0", "-c", script).strip()
