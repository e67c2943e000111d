"""The stop, lived over days: every door shows no exercises and says why, logs are
refused, and nothing computed while stopped takes effect after the clearance."""

from __future__ import annotations

import datetime as dt
import io
import json

import icalendar
import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from pypdf import PdfReader

from footcore.web.sessions.models import SessionLogEntry
from footcore.web.training.models import CalendarFeed
from tests.web.session_builders import (
    SUN,
    THU,
    TUE,
    all_no,
    evening,
    get_page,
    item_for,
    log_body,
    morning,
    post_json,
)

pytestmark = pytest.mark.django_db


def stop(client: Client, when: dt.datetime) -> None:
    body = {"answers": all_no(numbness=True)}
    with time_machine.travel(when, tick=False):
        response = client.post("/api/red-flags", json.dumps(body), content_type="application/json")
    assert response.status_code == 201
    assert response.json()["gate"] == "stopped"


def test_every_door_shows_no_exercises_and_says_why_while_stopped(
    client: Client, runner: User
) -> None:
    with time_machine.travel(morning(TUE), tick=False):
        assert client.post("/plan/feed").status_code == 302
    token = CalendarFeed.objects.get(user=runner).token
    stop(client, morning(TUE))
    when = evening(TUE)

    player = get_page(client, f"/session/{TUE.isoformat()}", when)
    assert player.status_code == 409
    page = player.content.decode()
    assert "Training is stopped" in page
    assert "see a clinician" in page
    assert "player-data" not in page
    assert "Shin Curls" not in page

    api_today = get_page(client, "/api/today", when).json()
    assert api_today["sessions"] == []
    assert api_today["gate"] == "stopped"
    assert "see a clinician" in api_today["gate_reason"]

    api_plan = get_page(client, "/api/plan", when).json()
    assert api_plan["weeks"] == []
    assert api_plan["warnings"] == [api_plan["gate_reason"]]

    for ics_url in ("/plan.ics", f"/calendar/feed/{token}.ics"):
        calendar = icalendar.Calendar.from_ical(get_page(client, ics_url, when).content)
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 1, ics_url
        assert "on hold" in str(events[0]["SUMMARY"])
        assert "see a clinician" in str(events[0]["DESCRIPTION"])

    pdf = get_page(client, "/plan.pdf?page=A4", when)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "see a clinician" in " ".join(text.split())
    assert "Shin Curls" not in text

    refused = post_json(client, "/api/logs", log_body(runner, TUE), when)
    assert refused.status_code == 409
    assert refused.json()["problems"][0]["field"] == "program"
    assert "see a clinician" in refused.json()["detail"]
    assert not SessionLogEntry.objects.exists()


def test_step_ups_tried_while_stopped_never_take_effect_after_the_clearance(
    client: Client, runner: User
) -> None:
    easy = log_body(runner, TUE, difficulty="too-easy")
    assert post_json(client, "/api/logs", easy, evening(TUE)).status_code == 201
    stop(client, morning(THU))
    # The second "too easy" in a row would step exercises up; while stopped it is refused.
    second = post_json(
        client, "/api/logs", log_body(runner, THU, difficulty="too-easy"), evening(THU)
    )
    assert second.status_code == 409
    with time_machine.travel(morning(SUN), tick=False):
        assert client.post("/safety/clearance", {"confirm": "on"}).status_code == 302
    assert SessionLogEntry.objects.count() == 1
    status = get_page(client, "/api/status", morning(SUN)).json()
    assert status["gate"] == "open"
    assert not any("up one step" in line for line in status["explanations"])
    item = item_for(runner, SUN, "shin-curls")
    assert item is not None
    assert "up one step" not in item["reason"]


def test_a_flag_after_a_clearance_the_same_day_keeps_training_stopped(
    client: Client, runner: User
) -> None:
    stop(client, morning(TUE))
    with time_machine.travel(morning(THU), tick=False):
        assert client.post("/safety/clearance", {"confirm": "on"}).status_code == 302
    assert get_page(client, "/api/status", morning(THU)).json()["gate"] == "open"
    stop(client, evening(THU))
    status = get_page(client, "/api/status", evening(THU)).json()
    assert status["status"] == "stopped-red-flag"
    assert "Thursday 10 Dec" in status["stop_reason"]


def test_changing_the_time_zone_never_lifts_a_flag(client: Client, runner: User) -> None:
    # 23:30 UTC on Tuesday is already Wednesday in Tokyo: the flag is dated Wednesday.
    when = evening(TUE).replace(hour=23, minute=30)
    profile = get_page(client, "/api/profile", when).json()
    with time_machine.travel(when, tick=False):
        tokyo = {**profile, "timezone": "Asia/Tokyo"}
        assert client.put("/api/profile", tokyo, content_type="application/json").status_code == 200
    stop(client, when)
    with time_machine.travel(when, tick=False):
        honolulu = {**profile, "timezone": "Pacific/Honolulu"}
        assert (
            client.put("/api/profile", honolulu, content_type="application/json").status_code == 200
        )
    # In Honolulu it is still Tuesday, a day before the flag's date.
    status = get_page(client, "/api/status", when).json()
    assert status["status"] == "stopped-red-flag"
    assert get_page(client, "/api/today", when).json()["sessions"] == []


def test_the_log_page_while_stopped_shows_no_form_and_says_why(
    client: Client, runner: User
) -> None:
    stop(client, morning(TUE))
    page = get_page(client, f"/log/{TUE.isoformat()}", evening(TUE))
    html = page.content.decode()
    assert page.status_code == 409
    assert "see a clinician" in html
    assert "log-form" not in html
    assert "Record a clearance" in html
