"""Lived over days through the real API and pages: a clinician writes "banded toe spread"
with a picture and prescribes it; the runner joins by code, sees it, plays it and logs it;
nobody outside the clinic sees it."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
import time_machine
from django.test import Client as HttpClient
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.sessions.models import SessionLogEntry
from footcore.web.training.models import PlannedSession
from tests.web.clinic.builders import make_clinic, make_clinician, post_json, signed_in
from tests.web.custom_exercises.builders import create, picture, prescribed_client, upload
from tests.web.session_builders import log_body

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _at(day: dt.date) -> time_machine.travel:
    return time_machine.travel(dt.datetime.combine(day, dt.time(18), tzinfo=dt.UTC), tick=False)


def test_a_prescribed_custom_exercise_is_seen_played_and_logged_by_its_client_only() -> None:
    clinician = make_clinician()
    desk = signed_in(clinician.user)
    made = create(desk)
    assert upload(desk, made["id"], picture("PNG")).status_code == 200
    client, desk, phone = prescribed_client(clinician, made["id"])

    planned = PlannedSession.objects.filter(user=client.runner).order_by("date")
    days = [
        s.date
        for s in planned
        if s.kind == "strength" and any(i["exercise"] == made["id"] for i in s.items)
    ]
    assert days, "the custom exercise is in the runner's planned sessions"
    day = days[0]
    with _at(day):
        today = phone.get("/api/today").json()
        items = [i for s in today["sessions"] for i in s["items"]]
        assert made["id"] in {i["exercise"] for i in items}
        page = phone.get("/today").content.decode()
        assert "Banded toe spread" in page
        plan = phone.get("/plan").content.decode()
        assert "Banded toe spread" in plan
        assert made["id"] in json.dumps(phone.get("/api/plan").json())

        player = phone.get(f"/session/{day.isoformat()}").content.decode()
        assert "Banded toe spread" in player
        assert f"/clinic/exercises/{made['id']}/image" in player
        image = phone.get(made["image_url"])
        assert image.status_code == 200
        assert image["Content-Type"] == "image/jpeg"
        card = phone.get(f"/exercises/{made['id']}", follow=True)
        assert card.status_code == 200
        assert "Spread the toes apart against the band" in card.content.decode()

        body = log_body(client.runner, day, pain=2)
        assert made["id"] in {e["exercise"] for e in body["exercises"]}
        response = post_json(phone, "/api/logs", body)
        assert response.status_code in (200, 201), response.content
    logged = SessionLogEntry.objects.get(user=client.runner, date=day)
    assert made["id"] in {e["exercise"] for e in logged.exercises}
    with _at(day):
        # The files carry it too: the runner's calendar and PDF, the clinic's hand-out.
        assert "Banded toe spread" in phone.get("/plan.ics").content.decode()
        assert "Banded toe spread" in _pdf_text(phone.get("/plan.pdf").content)
        handout = desk.get(f"/clinic/clients/{client.pk}/handout.pdf").content
        assert "Banded toe spread" in _pdf_text(handout)

    # The clinician of another clinic, and a runner of no clinic, see nothing of it.
    other = signed_in(make_clinician("ola", make_clinic("Other Physio")).user)
    from django.contrib.auth.models import User

    b = HttpClient()
    b.force_login(User.objects.create_user("bea", password="a long passphrase for bea"))
    with _at(day):
        for http in (other, b, HttpClient()):
            assert http.get(made["image_url"]).status_code in (302, 404)
            assert http.get(f"/my-clinic/exercises/{made['id']}").status_code in (302, 404)
        assert other.get(f"/api/clinic/exercises/{made['id']}").status_code == 404
        assert b.get(f"/api/clinic/exercises/{made['id']}").status_code == 404


def test_a_client_not_prescribed_the_exercise_cannot_open_it() -> None:
    clinician = make_clinician()
    desk = signed_in(clinician.user)
    made = create(desk)
    second = create(desk, slug="towel-scrunch-hold", name="Towel scrunch hold")
    _, _, phone = prescribed_client(clinician, made["id"])
    assert phone.get(made["image_url"]).status_code == 200
    assert phone.get(second["image_url"]).status_code == 404
    assert phone.get(f"/my-clinic/exercises/{second['id']}").status_code == 404


def test_a_log_naming_a_custom_exercise_of_another_clinic_is_refused_by_field() -> None:
    clinician = make_clinician()
    made = create(signed_in(clinician.user))
    theirs = create(signed_in(make_clinician("ola", make_clinic("Other Physio")).user))
    client, _, phone = prescribed_client(clinician, made["id"])
    strength = PlannedSession.objects.filter(user=client.runner, kind="strength")
    day = strength.order_by("date")[0].date
    with _at(day):
        body = log_body(client.runner, day)
        body["exercises"][0]["exercise"] = theirs["id"]
        response = post_json(phone, "/api/logs", body)
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "exercises[0].exercise"


def test_a_clinician_cannot_prescribe_another_clinics_or_a_retired_exercise() -> None:
    clinician = make_clinician()
    desk = signed_in(clinician.user)
    made = create(desk)
    theirs = create(signed_in(make_clinician("ola", make_clinic("Other Physio")).user))
    retired = create(desk, slug="old-one", name="Old one")
    desk.post(f"/api/clinic/exercises/{retired['id']}/retire")
    client, desk, _ = prescribed_client(clinician, made["id"])
    url = f"/api/clinic/clients/{client.pk}/prescription"
    from tests.web.clinic.builders import put_json

    with time_machine.travel(dt.datetime(2026, 12, 7, 9, tzinfo=dt.UTC), tick=False):
        rx = desk.get(url).json()
        assert made["id"] in {i["exercise"] for i in rx["items"]}
        assert "Banded toe spread" in {i["name"] for i in rx["items"]}
        n = len(rx["items"])
        rx["items"] += [{"exercise": theirs["id"]}, {"exercise": retired["id"]}]
        response = put_json(desk, url, rx)
        assert response.status_code == 422
        fields = [p["field"] for p in response.json()["problems"]]
        assert fields == [f"items[{n}].exercise", f"items[{n + 1}].exercise"]
        # Retiring one already prescribed keeps the program readable and editable.
        desk.post(f"/api/clinic/exercises/{made['id']}/retire")
        rx = desk.get(url).json()
        assert put_json(desk, url, rx).status_code == 200
