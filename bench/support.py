"""What every bench script needs: a real `footcore serve` on a free loopback port."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, proc: subprocess.Popen[bytes]) -> None:
    """Poll `/healthz` until the server answers; stop the bench if it never does."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("footcore serve exited early")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("footcore serve did not start within 60 s")


@contextmanager
def running_server(
    data_dir: Path, *, workers: int = 2, threads: int | None = None
) -> Iterator[tuple[str, int]]:
    """`footcore serve` (gunicorn, personal mode, SQLite in `data_dir`) for the
    duration of the block; yields its base URL and port. Its log is shown if it
    fails to start."""
    env = {
        **os.environ,
        "FOOTCORE_DATA_DIR": str(data_dir),
        "DATABASE_URL": "",
        "FOOTCORE_MODE": "personal",
    }
    # FOOTCORE_BENCH_PORT pins the port (a shared machine hands each user its own).
    port = int(os.environ.get("FOOTCORE_BENCH_PORT") or free_port())
    log = data_dir / "serve.log"
    with log.open("wb") as errors:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "footcore.cli.main",
                "serve",
                "--port",
                str(port),
                "--workers",
                str(workers),
                *([] if threads is None else ["--threads", str(threads)]),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_ready(base, proc)
        except SystemExit:
            print(log.read_text(errors="replace")[-2000:], file=sys.stderr)
            raise
        yield base, port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def descendants_cpu_s() -> float:
    """User + system CPU seconds of this process's living descendants (a server started
    here and its workers), read from /proc; 0.0 where there is no /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        cpu[pid] = (int(fields[11]) + int(fields[12])) / ticks
    me, total = os.getpid(), 0.0
    for pid in cpu:
        parent = parents.get(pid)
        while parent is not None and parent not in (0, 1, me):
            parent = parents.get(parent)
        if parent == me and pid != me:
            total += cpu[pid]
    return total


def activation_log(days_back: int, *, pain: int = 0) -> dict[str, Any]:
    """An activation log (POST /api/logs body) of its own unplanned day, `days_back`
    days before today, with a fresh idempotency key."""
    day = dt.date.today() - dt.timedelta(days=days_back)
    return {
        "date": day.isoformat(),
        "kind": "activation",
        "idempotency_key": uuid.uuid4().hex,
        "exercises": [
            {
                "exercise": "toe-yoga",
                "variant": "seated",
                "side": None,
                "done": True,
                "sets_done": 1,
                "reps_done": 10,
                "holds_done": None,
            }
        ],
        "difficulty": "just-right",
        "pain_0_10": pain,
        "pain_site": None,
        "notes": "",
    }
