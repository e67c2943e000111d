"""Time and SQL queries of /today, /plan and /progress as the runner's history grows.

In-process (Django's test client, one thread, a throw-away SQLite data dir): stores
the example profile, logs sessions through `POST /api/logs` until the history holds
10, then 1,000 logs, and at each size renders every page `--repeat` times. Prints the
median wall time, the median CPU time of this process per request (the server's share:
there is no network in between) and the SQL queries of one request.

Run: uv run python bench/pages.py [--repeat 30] [--sizes 10,1000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from typing import Any

from log_throughput import PROFILE, _log_body

PAGES = ("/today", "/plan", "/progress")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--sizes", default="10,1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    data_dir = tempfile.mkdtemp(prefix="footcore-bench-pages-")
    os.environ.update({"FOOTCORE_DATA_DIR": data_dir, "DATABASE_URL": ""})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    client.put("/api/profile", PROFILE, content_type="application/json")
    session = _todays_activation(client)
    logged = 0
    first: dict[str, float] = {}
    try:
        for size in sizes:
            while logged < size:
                response = client.post(
                    "/api/logs", _log_body(session), content_type="application/json"
                )
                assert response.status_code == 201, response.content
                logged += 1
            for path in PAGES:
                assert client.get(path).status_code == 200, path  # warm caches
                with CaptureQueriesContext(connection) as captured:
                    client.get(path)
                queries = len(captured)
                walls, cpus = [], []
                for _ in range(args.repeat):
                    wall, cpu = time.perf_counter(), time.process_time()
                    client.get(path)
                    cpus.append((time.process_time() - cpu) * 1000)
                    walls.append((time.perf_counter() - wall) * 1000)
                wall_ms = statistics.median(walls)
                ratio = "" if path not in first else f"  ({wall_ms / first[path]:.2f}x)"
                first.setdefault(path, wall_ms)
                print(
                    f"{path:<10} {size:>5} logs: median {wall_ms:6.1f} ms wall, "
                    f"{statistics.median(cpus):6.1f} ms CPU, {queries} SQL queries{ratio}"
                )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _todays_activation(client: Any) -> dict[str, Any]:
    import datetime as dt

    plan = client.get("/api/plan").json()
    today = dt.datetime.now(dt.UTC).date().isoformat()
    return next(
        s
        for w in plan["weeks"]
        for s in w["sessions"]
        if s["kind"] == "activation" and s["date"] == today
    )


if __name__ == "__main__":
    main()
