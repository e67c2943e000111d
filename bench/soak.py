"""Memory over a bounded soak of `footcore serve`: worker RSS at the start and the end.

Starts `footcore serve` (gunicorn, one worker, personal mode, SQLite) on a free
loopback port, stores a profile, then for `--seconds` sends a mix of what a runner
and a curious stranger do: pages, the API, a log a day, progress charts and PDF,
and library searches with ever new text (each a new cache key). The worker's RSS is
printed after a warm-up and at the end; a bounded process levels off.

`--tracemalloc` runs the same mix in-process instead (Django's test client) and
prints the allocation sites that grew most between the warm-up and the end: the
way to find what keeps memory.

Run: uv run python bench/soak.py [--seconds 120] [--tracemalloc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from support import activation_log, running_server

PROFILE = {
    "start": (dt.date.today() - dt.timedelta(days=60)).isoformat(),
    "weeks": 12,
    "run_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "long_run_day": "sun",
    "timezone": "UTC",
    "sessions_per_week": 3,
    "minutes": 10,
    "equipment": ["step", "towel", "chair"],
}
PAGES = [
    "/today",
    "/plan",
    "/progress",
    "/exercises",
    "/exercises/short-foot",
    "/exercises/short-foot/illustration.svg",
    "/progress/charts/minutes.svg",
    "/progress/charts/pain.svg",
    "/api/plan",
    "/api/today",
    "/api/status",
    "/api/exercises",
    "/plan.ics",
    "/assess",
    "/profile",
]
Send = Callable[[str, str, Any], int]


def drive(send: Send, seconds: float, counter: itertools.count[int]) -> int:
    """The request mix for `seconds`; returns the number of requests."""
    stop = time.monotonic() + seconds
    sent = 0
    while time.monotonic() < stop:
        n = next(counter)
        for path in PAGES:
            send("GET", path, None)
        send("GET", f"/exercises?q=search{n}", None)  # a new filter every round
        send("GET", f"/api/exercises?q=search{n}", None)
        send("POST", "/api/logs", activation_log(1 + n, pain=(1 + n) % 4))
        if n % 5 == 0:
            send("GET", "/progress.pdf", None)
        sent += len(PAGES) + 3 + (n % 5 == 0)
    return sent


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _workers(master: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def over_http(seconds: float) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="footcore-soak-"))
    try:
        with running_server(data_dir, workers=1, threads=4) as (_, port):
            _soak(port, seconds)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _soak(port: int, seconds: float) -> None:
    """The mix against the server on `port`, whose one worker is this process's
    grandchild: `footcore serve` is the gunicorn master, a child of this process."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/profile")
    page = conn.getresponse()
    page.read()
    token = next(
        v.split(";")[0].split("=", 1)[1]
        for k, v in page.getheaders()
        if k.lower() == "set-cookie" and v.startswith("csrftoken=")
    )

    def send(method: str, path: str, body: Any) -> int:
        headers = {
            "Content-Type": "application/json",
            "X-CSRFToken": token,
            "Cookie": f"csrftoken={token}",
            "Referer": f"http://127.0.0.1:{port}/",
        }
        conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status

    assert send("PUT", "/api/profile", PROFILE) == 200
    counter = itertools.count()
    drive(send, min(20.0, seconds / 5), counter)  # warm-up: imports, first caches
    (master,) = _workers(os.getpid())
    (worker,) = _workers(master)
    start_kb = _rss_kb(worker)
    sent = drive(send, seconds, counter)
    end_kb = _rss_kb(worker)
    print(
        f"soak: {sent} requests in {seconds:.0f} s; worker RSS {start_kb / 1024:.1f} MB "
        f"after warm-up, {end_kb / 1024:.1f} MB at the end "
        f"({(end_kb - start_kb) / 1024:+.1f} MB)"
    )


def in_process(seconds: float) -> None:
    import tracemalloc

    data_dir = tempfile.mkdtemp(prefix="footcore-soak-")
    os.environ.update(
        {
            "FOOTCORE_DATA_DIR": data_dir,
            "DATABASE_URL": "",
            "FOOTCORE_MODE": "personal",
            "DJANGO_SETTINGS_MODULE": "footcore.web.settings",
        }
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")

    def send(method: str, path: str, body: Any) -> int:
        call = getattr(client, method.lower())
        response = (
            call(path, body, content_type="application/json") if body is not None else call(path)
        )
        return int(response.status_code)

    assert send("PUT", "/api/profile", PROFILE) == 200
    counter = itertools.count()
    drive(send, min(20.0, seconds / 5), counter)
    tracemalloc.start(10)
    before = tracemalloc.take_snapshot()
    sent = drive(send, seconds, counter)
    after = tracemalloc.take_snapshot()
    print(f"soak in-process: {sent} requests in {seconds:.0f} s; growth by allocation site:")
    for stat in after.compare_to(before, "traceback")[:8]:
        print(f"  {stat.size_diff / 1024:+9.1f} KiB  {stat.count_diff:+6d} blocks")
        for line in stat.traceback.format()[-6:]:
            print("      " + line)
    shutil.rmtree(data_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args()
    (in_process if args.tracemalloc else over_http)(args.seconds)


if __name__ == "__main__":
    main()
