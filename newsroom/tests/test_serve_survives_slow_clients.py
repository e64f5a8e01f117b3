"""`make serve` keeps answering while fifty clients trickle their request headers, and drops
them once they take longer than nginx's header timeout."""

import json
import subprocess
import sys

from django.conf import settings

from newsroom.tests.serving import require_nginx, served


def test_healthz_stays_fast_while_fifty_slow_clients_hang_on(tmp_path):
    require_nginx()
    with served(f"sqlite:///{tmp_path / 'serve.sqlite3'}") as base:
        bench = subprocess.run(
            [
                sys.executable,
                "bench/slow_clients.py",
                "--url",
                base,
                "--json",
                "--slow",
                "50",
                "--seconds",
                "14",
                "--interval",
                "2",
            ],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    figures = json.loads(bench.stdout)
    assert figures["failures"] == 0
    assert figures["probes"] > 50
    assert figures["p99_ms"] < 1000
    assert figures["dropped_by_server"] == 50
