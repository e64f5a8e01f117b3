"""`make soak` runs end to end, and its check catches a save that overwrote another."""

import importlib.util
import os
import subprocess
import sys

from newsroom.tests.clusters import require_postgres
from newsroom.tests.serving import ROOT, require_nginx

spec = importlib.util.spec_from_file_location("soak", ROOT / "bench" / "soak.py")
soak = importlib.util.module_from_spec(spec)
spec.loader.exec_module(soak)


def figures(accepted=None, refused=None):
    result = soak.Figures()
    result.accepted.update(accepted or {})
    result.refused.update(refused or {})
    return result


def test_the_check_passes_when_every_accepted_save_is_there_in_order():
    body = "Text.\n\nSoak edit a 1.\n\nSoak edit b 1.\n\nSoak edit a 2."
    saves = figures(
        {7: ["Soak edit a 1.", "Soak edit b 1.", "Soak edit a 2."]}, {7: ["Soak edit b 2."]}
    )
    assert soak.lost_saves({"7": body}, saves) == []


def test_the_check_finds_a_save_that_overwrote_another():
    body = "Text.\n\nSoak edit a 1.\n\nSoak edit a 2."  # b's save was written over
    saves = figures({7: ["Soak edit a 1.", "Soak edit b 1.", "Soak edit a 2."]})
    assert soak.lost_saves({"7": body}, saves) == ["story 7: accepted save lost: Soak edit b 1."]


def test_the_check_finds_a_refused_save_that_was_written_and_saves_out_of_order():
    body = "Text.\n\nSoak edit a 2.\n\nSoak edit a 1.\n\nSoak edit b 1."
    saves = figures({7: ["Soak edit a 1.", "Soak edit a 2."]}, {7: ["Soak edit b 1."]})
    assert soak.lost_saves({"7": body}, saves) == [
        "story 7: accepted saves out of order",
        "story 7: refused save written: Soak edit b 1.",
    ]


def test_a_short_soak_on_its_own_cluster_loses_nothing():
    require_postgres()
    require_nginx()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "bench/soak.py", "--seconds", "8", "--readers", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nothing lost" in result.stdout
    assert "errors: none" in result.stdout
