"""What a clinic's custom exercises cost the runner's pages: time and SQL queries.

In-process (Django's test client, one thread, a throw-away SQLite data dir), personal
mode off. Three runners with the same running week: a self-guided runner; a clinic
client whose prescription holds only catalog exercises; and a clinic client with a
custom exercise added to it. For each the pages `/today`, `/plan`, `/api/today`,
`/api/plan` and the player of the first session are rendered `--repeat` times; prints
the median and least CPU ms of this process per request and the SQL queries of one.
The self-guided rows are the ones to compare with a build without custom exercises
(`--self-guided-only` runs on such a build too).

Run: uv run python bench/custom_exercises.py [--repeat 30] [--self-guided-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import tempfile
import time
from typing import Any

PROFILE: dict[str, Any] = {
    "start": dt.date.today().isoformat(),
    "weeks": 8,
    "run_days": ["mon", "wed", "fri", "sun"],
    "long_run_day": "sun",
    "hard_days": ["wed"],
    "timezone": "UTC",
    "sessions_per_week": 3,
    "minutes": 10,
    "concerns": ["flat-feet"],
    "equipment": ["band", "towel", "chair"],
}
CUSTOM: dict[str, Any] = {
    "slug": "banded-toe-spread",
    "name": "Banded toe spread",
    "purpose": "Spread the toes against a band.",
    "position": "seated",
    "sides": "each",
    "equipment": ["band"],
    "targets": ["toe abductors"],
    "steps": ["Loop a band round the toes.", "Spread them and hold."],
    "dose": {"sets": 2, "reps_min": 10, "hold_s": 3, "per_side": True},
    "indications": ["flat-feet"],
    "figure_like": "toe-spreads",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--self-guided-only", action="store_true")
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="footcore-bench-custom-")
    os.environ.update({"FOOTCORE_DATA_DIR": data_dir, "DATABASE_URL": ""})
    os.environ["FOOTCORE_MODE"] = "multi-user"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.PERSONAL_MODE = False
    settings.ALLOWED_HOSTS = ["*"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)
    try:
        _measure("self-guided", _self_guided(), args.repeat)
        if not args.self_guided_only:
            desk, clinician = _clinician()
            _measure("client, catalog only", _client(desk, clinician, None), args.repeat)
            made = _json(
                desk.post("/api/clinic/exercises", CUSTOM, content_type="application/json")
            )
            _measure("client, + custom", _client(desk, clinician, made["id"]), args.repeat)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _json(response: Any) -> Any:
    assert response.status_code < 300, response.content[:500]
    return response.json()


def _self_guided() -> Any:
    from django.contrib.auth.models import User
    from django.test import Client

    http = Client(HTTP_HOST="127.0.0.1")
    http.force_login(User.objects.create_user("self-guided"))
    _json(http.put("/api/profile", PROFILE, content_type="application/json"))
    return http


def _clinician() -> tuple[Any, Any]:
    from django.contrib.auth.models import User
    from django.test import Client

    from footcore.web.clinic import services

    clinic = services.add_clinic(name="Bench Physio")
    clinician = services.make_clinician(user=User.objects.create_user("mia"), clinic=clinic)
    desk = Client(HTTP_HOST="127.0.0.1")
    desk.force_login(clinician.user)
    return desk, clinician


def _client(desk: Any, clinician: Any, custom: str | None) -> Any:
    from django.test import Client

    from footcore.web.clinic import services
    from footcore.web.sessions.services import record_red_flags

    today = dt.date.today()
    client = services.add_client(
        clinician=clinician, name=f"client {custom}", birth_year=1990, today=today
    )
    phone = Client(HTTP_HOST="127.0.0.1")
    _json(
        phone.post(
            "/api/join", {"code": client.code, "birth_year": 1990}, content_type="application/json"
        )
    )
    _json(phone.put("/api/profile", PROFILE, content_type="application/json"))
    from footcore.domain.safety import RED_FLAG_QUESTIONS

    record_red_flags(
        user=client.runner, answers={q.field: False for q in RED_FLAG_QUESTIONS}, today=today
    )
    intake = {"impression": "flat feet", "affected_side": "both", "irritability": "low",
              "concerns": ["flat-feet"]}  # fmt: skip
    _json(
        desk.post(
            f"/api/clinic/clients/{client.pk}/intake", intake, content_type="application/json"
        )
    )
    url = f"/api/clinic/clients/{client.pk}/prescription"
    rx = _json(desk.get(url))
    if custom is not None:
        rx["items"].append({"exercise": custom, "frequency": "daily"})
    _json(desk.put(url, rx, content_type="application/json"))
    return phone


def _measure(label: str, http: Any, repeat: int) -> None:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    plan = _json(http.get("/api/plan"))
    first = next(s["date"] for w in plan["weeks"] for s in w["sessions"] if s["items"])
    for path in ("/today", "/plan", "/api/today", "/api/plan", f"/session/{first}"):
        assert http.get(path).status_code == 200, path  # warm caches
        reset_queries()  # else the request's own reset hides its queries from the count
        with CaptureQueriesContext(connection) as captured:
            http.get(path)
        queries = len(captured)  # now: the next request's reset empties the log
        cpus = []
        for _ in range(repeat):
            begun = time.process_time()
            http.get(path)
            cpus.append((time.process_time() - begun) * 1000)
        shown = path if not path.startswith("/session/") else "/session/<first>"
        print(
            f"{label:<22} {shown:<17} CPU median {statistics.median(cpus):6.1f} ms, "
            f"min {min(cpus):6.1f} ms; {queries} SQL queries"
        )


if __name__ == "__main__":
    main()
