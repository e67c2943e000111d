"""A runner who logs every planned session as the days go by: one log's CPU time, SQL
queries and planned-session rows written, in process (Django's test client), with the
clock moved a day at a time (time-machine).

Unlike bench/log_throughput.py, whose logs are dated long ago so thousands fit, these
are today's sessions of a live plan, so most logs change what the plan says next (a
step held, a step taken) and show what a replan writes.

Run: uv run python bench/log_days.py [--days 60] [--weeks 52]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import shutil
import statistics
import tempfile
import time
from typing import Any

START = dt.date(2027, 1, 4)
PROFILE: dict[str, Any] = {
    "weeks": 52,
    "run_days": ["mon", "wed", "fri", "sun"],
    "long_run_day": "sun",
    "hard_days": ["wed"],
    "sessions_per_week": 3,
    "minutes": 15,
    "concerns": ["shin-splints"],
    "equipment": ["step", "towel", "chair"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--weeks", type=int, default=52)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="footcore-bench-days-")
    os.environ.update({"FOOTCORE_DATA_DIR": data_dir, "DATABASE_URL": ""})
    os.environ.update({"FOOTCORE_MODE": "personal"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    import time_machine
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from footcore.web.training.models import PlannedSession

    call_command("migrate", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    profile = {**PROFILE, "start": START.isoformat(), "weeks": args.weeks}
    with time_machine.travel(dt.datetime(2027, 1, 3, 12, tzinfo=dt.UTC), tick=False):
        saved = client.put("/api/profile", profile, content_type="application/json")
        assert saved.status_code == 200, saved.content
    cpus: list[float] = []
    queries: collections.Counter[int] = collections.Counter()
    written: list[int] = []
    for offset in range(args.days):
        when = dt.datetime.combine(START + dt.timedelta(days=offset), dt.time(18), dt.UTC)
        with time_machine.travel(when, tick=False):
            for session in _sessions_on(client, when.date()):
                before = set(PlannedSession.objects.values_list("id", flat=True))
                body = _log(session)
                cpu = time.process_time()
                with CaptureQueriesContext(connection) as captured:
                    response = client.post("/api/logs", body, content_type="application/json")
                cpus.append((time.process_time() - cpu) * 1000)
                assert response.status_code == 201, response.content
                queries[len(captured)] += 1
                now = set(PlannedSession.objects.values_list("id", flat=True))
                written.append(len(now - before))
    shutil.rmtree(data_dir, ignore_errors=True)
    replans = [n for n in written if n]
    print(
        f"{len(cpus)} logs over {args.days} days, {args.weeks}-week plan: "
        f"median {statistics.median(cpus):.2f} ms CPU per log (p90 "
        f"{statistics.quantiles(cpus, n=10)[-1]:.2f} ms)"
    )
    print(f"SQL queries per log (queries: logs): {dict(sorted(queries.items()))}")
    print(
        f"logs that rewrote planned sessions: {len(replans)}; rows written by those: "
        f"median {statistics.median(replans) if replans else 0}, most {max(written)}"
    )


def _sessions_on(client: Any, day: dt.date) -> list[dict[str, Any]]:
    plan = client.get("/api/plan").json()
    return [
        s
        for w in plan["weeks"]
        for s in w["sessions"]
        if s["date"] == day.isoformat() and s["kind"] in ("strength", "activation")
    ]


def _log(session: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": session["date"],
        "kind": session["kind"],
        "idempotency_key": f"days-{session['date']}-{session['kind']}",
        "exercises": [
            {
                "exercise": item["exercise"],
                "variant": item["variant"],
                "side": None,
                "done": True,
                "sets_done": item["dose"].get("sets") or 1,
            }
            for item in session["items"]
        ],
        "difficulty": "just-right",
        "pain_0_10": 1,
        "pain_site": None,
        "notes": "",
    }


if __name__ == "__main__":
    main()
