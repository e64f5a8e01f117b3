"""Long work waits in the database until a db_worker takes it: counts and search vectors
rebuilt, and a front cache told to purge when content changes."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from stories import freshness
from stories.models import Story, TagCount
from stories.search_vectors import uses_postgres
from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_worker(monkeypatch):
    """`manage.py db_worker --batch` in this test's transaction, which its between-task
    connection check would otherwise close (it sees autocommit off)."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", "--batch", verbosity=0)


def test_a_counts_rebuild_queued_waits_for_a_worker_and_the_worker_does_it(capsys, run_worker):
    make_story(tags=["Budget"])
    TagCount.objects.update(stories=9)
    call_command("refresh_counts", "--background")
    assert "Queued as task" in capsys.readouterr().out
    assert TagCount.objects.get().stories == 9
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    run_worker()

    assert TagCount.objects.get().stories == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.skipif(not uses_postgres(), reason="the stored search vector is PostgreSQL's")
def test_search_vectors_rebuilt_by_a_worker(run_worker):
    story = make_story(headline="Orchard harvest")
    Story.objects.update(search_vector=None)
    call_command("rebuild_search_vectors", "--background")
    run_worker()
    assert Story.objects.filter(pk=story.pk, search_vector__isnull=False).exists()


class PurgeRecorder(BaseHTTPRequestHandler):
    received: list[tuple[str, str]] = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.received.append((self.command, self.headers["Surrogate-Key"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_change_queues_a_purge_that_a_worker_sends_to_the_front_cache(
    settings, monkeypatch, run_worker
):
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.NEWSROOM_PURGE_URL = f"http://127.0.0.1:{server.server_port}/"
    monkeypatch.setattr(freshness.transaction, "on_commit", lambda raise_it, robust: raise_it())
    try:
        make_story(headline="Council meets")
        assert PurgeRecorder.received == []
        run_worker()
    finally:
        server.shutdown()
    assert ("PURGE", freshness.PURGE_EVERY_PAGE) in PurgeRecorder.received
