"""`make serve` as a test runs it: bin/serve on a free loopback port, stopped by the test."""

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
from django.conf import settings

NGINX = Path("/usr/sbin/nginx")
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    "DJANGO_SECRET_KEY": "a-test-only-key-that-is-long-enough-for-production-settings-0123",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE": "0",
}


def require_nginx() -> None:
    if not NGINX.exists():
        message = f"{NGINX} is missing: apt-get install nginx"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


@contextlib.contextmanager
def served(database_url: str, **env: str):
    """Yield the base URL of bin/serve running with production settings on database_url."""
    require_nginx()
    port = free_port()
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            ["bin/serve"],
            cwd=settings.BASE_DIR,
            env=clean
            | PRODUCTION_ENV
            | {"DATABASE_URL": database_url, "BIND": f"127.0.0.1:{port}"}
            | env,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while not answers(f"{base}/healthz"):
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
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=clean | PRODUCTION_ENV | {"DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return result.stdout
