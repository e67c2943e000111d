"""Requests per second and SQL queries per request for footcore's hot pages.

Starts `footcore serve` (gunicorn) on a free loopback port with a throw-away data
dir, then loads it from a second process: `wrk` when installed (Debian package
`wrk`), else a small Python keep-alive client. Load goes to 127.0.0.1 only, for a
bounded time.

Run: uv run python bench/web_throughput.py [--seconds 10] [--workers 2] [--connections 8]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from support import running_server

PATHS = ["/exercises", "/api/exercises", "/exercises/short-foot", "/api/exercises/short-foot"]


def with_wrk(url: str, seconds: int, connections: int) -> float:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses")
    return float(match.group(1)) if match else 0.0


def with_python(host: str, port: int, path: str, seconds: int, connections: int) -> float:
    count = [0] * connections
    stop = time.monotonic() + seconds

    def worker(slot: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=10)
        while time.monotonic() < stop:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status}")
            count[slot] += 1
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(count) / seconds


def queries_per_request() -> dict[str, int]:
    """Counted in-process with Django's test client (the same views, no network)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    counts: dict[str, int] = {}
    for path in PATHS:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        counts[path] = len(captured)
    return counts


def measure_all(base: str, port: int, args: argparse.Namespace) -> None:
    tool = "wrk" if shutil.which("wrk") else "python client"
    print(
        f"footcore serve: gunicorn, {args.workers} workers; load: {tool}, "
        f"{args.connections} connections, {args.seconds} s per path"
    )
    queries = queries_per_request()
    for path in PATHS:
        if shutil.which("wrk"):
            rate = with_wrk(base + path, args.seconds, args.connections)
        else:
            rate = with_python("127.0.0.1", port, path, args.seconds, args.connections)
        print(f"GET {path:28} {rate:8.0f} req/s   {queries[path]} SQL queries/request")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="footcore-bench-"))
    os.environ.update({"FOOTCORE_DATA_DIR": str(data_dir), "DATABASE_URL": ""})
    try:
        with running_server(data_dir, workers=args.workers) as (base, port):
            measure_all(base, port, args)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
