"""Stop PostgreSQL under `make serve`: every kind of page answers its 503 at once, and all of
them recover by themselves within seconds of the database coming back."""

import json
import time
import urllib.error
import urllib.request

from django.conf import settings

from newsroom.tests.clusters import private_cluster, require_postgres
from newsroom.tests.serving import manage, require_nginx, served
from stories.tests.helpers import PENCE_LETTER

STORY = f"/stories/{PENCE_LETTER}/"


def fetch(url: str, **headers: str) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_pages_answer_503_while_postgresql_is_down_and_recover_when_it_returns():
    require_postgres()
    require_nginx()
    with private_cluster() as cluster:
        manage(cluster.url, "migrate", "--noinput")
        manage(cluster.url, "loaddata", "fixtures/stories.json")
        with served(cluster.url) as base:
            assert fetch(base + STORY)[0] == 200

            cluster.stop()
            status, headers, page = fetch(base + STORY)
            assert (status, headers["Retry-After"]) == (503, "30")
            assert "back shortly" in page
            assert "/static/reader/site." in page
            assert headers["X-Request-ID"] in page
            signed_in = {"Cookie": "sessionid=" + "k" * 32}
            status, headers, page = fetch(base + "/admin/stories/story/", **signed_in)
            assert (status, headers["Retry-After"]) == (503, "30")
            assert "Nothing you submitted was saved" in page
            status, _, body = fetch(base + "/api/stories/")
            assert status == 503
            assert "unavailable" in json.loads(body)["error"]
            assert fetch(base + "/healthz")[0] == 503

            cluster.start()
            back = time.monotonic()
            while fetch(base + STORY)[0] != 200:
                assert time.monotonic() - back < 10, "the story page did not recover"
                time.sleep(0.05)
            recovered_in = time.monotonic() - back
            assert fetch(base + "/healthz")[0] == 200
            assert fetch(base + "/api/stories/")[0] == 200
    artifacts = settings.BASE_DIR / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "database-outage.json").write_text(json.dumps({"recovered_in_s": recovered_in}))
