"""Slow clients: does the server still answer while many connections trickle their headers?

    .venv/bin/python bench/slow_clients.py [--url http://127.0.0.1:8000] [--slow 50]
                                           [--seconds 30] [--interval 5] [--json]

Opens --slow connections that each send a request line and then one header line every
--interval seconds, never finishing (the slowloris attack). While they hang on, it asks for
/healthz one request after another for --seconds and prints the latency of those requests,
how many failed, and how many slow connections the server had dropped by the end.
"""

import argparse
import json
import select
import socket
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

PROBE_TIMEOUT = 60.0


class SlowClients:
    def __init__(self, host: str, port: int, count: int, interval: float) -> None:
        self.address = (host, port)
        self.count = count
        self.interval = interval
        self.sockets: list[socket.socket] = []
        self.dropped = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.trickle, daemon=True)

    def start(self) -> None:
        for _ in range(self.count):
            slow = socket.create_connection(self.address, timeout=10)
            slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
            self.sockets.append(slow)
        self.thread.start()

    def trickle(self) -> None:
        line = 0
        while not self.stopped.wait(self.interval):
            line += 1
            for slow in list(self.sockets):
                try:
                    slow.sendall(b"X-Slow-%d: still sending\r\n" % line)
                except OSError:
                    self.sockets.remove(slow)
                    self.dropped += 1

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join()
        for slow in self.sockets:
            # The server says nothing to a request it is still reading: anything readable
            # (its 408, or the end of the connection) means it gave up on this one.
            readable, _, _ = select.select([slow], [], [], 0)
            self.dropped += bool(readable)
            slow.close()


def probe(url: str) -> float | None:
    """Seconds /healthz took, or None when it failed."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=PROBE_TIMEOUT) as response:
            response.read()
    except (urllib.error.URLError, OSError):
        return None
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(url: str, slow: int, seconds: float, interval: float) -> dict:
    parts = urlsplit(url)
    clients = SlowClients(parts.hostname, parts.port or 80, slow, interval)
    clients.start()
    latencies, failures = [], 0
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            took = probe(url.rstrip("/") + "/healthz")
            if took is None:
                failures += 1
            else:
                latencies.append(took)
            time.sleep(0.05)
    finally:
        clients.stop()
    return {
        "slow_connections": slow,
        "probes": len(latencies) + failures,
        "failures": failures,
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1) if latencies else None,
        "max_ms": round(max(latencies) * 1000, 1) if latencies else None,
        "dropped_by_server": clients.dropped,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--slow", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--interval", type=float, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    options = parser.parse_args()
    figures = measure(options.url, options.slow, options.seconds, options.interval)
    if options.json:
        print(json.dumps(figures))
        return
    print(
        f"{figures['slow_connections']} slow connections: /healthz answered "
        f"{figures['probes'] - figures['failures']} of {figures['probes']} times, "
        f"p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms; "
        f"{figures['dropped_by_server']} slow connections dropped by the server"
    )
    sys.exit(1 if figures["failures"] else 0)


if __name__ == "__main__":
    main()
