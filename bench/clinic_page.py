"""Time and SQL queries of a clinician's client page, and the share of its templates and charts.

In-process (Django's test client, multi-user mode, a throw-away SQLite data dir): one
clinic, one clinician, one client who shares logs, has an intake's prescription, a
self-test and `--logs` logged sessions (one every second day back from yesterday).
Renders `/clinic/clients/<id>` `--repeat` times and prints the median wall and least
CPU time per request and its SQL queries; then times the two parts this page gained
with templates and charts (`templates_for`, `charts_for`) on their own, so their share
of the page is plain, and one chart's SVG.

Run: uv run python bench/clinic_page.py [--repeat 20] [--logs 60]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--logs", type=int, default=60)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="footcore-bench-clinic-")
    os.environ.update(
        {"FOOTCORE_DATA_DIR": data_dir, "DATABASE_URL": "", "FOOTCORE_MODE": "multi-user"}
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    try:
        _measure(args.repeat, args.logs)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _timed(repeat: int, work: Callable[[], Any]) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, min(cpus) * 1000


def _queries(work: Callable[[], Any]) -> int:
    """SQL statements `work` runs (counted as they run, through reconnects)."""
    from django.db import connection

    count = 0

    def counted(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        work()
    return count


def _measure(repeat: int, logs: int) -> None:
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    from footcore.web.clinic import charts, rx_templates, services
    from footcore.web.sessions.models import SessionLogEntry

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    today = dt.date.today()
    clinic = services.add_clinic(name="Bench Physio")
    user = User.objects.create_user(username="mia", password="bench passphrase 77")
    clinician = services.make_clinician(user=user, clinic=clinic)
    client = services.add_client(clinician=clinician, name="Ben", birth_year=1990, today=today)
    services.set_consent(client=client, share=True)
    desk = Client(HTTP_HOST="127.0.0.1")
    desk.force_login(user)
    phone = Client(HTTP_HOST="127.0.0.1")
    phone.force_login(client.runner)
    start = today - dt.timedelta(days=2 * logs)
    profile = {"start": start.isoformat(), "weeks": 52, "run_days": ["mon", "wed", "fri"]}
    assert phone.put("/api/profile", profile, content_type="application/json").status_code == 200
    intake = {"impression": "heel pain", "affected_side": "left", "irritability": "low"}
    url = f"/api/clinic/clients/{client.pk}/intake"
    assert desk.post(url, intake, content_type="application/json").status_code == 201
    test = {"test": "heel-raise", "left": 20, "right": 24}
    assert phone.post("/api/assessments", test, content_type="application/json").status_code == 201
    # History written straight to the table: the page reads it, it does not replay it.
    SessionLogEntry.objects.bulk_create(
        SessionLogEntry(
            user=client.runner, date=today - dt.timedelta(days=2 * n), kind="strength",
            idempotency_key=f"bench-{n}", exercises=json.loads("[]"), pain_0_10=n % 4,
        )
        for n in range(1, logs + 1)
    )  # fmt: skip
    page = f"/clinic/clients/{client.pk}"
    assert desk.get(page).status_code == 200
    queries = _queries(lambda: desk.get(page))
    wall, cpu = _timed(repeat, lambda: desk.get(page))
    print(f"{page}: {wall:.1f} ms median wall, {cpu:.1f} ms least CPU, {queries} queries")
    for name, work in (
        ("templates_for", lambda: rx_templates.templates_for(clinician)),
        ("charts_for", lambda: charts.charts_for(client)),
    ):
        queries = _queries(work)
        wall, cpu = _timed(repeat, work)
        print(f"  {name}: {wall:.1f} ms median wall, {cpu:.1f} ms least CPU, {queries} queries")
    svg = f"{page}/charts/pain.svg"
    assert desk.get(svg).status_code == 200
    wall, cpu = _timed(repeat, lambda: desk.get(svg))
    print(f"{svg}: {wall:.1f} ms median wall, {cpu:.1f} ms least CPU")


if __name__ == "__main__":
    main()
