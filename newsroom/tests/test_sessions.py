"""A signed-in session ends after its idle time; requests renew it, without each writing it."""

import pytest

from newsroom import middleware

pytestmark = pytest.mark.django_db


def test_a_signed_in_session_is_renewed_by_requests_a_few_minutes_apart(editor_client, monkeypatch):
    editor_client.get("/admin/")
    first = editor_client.session[middleware.RENEWED_AT]
    editor_client.get("/admin/")
    assert editor_client.session[middleware.RENEWED_AT] == first  # not every request writes
    later = first + middleware.RENEW_EVERY + 1
    monkeypatch.setattr(middleware.time, "time", lambda: later)
    editor_client.get("/admin/")
    assert editor_client.session[middleware.RENEWED_AT] == later


def test_signing_in_starts_the_renewal_clock_before_any_request(editor_client):
    assert middleware.RENEWED_AT in editor_client.session
