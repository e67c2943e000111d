"""GET /api/prescription: the stored, versioned prescription the plan is built from."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from footcore.web.accounts.services import local_runner
from footcore.web.training.models import PlannedSession, StoredPrescription
from tests.web.builders import answer_screen, form_data

pytestmark = pytest.mark.django_db

BEFORE_START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def test_there_is_no_prescription_before_a_profile(client: Client) -> None:
    response = client.get("/api/prescription")
    assert response.status_code == 404


@time_machine.travel(BEFORE_START, tick=False)
def test_saving_a_profile_stores_version_one_and_the_plan_follows_it(client: Client) -> None:
    client.post("/profile", form_data(concerns=["plantar-fasciitis"], pain=["heel"]))
    answer_screen(client)
    body = client.get("/api/prescription").json()
    assert body["version"] == 1
    assert body["history"] == [
        {"version": 1, "by": "footcore", "on": "2026-12-01", "why": body["history"][0]["why"]}
    ]
    (heel_raise,) = [i for i in body["items"] if i["exercise"] == "heel-raise-towel"]
    assert heel_raise["frequency"] == "every-second-day"
    assert heel_raise["role"] == "concern-protocol"
    assert heel_raise["source"] == "Rathleff 2015"
    assert heel_raise["course_weeks"] == 12
    user = local_runner()
    strength = PlannedSession.objects.filter(user=user, kind="strength", week_index=1)
    assert all(any(i["exercise"] == "heel-raise-towel" for i in s.items) for s in strength)
    page = client.get("/plan").content.decode()
    assert "Your prescription" in page
    assert "every second day" in page


def test_a_changed_profile_adds_a_version_and_an_unchanged_one_does_not(client: Client) -> None:
    with time_machine.travel(BEFORE_START, tick=False):
        client.post("/profile", form_data())
        answer_screen(client)
        client.post("/profile", form_data())
    assert StoredPrescription.objects.count() == 1
    with time_machine.travel(BEFORE_START + dt.timedelta(days=1), tick=False):
        client.post("/profile", form_data(concerns=["achilles"]))
    body = client.get("/api/prescription").json()
    assert body["version"] == 2
    assert [h["version"] for h in body["history"]] == [1, 2]
    assert any(i["citation"] == "beyer-2015" for i in body["items"])
    assert StoredPrescription.objects.count() == 2
