"""Time, SQL queries and self-test rows read of /progress as the self-test history grows.

In-process (Django's test client, one thread, a fresh throw-away SQLite data dir): stores
the example profile, then records heel-raise and balance self-tests through
`POST /api/assessments`, one retest day every `--every-days` days back from today (both
sides, the heel raise on the incline and on the floor in turn). At each size /progress is
rendered `--repeat` times. Prints the median wall and CPU time per request, the SQL
queries of one request and how many self-test rows it read of how many stored.

Run: uv run python bench/progress_self_tests.py [--repeat 20] [--sizes 5,200,2000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from typing import Any

from log_throughput import PROFILE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sizes", default="5,200,2000")
    parser.add_argument("--every-days", type=int, default=7)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="footcore-bench-progress-")
    os.environ.update({"FOOTCORE_DATA_DIR": data_dir, "DATABASE_URL": ""})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            call_command("flush", interactive=False, verbosity=0)  # a new runner per size
            _measure(size, args.repeat, args.every_days)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _bodies(size: int) -> list[dict[str, object]]:
    """`size` self-test rows: per retest day two heel-raise rows, then two balance rows."""
    bodies: list[dict[str, object]] = []
    n = 0
    while 2 * len(bodies) < size:
        if n % 2 == 0:
            surface = "incline" if n % 4 == 0 else "flat"
            bodies.append({"test": "heel-raise", "left": 20, "right": 22, "surface": surface})
        else:
            bodies.append({"test": "balance-eyes-open", "left": [30.0], "right": [31.0]})
        n += 1
    return bodies


def _measure(size: int, repeat: int, every_days: int) -> None:
    import datetime as dt

    from django.db import connection
    from django.test import Client

    from footcore.web.assessments.models import AssessmentEntry
    from footcore.web.progress import selectors

    client = Client(HTTP_HOST="127.0.0.1")
    client.put("/api/profile", PROFILE, content_type="application/json")
    today = dt.datetime.now(dt.UTC).date()
    bodies = _bodies(size)
    for index, body in enumerate(bodies):
        day = today - dt.timedelta(days=every_days * ((len(bodies) - 1 - index) // 2))
        response = client.post(
            "/api/assessments",
            json.dumps({**body, "date": day.isoformat()}),
            content_type="application/json",
        )
        assert response.status_code == 201, response.content
    stored = AssessmentEntry.objects.count()
    read: list[int] = []
    real = selectors.recent_rows_for

    def counting(user: Any, **window: Any) -> list[tuple[Any, ...]]:
        rows = real(user, **window)
        read.append(len(rows))
        return rows

    assert client.get("/progress").status_code == 200  # warm caches
    selectors.recent_rows_for = counting
    try:
        executed: list[str] = []

        def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get("/progress")
    finally:
        selectors.recent_rows_for = real
    walls, cpus = [], []
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeat):
            client.get("/progress")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        client.get("/progress")
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    print(
        f"/progress {stored:>5} self-tests: median {statistics.median(walls):6.1f} ms wall,"
        f" CPU median {statistics.median(cpus):5.1f} ms; {len(executed)} SQL queries;"
        f" {sum(read)} self-test rows read"
    )


if __name__ == "__main__":
    main()
