"""Acknowledged writes survive `kill -9`: a crash test of `footcore serve`.

Starts `footcore serve` (gunicorn, personal mode) on a free loopback port with a
throw-away data dir, stores a profile, then POSTs session logs from two client
threads (each log of its own day, with a new idempotency key) while the whole
server - master and workers - is killed with SIGKILL every few seconds and
started again. A write counts as acknowledged only when its 201 arrived. At the
end every acknowledged key must be in the database, and the database must be
intact: `PRAGMA integrity_check` on SQLite; on PostgreSQL (`--postgres URL`, a
fresh database is created next to the one named and dropped afterwards) the rows
must be there.

Run: uv run python bench/durability.py [--seconds 30] [--postgres postgresql://...]
Exits 1 when a write is lost or the database is damaged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import itertools
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from support import activation_log, free_port, wait_ready

PROFILE = {
    "start": dt.date.today().isoformat(),
    "weeks": 8,
    "run_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "long_run_day": "sun",
    "timezone": "UTC",
    "sessions_per_week": 3,
    "minutes": 10,
    "equipment": ["step", "towel", "chair"],
}
TABLE = "sessions_log_sessionlogentry"


class Server:
    """`footcore serve` in its own process group, so SIGKILL reaches every worker."""

    def __init__(self, data_dir: Path, database_url: str) -> None:
        self.port = free_port()
        self.env = {
            **os.environ,
            "FOOTCORE_DATA_DIR": str(data_dir),
            "DATABASE_URL": database_url,
            "FOOTCORE_MODE": "personal",
        }
        self.env.pop("DJANGO_SETTINGS_MODULE", None)
        self.log = data_dir / "serve.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "footcore.cli.main",
                    "serve",
                    "--port",
                    str(self.port),
                    "--workers",
                    "2",
                    "--threads",
                    "2",
                ],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=out,
                start_new_session=True,
            )
        wait_ready(f"http://127.0.0.1:{self.port}", self.proc)

    def kill(self) -> None:
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        # Workers are in the group too; wait until the port is free again.
        time.sleep(0.5)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)


def _csrf(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/profile")
    response = conn.getresponse()
    response.read()
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith("csrftoken="):
            return value.split(";", 1)[0].split("=", 1)[1]
    raise SystemExit("no CSRF cookie")


def _send(port: int, method: str, path: str, body: Any, token: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            method,
            path,
            body=json.dumps(body),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": token,
                "Cookie": f"csrftoken={token}",
                "Referer": f"http://127.0.0.1:{port}/",
            },
        )
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _stored_keys(data_dir: Path, database_url: str) -> tuple[set[str], str]:
    """The idempotency keys in the database, and its integrity verdict."""
    if not database_url:
        db = sqlite3.connect(data_dir / "footcore.sqlite3")
        try:
            verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
            keys = {row[0] for row in db.execute(f"SELECT idempotency_key FROM {TABLE}")}
        finally:
            db.close()
        return keys, f"PRAGMA integrity_check: {verdict}"
    import psycopg

    with psycopg.connect(database_url) as pg:
        keys = {row[0] for row in pg.execute(f"SELECT idempotency_key FROM {TABLE}")}
    return keys, "PostgreSQL: rows read back"


def _fresh_postgres(url: str) -> tuple[str, str]:
    """A new database on the server of `url`: (its URL, its name)."""
    import psycopg

    base, _, _ = url.rpartition("/")
    name = f"footcore_durability_{os.getpid()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {name}")
        db.execute(f"CREATE DATABASE {name}")
    return f"{base}/{name}", name


def _drop_postgres(url: str, name: str) -> None:
    import psycopg

    base, _, _ = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL; default SQLite")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="footcore-durability-"))
    database_url, pg_name = _fresh_postgres(args.postgres) if args.postgres else ("", "")
    server = Server(data_dir, database_url)
    acknowledged: set[str] = set()
    lock = threading.Lock()
    days_back = itertools.count(1)
    kills = 0
    try:
        server.start()
        token = _csrf(server.port)
        status, body = _send(server.port, "PUT", "/api/profile", PROFILE, token)
        assert status == 200, (status, body)
        stop = time.monotonic() + args.seconds

        def writer() -> None:
            while time.monotonic() < stop:
                log = activation_log(next(days_back))
                try:
                    status, body = _send(server.port, "POST", "/api/logs", log, token)
                except OSError:
                    time.sleep(0.2)  # the server is down or restarting: not acknowledged
                    continue
                if status == 201:
                    with lock:
                        acknowledged.add(log["idempotency_key"])
                elif status < 500:
                    raise SystemExit(f"POST /api/logs: HTTP {status}: {body[:300]!r}")

        writers = [threading.Thread(target=writer) for _ in range(2)]
        for thread in writers:
            thread.start()
        rng = random.Random(5545)
        while time.monotonic() < stop - 2:
            time.sleep(rng.uniform(1.0, 3.0))
            server.kill()
            kills += 1
            server.start()
        for thread in writers:
            thread.join()
        server.stop()
        stored, integrity = _stored_keys(data_dir, database_url)
        lost = acknowledged - stored
        where = "PostgreSQL" if args.postgres else "SQLite (WAL)"
        print(
            f"kill -9 durability on {where}: {kills} kills, {len(acknowledged)} acknowledged "
            f"writes, {len(lost)} lost, {len(stored)} rows; {integrity}"
        )
        ok = not lost and kills > 0 and acknowledged and integrity.endswith(("ok", "read back"))
        return 0 if ok else 1
    finally:
        server.stop()
        if pg_name:
            _drop_postgres(args.postgres, pg_name)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
