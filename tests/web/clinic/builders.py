"""Small builders for clinic tests: clinics, clinicians, clients and signed-in test clients."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib.auth.models import User
from django.test import Client as HttpClient

from footcore.web.clinic import services
from footcore.web.clinic.models import Client, Clinic, Clinician

PASSWORD = "a long clinic passphrase 7"
TODAY = dt.date(2026, 12, 1)
MON = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
"""Monday morning of the plans' first week (UTC), when the clinic tests' clients start."""


def make_clinic(name: str = "Harbour Physio", **over: Any) -> Clinic:
    return services.add_clinic(name=name, **over)


def make_clinician(username: str = "mia", clinic: Clinic | None = None) -> Clinician:
    clinic = clinic or make_clinic()
    user = User.objects.create_user(username=username, password=PASSWORD)
    return services.make_clinician(user=user, clinic=clinic)


def make_client(clinician: Clinician, name: str = "Ben Runner", birth_year: int = 1990) -> Client:
    return services.add_client(clinician=clinician, name=name, birth_year=birth_year, today=TODAY)


def signed_in(user: User) -> HttpClient:
    http = HttpClient(enforce_csrf_checks=False)
    http.force_login(user)
    return http


def post_json(http: HttpClient, path: str, body: object, **extra: Any) -> Any:
    return http.post(path, json.dumps(body), content_type="application/json", **extra)


def put_json(http: HttpClient, path: str, body: object) -> Any:
    return http.put(path, json.dumps(body), content_type="application/json")


def joined(client: Client, **extra: Any) -> HttpClient:
    """A phone that opened `client`'s program with the code."""
    http = HttpClient()
    response = post_json(
        http, "/api/join", {"code": client.code, "birth_year": client.birth_year}, **extra
    )
    assert response.status_code == 200, response.content
    return http


def strength_days(runner: User) -> list[dt.date]:
    """The runner's planned strength days, first first."""
    from footcore.web.training.models import PlannedSession

    rows = PlannedSession.objects.filter(user=runner, kind="strength").order_by("date")
    return list(rows.values_list("date", flat=True))


def evening(day: dt.date) -> dt.datetime:
    """18:00 UTC on `day`: after that day's session, to log it."""
    return dt.datetime.combine(day, dt.time(18), tzinfo=dt.UTC)
