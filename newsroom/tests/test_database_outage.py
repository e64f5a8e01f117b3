"""While the database is down, readers get a styled 503 that says to retry, editors a plain
one, API clients JSON and /healthz a 503; other failures stay a 500. Each carries the
request's id, as its log line does."""

import json
import logging

import pytest
from django.db import OperationalError, connection
from django.test import Client

from newsroom.request_log import JsonLineFormatter, RequestIdFilter, current_request_id
from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db


def database_down(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


@pytest.fixture
def story():
    return make_story(headline="Harbour bridge reopens")


def during_outage(client: Client, url: str):
    with connection.execute_wrapper(database_down):
        return client.get(url)


def test_a_story_page_is_a_styled_503_that_says_when_to_retry(story):
    response = during_outage(Client(raise_request_exception=False), story.get_absolute_url())
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "back shortly" in page
    assert "/static/reader/site.css" in page
    assert response["X-Request-ID"] in page


def test_the_admin_is_a_plain_503_that_says_nothing_was_saved(editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    response = during_outage(client, "/admin/stories/story/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Nothing you submitted was saved" in page
    assert "site.css" not in page


def test_the_api_answers_json_503():
    response = during_outage(Client(raise_request_exception=False), "/api/stories/")
    assert response.status_code == 503
    assert response.json()["request_id"] == response["X-Request-ID"]


def test_healthz_is_503():
    response = during_outage(Client(), "/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_any_other_failure_is_still_a_500_with_its_reference(story, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("reader.views.StoryDetailView.get_context_data", broken)
    response = Client(raise_request_exception=False).get(story.get_absolute_url())
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert response["X-Request-ID"] in response.content.decode()


def test_a_request_id_from_the_proxy_is_kept_and_a_malformed_one_replaced():
    kept = Client().get("/healthz", HTTP_X_REQUEST_ID="0f3a9c1e5b7d4a2c8e6f0a1b3c5d7e9f")
    assert kept["X-Request-ID"] == "0f3a9c1e5b7d4a2c8e6f0a1b3c5d7e9f"
    replaced = Client().get("/healthz", HTTP_X_REQUEST_ID="x\nforged log line")
    assert replaced["X-Request-ID"] != "x\nforged log line"
    assert len(replaced["X-Request-ID"]) == 32


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Service Unavailable: %s", ("/",), None
    )
    token = current_request_id.set("0f3a9c1e5b7d")
    try:
        RequestIdFilter().filter(record)
    finally:
        current_request_id.reset(token)
    line = json.loads(JsonLineFormatter().format(record))
    assert line["request_id"] == "0f3a9c1e5b7d"
    assert line["level"] == "ERROR"
    assert line["message"] == "Service Unavailable: /"
