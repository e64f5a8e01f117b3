"""Settings come from the environment; production refuses to start without its secrets."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

CLEAN_ENV = {
    key: value
    for key, value in os.environ.items()
    if not key.startswith("DJANGO_") and key != "DATABASE_URL"
}


def load_settings(**env: str) -> subprocess.CompletedProcess:
    """Import newsroom.settings in a fresh interpreter with exactly these DJANGO_ variables."""
    code = (
        "import django, json; from django.conf import settings; django.setup(); "
        "print(json.dumps({'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS, "
        "'engine': settings.DATABASES['default']['ENGINE'], "
        "'ssl_redirect': getattr(settings, 'SECURE_SSL_REDIRECT', False), "
        "'proxy_header': getattr(settings, 'SECURE_PROXY_SSL_HEADER', None), "
        "'hsts': getattr(settings, 'SECURE_HSTS_SECONDS', 0), "
        "'session_age': settings.SESSION_COOKIE_AGE, "
        "'admin_path': settings.NEWSROOM_ADMIN_PATH}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=CLEAN_ENV | {"DJANGO_SETTINGS_MODULE": "newsroom.settings"} | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(DJANGO_ALLOWED_HOSTS="news.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("key", ["django-insecure-newsroom-development-only", "django-insecure-x"])
def test_production_refuses_a_development_secret_key(key):
    result = load_settings(DJANGO_SECRET_KEY=key, DJANGO_ALLOWED_HOSTS="news.example.org")
    assert result.returncode != 0
    assert "development key" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load_settings(DJANGO_SECRET_KEY="a-real-secret-" + "x" * 40)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_production_settings_with_secrets_are_secure_by_default():
    result = load_settings(
        DJANGO_SECRET_KEY="a-real-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="news.example.org, www.news.example.org",
        DATABASE_URL="postgres://newsroom@db.internal:5432/newsroom",
    )
    assert result.returncode == 0, result.stderr
    assert '"debug": false' in result.stdout
    assert '"hosts": ["news.example.org", "www.news.example.org"]' in result.stdout
    assert '"engine": "django.db.backends.postgresql"' in result.stdout
    assert '"ssl_redirect": true' in result.stdout


def test_development_needs_no_variables_and_uses_sqlite():
    result = load_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert '"debug": true' in result.stdout
    assert '"engine": "django.db.backends.sqlite3"' in result.stdout


def test_a_mistyped_boolean_is_an_error_not_a_guess():
    result = load_settings(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_deploy_checks_pass_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=CLEAN_ENV
        | {
            "DJANGO_SECRET_KEY": "a-real-secret-" + "k7#Qz9" * 10,
            "DJANGO_ALLOWED_HOSTS": "news.example.org",
            "DJANGO_HSTS_SECONDS": "31536000",
            "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
            "DJANGO_HSTS_PRELOAD": "1",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def run_in_project(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=CLEAN_ENV | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_manage_py_without_a_secret_is_development_mode():
    result = run_in_project("manage.py", "diffsettings", "--all")
    assert result.returncode == 0, result.stderr
    assert "DEBUG = True" in result.stdout


def test_manage_py_with_a_secret_is_production_mode():
    result = run_in_project("manage.py", "check", DJANGO_SECRET_KEY="a-real-secret-" + "x" * 40)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_web_server_refuses_to_start_without_a_secret_key():
    result = run_in_project("-c", "import newsroom.wsgi")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-real-secret-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def production_settings(**env: str) -> dict:
    result = load_settings(**PRODUCTION | env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_refuses_a_secret_key_shorter_than_50_characters():
    result = load_settings(
        DJANGO_SECRET_KEY="short-but-not-a-dev-key", DJANGO_ALLOWED_HOSTS="x.org"
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too short" in result.stderr


def test_the_forwarded_scheme_is_believed_only_behind_a_proxy_that_sets_it():
    assert production_settings()["proxy_header"] is None
    behind = production_settings(NEWSROOM_BEHIND_PROXY="1")
    assert behind["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_hsts_defaults_to_a_year():
    assert production_settings()["hsts"] == 31_536_000


def test_staff_sessions_end_after_8_idle_hours_or_as_configured():
    assert production_settings()["session_age"] == 8 * 3600
    assert production_settings(NEWSROOM_SESSION_IDLE_HOURS="0.5")["session_age"] == 1800


def test_the_admin_answers_where_the_deployment_says():
    assert production_settings()["admin_path"] == "admin/"
    assert production_settings(NEWSROOM_ADMIN_PATH="/desk/")["admin_path"] == "desk/"
    code = (
        "import django; django.setup(); "
        "from django.urls import reverse; print(reverse('admin:index'))"
    )
    result = run_in_project(
        "-c",
        code,
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        NEWSROOM_ADMIN_PATH="desk",
        **PRODUCTION,
    )
    assert result.stdout.strip() == "/desk/", result.stderr
