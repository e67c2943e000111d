"""Logged workouts per second, and SQL queries per log, through the real API.

Starts `footcore serve` (gunicorn) on a loopback port (`FOOTCORE_BENCH_PORT`, else a
free one) with a throw-away data dir, stores the issue's example profile, then POSTs
session logs (each of its own session, with a new idempotency key; footcore keeps one
log per session, so the logs walk forward from a day long ago, two sessions a day, and
each lands at the end of the history as a real runner's do) from a few client threads:
timed for
`--seconds` at about 10 logs of history, then grown to `--grow-to` logs, then timed
again, so the two rates show whether a log's cost grows with the history. Queries
per log are counted in-process with Django's test client.

Run: uv run python bench/log_throughput.py [--seconds 10] [--threads 4] [--workers 2]
     [--server-threads N] [--grow-to 2000] [--no-in-process]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import itertools
import json
import os
import shutil
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from log_wrk import wrk_logs

from support import busiest_shares, descendants_cpu, running_server

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


FIRST_DAY = dt.date.today() - dt.timedelta(days=40_000)
"""Logs walk forward from here, two sessions a day (80,000 logs before they reach today)."""
KINDS = ("activation", "strength")


def _log_body(session: dict[str, Any], nth: int) -> dict[str, Any]:
    """The `nth` log: `session`'s exercises, logged as a session of its own."""
    return {
        "date": (FIRST_DAY + dt.timedelta(days=nth // 2)).isoformat(),
        "kind": KINDS[nth % 2],
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
    parser.add_argument(
        "--server-threads", type=int, default=None, help="gunicorn threads (default: serve's)"
    )
    parser.add_argument(
        "--grow-to", type=int, default=2000, help="history size of the second timed phase"
    )
    parser.add_argument("--no-in-process", action="store_true", help="skip the in-process part")
    parser.add_argument(
        "--client",
        choices=["wrk", "python"],
        default="wrk" if shutil.which("wrk") else "python",
        help="who sends the timed logs (default: wrk when installed)",
    )
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="footcore-bench-"))
    try:
        with running_server(data_dir, workers=args.workers, threads=args.server_threads) as (
            _,
            port,
        ):
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
            server = f"{args.workers} gunicorn workers"
            if args.server_threads is not None:
                server += f" x {args.server_threads} threads"

            nth = itertools.count()  # next() is atomic under the GIL
            skip = [0]
            """Indexes the wrk phases used: the Python client's logs come after them."""

            def log_index() -> int:
                return next(nth) + skip[0]

            def timed(seconds: int) -> int:
                """Logs stored in `seconds` by the chosen client, walking on from the last."""
                if args.client == "python":
                    return blast(seconds)
                base = log_index() + 1
                base += base % 2  # from a day's first session, as a runner's day begins
                stored = wrk_logs(
                    port,
                    token,
                    _log_body(done[0], 0)["exercises"],
                    first_day=FIRST_DAY,
                    base=base,
                    seconds=seconds,
                    connections=args.threads,
                )
                # Requests still in flight when wrk stopped may have been stored too.
                skip[0] += stored + 64
                return stored

            def blast(seconds: float, until: int | None = None) -> int:
                """POST logs from the client threads for `seconds` (or up to `until`)."""
                counts = [0] * args.threads
                stop = time.monotonic() + seconds

                def worker(slot: int) -> None:
                    own = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    while time.monotonic() < stop and (until is None or sum(counts) < until):
                        body = _log_body(done[0], log_index())
                        status, answer = _request(own, "POST", "/api/logs", body, token)
                        if status != 201:
                            raise SystemExit(f"POST /api/logs: HTTP {status}: {answer}")
                        counts[slot] += 1

                threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                return sum(counts)

            def phase() -> tuple[int, float, str]:
                """Logs stored in a timed phase, the server's CPU ms per log, and how
                the workers shared that CPU: a client's keep-alive connections stay with
                the worker that accepted them, and wrk opens them all at once, so one
                worker often takes them all and the other idles (about 1 run in 2)."""
                before = descendants_cpu()
                stored = timed(args.seconds)
                after = descendants_cpu()
                spent = sum(after.values()) - sum(before.values())
                shares = busiest_shares(before, after, args.workers)
                return stored, spent * 1000 / max(stored, 1), shares

            logged = blast(600, until=10)
            small, small_cpu_ms, small_shares = phase()
            logged += small
            while logged < args.grow_to:
                logged += timed(2) if args.client == "wrk" else blast(600, args.grow_to - logged)
            large, large_cpu_ms, large_shares = phase()
            logged += large
            print(
                f"POST /api/logs at ~10 logs of history: {small / args.seconds:.0f} logs/s; "
                f"past {args.grow_to}: {large / args.seconds:.0f} logs/s "
                f"({large / max(small, 1):.2f}x; {logged} logs in all; {args.client} client, "
                f"{args.threads} connections, {server}, SQLite WAL)"
            )
            print(
                f"server CPU per log: {small_cpu_ms:.1f} ms at ~10 logs, "
                f"{large_cpu_ms:.1f} ms past {args.grow_to} (all gunicorn processes)"
            )
            print(
                f"the busiest {args.workers} server processes' shares of that CPU: "
                f"{small_shares} at ~10 logs, {large_shares} past {args.grow_to}"
            )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    if args.no_in_process:
        return
    queries, latencies = in_process()
    print(f"SQL queries per log: {queries}")
    for size, ms, cpu_ms in latencies:
        print(
            f"in-process, one log with {size:>4} logs of history: {ms:.1f} ms wall, "
            f"{cpu_ms:.1f} ms CPU (median of 20)"
        )


def in_process() -> tuple[int, list[tuple[int, float, float]]]:
    """Queries per log, and one log's wall and CPU time (medians) as the runner's history
    grows. CPU time is this process's: on a shared machine it is steadier than wall time."""
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
    nth = itertools.count()
    client.post("/api/logs", _log_body(session, next(nth)), content_type="application/json")
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            "/api/logs", _log_body(session, next(nth)), content_type="application/json"
        )
        assert response.status_code == 201, response.content
    # Read now: the next request's `request_started` signal clears the query log.
    queries = len(captured)
    latencies: list[tuple[int, float, float]] = []
    logged = 2
    for size in (10, 500, 2000):
        while logged < size:
            client.post("/api/logs", _log_body(session, next(nth)), content_type="application/json")
            logged += 1
        walls, cpus = [], []
        for _ in range(20):
            wall, cpu = time.perf_counter(), time.process_time()
            client.post("/api/logs", _log_body(session, next(nth)), content_type="application/json")
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
        logged += 20
        latencies.append((size, statistics.median(walls), statistics.median(cpus)))
    shutil.rmtree(data_dir, ignore_errors=True)
    return queries, latencies


if __name__ == "__main__":
    main()
