"""Logged workouts per second from several signed-in runners at once, each logging in order.

bench/log_throughput.py drives one runner from four connections at once, which no runner
does: that runner's logs land out of order (a later day's log before an earlier one's),
and the two workers take turns on the same runner's state. Here `--runners` runners are
signed in (multi-user mode), each on one wrk thread with one connection, so each runner's
logs arrive one after another, two sessions a day walking forward, as a phone sends them.
Timed for `--seconds` at about 10 logs of history per runner, then again once every
runner's history is past `--grow-to` logs. Prints logs per second, the ratio of the two,
the server's CPU per log and how its workers shared it. Sessions are real Django sessions
in the database, so each log also reads its session and user (two queries more than
personal mode).

Run: uv run python bench/log_runners.py [--runners 4] [--seconds 10] [--grow-to 2000]
     [--workers 2]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import tempfile
from pathlib import Path

from log_throughput import FIRST_DAY, PROFILE, _log_body
from log_wrk import wrk_runner_logs

from support import busiest_shares, descendants_cpu, running_server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runners", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--grow-to", type=int, default=2000, help="logs per runner")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("this bench needs wrk (Debian: apt install wrk)")
    data_dir = Path(tempfile.mkdtemp(prefix="footcore-bench-runners-"))
    try:
        keys = _signed_in(data_dir, args.runners)
        with running_server(data_dir, workers=args.workers, mode="multi-user") as (_, port):
            runners = [(key, _onboard(port, key)) for key in keys]
            exercises = _todays_exercises(port, runners[0])
            base = [0]
            logged = [0]

            def timed(seconds: int) -> int:
                stored, most = wrk_runner_logs(
                    port, runners, exercises, first_day=FIRST_DAY, base=base[0], seconds=seconds
                )
                # Move past every index a runner used, to a day's first session.
                base[0] += most + 2 + (most % 2)
                logged[0] += stored
                return stored

            def phase() -> tuple[int, float, str]:
                before = descendants_cpu()
                stored = timed(args.seconds)
                after = descendants_cpu()
                spent = sum(after.values()) - sum(before.values())
                return (
                    stored,
                    spent * 1000 / max(stored, 1),
                    busiest_shares(before, after, args.workers),
                )

            timed(1)  # each runner's first logs: past the first-log work
            small, small_cpu, small_shares = phase()
            while logged[0] < args.grow_to * args.runners:
                timed(2)
            large, large_cpu, large_shares = phase()
            per_runner = logged[0] // args.runners
            print(
                f"POST /api/logs from {args.runners} runners, one connection each, "
                f"{args.workers} gunicorn workers, SQLite WAL: "
                f"{small / args.seconds:.0f} logs/s at ~10 logs of history each; "
                f"{large / args.seconds:.0f} logs/s past {args.grow_to} each "
                f"({large / max(small, 1):.2f}x; about {per_runner} logs per runner in all)"
            )
            print(
                f"server CPU per log: {small_cpu:.1f} ms, then {large_cpu:.1f} ms; the busiest "
                f"{args.workers} processes' shares of it: {small_shares}, then {large_shares}"
            )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _signed_in(data_dir: Path, count: int) -> list[str]:
    """Make `count` runner accounts in `data_dir`'s database and a signed-in session for
    each (what signing in stores); answers the session keys."""
    os.environ.update(
        {"FOOTCORE_DATA_DIR": str(data_dir), "DATABASE_URL": "", "FOOTCORE_MODE": "multi-user"}
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.core.management import call_command
    from django.db import connection

    from footcore.web.accounts.services import create_user

    call_command("migrate", verbosity=0)
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    keys = []
    for n in range(count):
        user = create_user(username=f"bench-runner-{n}", password=f"bench-{n}-long-password")
        store = store_class()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.save()
        keys.append(str(store.session_key))
    connection.close()
    return keys


def _onboard(port: int, session_key: str) -> str:
    """Save the runner's profile; answers their CSRF token."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/profile", headers={"Cookie": f"sessionid={session_key}"})
    response = conn.getresponse()
    response.read()
    token = next(
        (
            value.split(";", 1)[0].split("=", 1)[1]
            for header, value in response.getheaders()
            if header.lower() == "set-cookie" and value.startswith("csrftoken=")
        ),
        None,
    )
    if response.status != 200 or token is None:
        raise SystemExit(f"GET /profile as a signed-in runner: HTTP {response.status}")
    conn.request(
        "PUT",
        "/api/profile",
        body=json.dumps(PROFILE),
        headers={
            "Content-Type": "application/json",
            "X-CSRFToken": token,
            "Cookie": f"sessionid={session_key}; csrftoken={token}",
            "Referer": f"http://127.0.0.1:{port}/",
        },
    )
    saved = conn.getresponse()
    saved.read()
    if saved.status != 200:
        raise SystemExit(f"PUT /api/profile: HTTP {saved.status}")
    return token


def _todays_exercises(port: int, runner: tuple[str, str]) -> list[dict[str, object]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/plan", headers={"Cookie": f"sessionid={runner[0]}"})
    plan = json.loads(conn.getresponse().read())
    session = next(s for w in plan["weeks"] for s in w["sessions"] if s["kind"] == "activation")
    exercises: list[dict[str, object]] = _log_body(session, 0)["exercises"]
    return exercises


if __name__ == "__main__":
    main()
