"""make bench reads wrk's figures right and writes them, with the ratios, to results.md,
keeping the hand-written profiling notes below them."""

import sys
from types import SimpleNamespace

from newsroom.tests.serving import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     8.02ms    2.10ms  30.00ms   80.00%
  Latency Distribution
     50%    7.90ms
     75%    9.00ms
     90%   11.00ms
     99%    1.20s
  9800 requests in 5.00s, 1.25MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 3
Requests/sec:   1959.40
Transfer/sec:      1.25MB
"""


def test_wrk_figures_are_read_with_their_units(monkeypatch):
    monkeypatch.setattr(pages.subprocess, "run", lambda *a, **k: SimpleNamespace(stdout=WRK_OUTPUT))
    figures = pages.wrk("http://x/", seconds=5, threads=2, connections=16)
    assert figures == {
        "requests_per_second": 1959.4,
        "p50_ms": 7.9,
        "p99_ms": 1200.0,
        "errors": 6,
    }


def measures(story_rps: float, story_p50: float) -> list:
    return [
        pages.Measure("bare Django view", "/bench/bare", 2000.0, 8.0, 14.0, 0, 0),
        pages.Measure("static file (whitenoise)", "/static/x.css", 2500.0, 7.0, 12.0, 0, 0),
        pages.Measure("story", "/stories/s/", story_rps, story_p50, 90.0, 0, 9, 3.5, "PLAN", "Q"),
    ]


def test_the_report_gives_ratios_to_both_references_and_between_sizes(tmp_path):
    options = SimpleNamespace(threads=2, connections=16, seconds=5, workers=2)
    text = pages.report(
        {1000: measures(400.0, 40.0), 1_000_000: measures(200.0, 60.0)},
        {"machine": "test"},
        options,
    )
    assert "| story (`/stories/s/`) | 400.0 | 40.00 | 90.00 | 9 | 3.5 | 0.200 | 0.160 |" in text
    assert "| story | 40.00 | 60.00 | 1.50 |" in text
    assert "### story (3.5 ms)" in text
    assert "PLAN" in text


def test_a_new_run_keeps_the_profiling_notes(tmp_path):
    results = tmp_path / "results.md"
    results.write_text(f"# old figures\n\n{pages.NOTES_HEADING}\n\nWhere the time went.\n")
    assert pages.kept_notes(results) == f"\n{pages.NOTES_HEADING}\n\nWhere the time went.\n"
    assert pages.kept_notes(tmp_path / "none.md") == ""
