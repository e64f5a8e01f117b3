"""Two app servers (bin/serve each) on one PostgreSQL and one Redis: a page cached by both,
an editor's save through one of them, and the very next request on the other shows it."""

import contextlib
import shutil
import subprocess
import tempfile
import time
import urllib.request

from newsroom.tests.clusters import private_cluster, require_postgres
from newsroom.tests.http_client import Connection, sign_in, story_saved_through_admin
from newsroom.tests.serving import (
    editor_made,
    free_port,
    manage,
    require_nginx,
    served,
    tool_missing,
)
from stories.tests.helpers import PENCE_LETTER

STORY = f"/stories/{PENCE_LETTER}/"
NEW_HEADLINE = "Pence's letter, as the second server shows it"
ESCAPED_HEADLINE = "Pence&#x27;s letter, as the second server shows it"
EDITOR, PASSWORD = "two-servers-editor", "two-servers-password-not-for-production"


@contextlib.contextmanager
def redis_server():
    binary = shutil.which("redis-server")
    if binary is None:
        tool_missing("redis-server is missing: apt-get install redis-server")
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        server = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", folder],
            stdout=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while (
                subprocess.run(
                    ["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True
                ).stdout.strip()
                != "PONG"
            ):
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            server.terminate()
            server.wait(timeout=10)


def page(base: str, path: str) -> tuple[str, dict]:
    """The page as a reader of the site's one address gets it, whichever server answers."""
    request = urllib.request.Request(base + path, headers={"Host": "localhost"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode(), dict(response.headers)


def test_a_save_on_one_app_server_is_seen_at_once_on_the_other():
    require_postgres()
    require_nginx()
    with private_cluster() as cluster, redis_server() as redis_url:
        manage(cluster.url, "migrate", "--noinput")
        manage(cluster.url, "loaddata", "fixtures/stories.json")
        story_id = editor_made(cluster.url, EDITOR, PASSWORD, PENCE_LETTER)
        shared = {"REDIS_URL": redis_url, "WEB_CONCURRENCY": "2"}
        with served(cluster.url, **shared) as first, served(cluster.url, **shared) as second:
            html, headers = page(first, STORY)
            assert "Surrogate-Key" in headers  # answered through the page cache
            again, headers_again = page(second, STORY)
            assert (again, headers_again["ETag"]) == (html, headers["ETag"])  # one Redis

            editor = Connection(first)
            sign_in(editor, EDITOR, PASSWORD)
            assert story_saved_through_admin(editor, story_id, headline=NEW_HEADLINE) == 302

            for base in (second, first):
                html, headers = page(base, STORY)
                assert ESCAPED_HEADLINE in html
                assert ESCAPED_HEADLINE in page(base, "/")[0]
