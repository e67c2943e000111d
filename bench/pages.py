"""Time and SQL queries of /today, /plan and /progress as the runner's history grows.

In-process (Django's test client, one thread, a throw-away SQLite data dir): one runner
per history size, all in the same database. Each stores the example profile, then logs
a realistic history through `POST /api/logs`, oldest first: one session every
`--every-days` days (default 2, a bit over three a week, about the profile's sessions
per week) back from yesterday, so 1,000 logs span about five and a half years. Today's
session is left unlogged at every size, so the pages show the same day.

Then, page by page: every size's page is first rendered `--warmup` times untimed (so
the first size measured does not pay for the process's first renders: lazy imports,
template and URL caches, the parse caches), then `--repeat` timed rounds, each
rendering the page once per size in turn, so a change in the machine's load falls on
every size alike. Prints the median wall time, the median and least CPU time of this
process per request (the server's share: there is no network in between; on a loaded
machine the least is the steadiest), the SQL queries of one request, and each size's
CPU median and least as a multiple of the first size's.

Personal mode serves one local runner (`accounts.services.LOCAL_RUNNER`); the bench
points that name at each size's runner before its requests.

Run: uv run python bench/pages.py [--repeat 30] [--warmup 10] [--sizes 10,1000]
     [--every-days 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
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
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--sizes", default="10,1000")
    parser.add_argument("--every-days", type=int, default=2)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    data_dir = tempfile.mkdtemp(prefix="footcore-bench-pages-")
    os.environ.update({"FOOTCORE_DATA_DIR": data_dir, "DATABASE_URL": ""})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    try:
        for size in sizes:
            _as_runner(size)
            span = _grow_history(client, size, args.every_days)
            print(f"runner {size}: {size} logs over {span} days ({span / 365.25:.1f} years)")
        for path in PAGES:
            _measure(client, path, sizes, args.repeat, args.warmup)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _as_runner(size: int) -> None:
    """Personal mode's requests act as this size's runner from now on."""
    from footcore.web.accounts import services

    services.LOCAL_RUNNER = f"bench-{size}"


def _grow_history(client: Any, size: int, every_days: int) -> int:
    client.put("/api/profile", PROFILE, content_type="application/json")
    session = _todays_activation(client)
    today = dt.date.fromisoformat(session["date"])
    for back in range(size, 0, -1):
        day = today - dt.timedelta(days=back * every_days - 1)
        body = {**_log_body(session, 0), "date": day.isoformat()}
        response = client.post("/api/logs", body, content_type="application/json")
        assert response.status_code == 201, response.content
    return (today - (today - dt.timedelta(days=size * every_days - 1))).days


def _measure(client: Any, path: str, sizes: list[int], repeat: int, warmup: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queries: dict[int, int] = {}
    for size in sizes:
        _as_runner(size)
        for _ in range(warmup):
            assert client.get(path).status_code == 200, path
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries[size] = len(captured)
    walls: dict[int, list[float]] = {size: [] for size in sizes}
    cpus: dict[int, list[float]] = {size: [] for size in sizes}
    for _ in range(repeat):
        for size in sizes:
            _as_runner(size)
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(path)
            cpus[size].append((time.process_time() - cpu) * 1000)
            walls[size].append((time.perf_counter() - wall) * 1000)
    first_median, first_least = statistics.median(cpus[sizes[0]]), min(cpus[sizes[0]])
    for size in sizes:
        cpu_ms, least_ms = statistics.median(cpus[size]), min(cpus[size])
        ratio = (
            ""
            if size == sizes[0]
            else f"  ({cpu_ms / first_median:.2f}x median, {least_ms / first_least:.2f}x min)"
        )
        print(
            f"{path:<10} {size:>5} logs: median {statistics.median(walls[size]):6.1f} ms wall, "
            f"CPU median {cpu_ms:5.1f} ms, min {least_ms:5.1f} ms; "
            f"{queries[size]} SQL queries{ratio}"
        )


def _todays_activation(client: Any) -> dict[str, Any]:
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
