"""Logged workouts per second, and SQL queries per log, through the real API.

Starts `footcore serve` (gunicorn) on a free loopback port with a throw-away data
dir, stores the issue's example profile, then POSTs session logs (each of its own
session, one day further back, with a new idempotency key, each followed by
footcore's full adapt-and-replan) from a few client threads for a bounded time.
footcore keeps one log per session, so the bench never logs a day twice. Queries
per log are counted in-process with Django's test client.

Run: uv run python bench/log_throughput.py [--seconds 10] [--threads 4] [--workers 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import itertools
import json
import os
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from support import running_server

# Every day a run day, so today always holds an activation session to log.
PROFILE = {
    "start": dt.date.today().isoformat(),
    "weeks": 8,
    "run_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "long_run_day": "sun",
    "hard_days": ["wed"],
    "timezone": "UTC",
    "sessions_per_week": 3,
    "minutes": 10,
    "concerns": ["shin-splints"],
    "equipment": ["step", "towel", "chair"],
}


def _csrf(conn: http.client.HTTPConnection) -> str:
    conn.request("GET", "/profile")
    response = conn.getresponse()
    response.read()
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith("csrftoken="):
            return value.split(";", 1)[0].split("=", 1)[1]
    raise SystemExit("no CSRF cookie")


def _request(
    conn: http.client.HTTPConnection, method: str, path: str, body: Any, token: str
) -> tuple[int, Any]:
    conn.request(
        method,
        path,
        body=json.dumps(body),
        headers={
            "Content-Type": "application/json",
            "X-CSRFToken": token,
            "Cookie": f"csrftoken={token}",
            "Referer": f"http://{conn.host}:{conn.port}/",
        },
    )
    response = conn.getresponse()
    return response.status, json.loads(response.read() or b"null")


def _log_body(session: dict[str, Any], days_back: int = 0) -> dict[str, Any]:
    """A log of `session`'s exercises, dated `days_back` days before it (its own session)."""
    day = dt.date.fromisoformat(session["date"]) - dt.timedelta(days=days_back)
    return {
        "date": day.isoformat(),
        "kind": session["kind"],
        "idempotency_key": uuid.uuid4().hex,
        "exercises": [
            {
                "exercise": item["exercise"],
                "variant": item["variant"],
                "side": None,
                "done": True,
                "sets_done": item["dose"]["sets"],
                "reps_done": item["dose"]["reps_min"],
                "holds_done": None,
            }
            for item in session["items"]
        ],
        "difficulty": "just-right",
        "pain_0_10": 1,
        "pain_site": None,
        "notes": "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="footcore-bench-"))
    try:
        with running_server(data_dir, workers=args.workers) as (_, port):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            token = _csrf(conn)
            status, _ = _request(conn, "PUT", "/api/profile", PROFILE, token)
            assert status == 200, status
            conn.request("GET", "/api/plan")
            plan = json.loads(conn.getresponse().read())
            today = dt.datetime.now(dt.UTC).date().isoformat()
            done = [
                s
                for w in plan["weeks"]
                for s in w["sessions"]
                if s["kind"] == "activation" and s["date"] == today
            ]
            assert done, "no session today to log"
            counts = [0] * args.threads
            stop = time.monotonic() + args.seconds
            days_back = itertools.count()  # next() is atomic under the GIL

            def worker(slot: int) -> None:
                own = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                while time.monotonic() < stop:
                    body = _log_body(done[0], next(days_back))
                    status, body = _request(own, "POST", "/api/logs", body, token)
                    if status != 201:
                        raise SystemExit(f"POST /api/logs: HTTP {status}: {body}")
                    counts[slot] += 1

            threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            total = sum(counts)
            print(
                "POST /api/logs (store + adapt + replan 8 weeks): "
                f"{total / args.seconds:.0f} logs/s "
                f"({total} in {args.seconds} s, {args.threads} client threads, "
                f"{args.workers} gunicorn workers, SQLite WAL)"
            )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    queries, latencies = in_process()
    print(f"SQL queries per log: {queries}")
    for size, ms in latencies:
        print(f"in-process latency of one log with {size:>3} logs of history: {ms:.1f} ms")


def in_process() -> tuple[int, list[tuple[int, float]]]:
    """Queries per log, and one log's latency as the runner's history grows (every log
    replays the history through the adaptation rules)."""
    data_dir = tempfile.mkdtemp(prefix="footcore-bench-q-")
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
    plan = client.get("/api/plan").json()
    today = dt.datetime.now(dt.UTC).date().isoformat()
    session = next(
        s
        for w in plan["weeks"]
        for s in w["sessions"]
        if s["kind"] == "activation" and s["date"] == today
    )
    back = itertools.count()

    def post() -> Any:
        body = _log_body(session, next(back))
        response = client.post("/api/logs", body, content_type="application/json")
        assert response.status_code == 201, response.content
        return response

    post()
    with CaptureQueriesContext(connection) as captured:
        post()
    # Read now: the next request's `request_started` signal clears the query log.
    queries = len(captured)
    latencies: list[tuple[int, float]] = []
    logged = 2
    for size in (10, 150, 500):
        while logged < size:
            post()
            logged += 1
        started = time.perf_counter()
        for _ in range(20):
            post()
        logged += 20
        latencies.append((size, (time.perf_counter() - started) / 20 * 1000))
    shutil.rmtree(data_dir, ignore_errors=True)
    return queries, latencies


if __name__ == "__main__":
    main()
