"""With DATABASE_REPLICA_URL naming a streaming replica, public pages read from it and the
admin and every write use the primary: while the replica's replay is paused, an editor's save
shows in the admin at once and on the public page only once the replica has replayed it."""

import subprocess
import time
import urllib.request

from newsroom.tests.clusters import private_cluster, require_postgres
from newsroom.tests.http_client import Connection, sign_in, story_saved_through_admin
from newsroom.tests.serving import editor_made, manage, require_nginx, served
from stories.tests.helpers import PENCE_LETTER

STORY = f"/stories/{PENCE_LETTER}/"
EDITOR, PASSWORD = "replica-editor", "replica-password-not-for-production"
NEW_HEADLINE = "Pence writes to Congress, read from the primary"


def replica_sql(replica, sql: str) -> str:
    command = ["psql", "-h", "127.0.0.1", "-p", str(replica.port), "-U", "postgres"]
    return subprocess.run(
        [*command, "-d", "newsroom", "-Atc", sql], capture_output=True, text=True, check=True
    ).stdout.strip()


def public_page(base: str, path: str) -> str:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return response.read().decode()


def wait_until(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_public_pages_read_the_replica_and_the_admin_the_primary():
    require_postgres()
    require_nginx()
    with private_cluster() as primary:
        manage(primary.url, "migrate", "--noinput")
        manage(primary.url, "loaddata", "fixtures/stories.json")
        story_id = editor_made(primary.url, EDITOR, PASSWORD, PENCE_LETTER)
        with private_cluster(standby_of=primary) as replica:
            assert replica_sql(replica, "SELECT pg_is_in_recovery()") == "t"
            with served(primary.url, DATABASE_REPLICA_URL=replica.url) as base:
                assert "Pence" in public_page(base, STORY)
                editor = Connection(base)
                sign_in(editor, EDITOR, PASSWORD)

                replica_sql(replica, "SELECT pg_wal_replay_pause()")
                assert story_saved_through_admin(editor, story_id, headline=NEW_HEADLINE) == 302
                admin_page = editor.request("GET", f"/admin/stories/story/{story_id}/change/")
                assert NEW_HEADLINE in admin_page[1]
                assert NEW_HEADLINE not in public_page(base, STORY)
                assert NEW_HEADLINE not in public_page(base, "/")

                replica_sql(replica, "SELECT pg_wal_replay_resume()")
                wait_until(lambda: NEW_HEADLINE in public_page(base, STORY))
                assert NEW_HEADLINE in public_page(base, "/")
