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
    data_dir: Path, *, workers: int = 2, threads: int | None = None, mode: str = "personal"
) -> Iterator[tuple[str, int]]:
    """`footcore serve` (gunicorn, personal mode unless `mode` is "multi-user", SQLite in
    `data_dir`) for the duration of the block; yields its base URL and port. Its log is
    shown if it fails to start."""
    env = {
        **os.environ,
        "FOOTCORE_DATA_DIR": str(data_dir),
        "DATABASE_URL": "",
        "FOOTCORE_MODE": mode,
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


def descendants_cpu() -> dict[int, float]:
    """Process id -> user + system CPU seconds, for each living descendant of this
    process, read from /proc; empty where there is no /proc."""
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
    me, found = os.getpid(), {}
    for pid in cpu:
        parent = parents.get(pid)
        while parent is not None and parent not in (0, 1, me):
            parent = parents.get(parent)
        if parent == me and pid != me:
            found[pid] = cpu[pid]
    return found


def busiest_shares(before: dict[int, float], after: dict[int, float], top: int) -> str:
    """The `top` processes' shares of the CPU spent between two `descendants_cpu`
    readings, largest first, as "71/29%" (a server's workers: how evenly they worked)."""
    spent = sorted((after[p] - before.get(p, 0.0) for p in after), reverse=True)[:top]
    total = sum(spent) or 1.0
    return "/".join(f"{100 * s / total:.0f}" for s in spent) + "%"


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
