"""Time and SQL queries of /today, /plan and /progress as the runner's history grows.

In-process (Django's test client, one thread, a fresh throw-away SQLite data dir per
size): stores the example profile, then logs a realistic history through
`POST /api/logs`, oldest first: one session every `--every-days` days (default 2, a bit
over three a week, about the profile's sessions per week) back from yesterday, so 1,000
logs span about five and a half years. Today's session is left unlogged at every size,
so the pages show the same day. At each size every page is rendered `--repeat` times.
Prints the median wall time, the median and least CPU time of this process per request
(the server's share: there is no network in between; on a loaded machine the least is
the steadiest) and the SQL queries of one request.

Run: uv run python bench/pages.py [--repeat 30] [--sizes 10,1000] [--every-days 2]
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
    parser.add_argument("--every-days", type=int, default=2)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    data_dir = tempfile.mkdtemp(prefix="footcore-bench-pages-")
    os.environ.update({"FOOTCORE_DATA_DIR": data_dir, "DATABASE_URL": ""})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    first: dict[str, tuple[float, float]] = {}
    try:
        for size in sizes:
            call_command("flush", interactive=False, verbosity=0)  # a new runner per size
            _measure(size, args.repeat, args.every_days, first)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _measure(
    size: int, repeat: int, every_days: int, first: dict[str, tuple[float, float]]
) -> None:
    import datetime as dt

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.put("/api/profile", PROFILE, content_type="application/json")
    session = _todays_activation(client)
    today = dt.date.fromisoformat(session["date"])
    for back in range(size, 0, -1):
        day = today - dt.timedelta(days=back * every_days - 1)
        body = {**_log_body(session, 0), "date": day.isoformat()}
        response = client.post("/api/logs", body, content_type="application/json")
        assert response.status_code == 201, response.content
    span = (today - (today - dt.timedelta(days=size * every_days - 1))).days
    print(f"{size} logs over {span} days ({span / 365.25:.1f} years)")
    for path in PAGES:
        assert client.get(path).status_code == 200, path  # warm caches
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries = len(captured)
        walls, cpus = [], []
        for _ in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(path)
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
        cpu_ms, least_ms = statistics.median(cpus), min(cpus)
        ratio = (
            ""
            if path not in first
            else f"  ({cpu_ms / first[path][0]:.2f}x median, {least_ms / first[path][1]:.2f}x min)"
        )
        first.setdefault(path, (cpu_ms, least_ms))
        print(
            f"{path:<10} {size:>5} logs: median {statistics.median(walls):6.1f} ms wall, "
            f"CPU median {cpu_ms:5.1f} ms, min {least_ms:5.1f} ms; {queries} SQL queries{ratio}"
        )


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
