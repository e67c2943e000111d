"""A runner's heel-raise self-test records the surface, and only incline results meet the
incline norms (hebert-losier-2017, evidence.md section 7): lived through the API."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.test import Client

from footcore.web.accounts.services import local_runner
from footcore.web.assessments import selectors
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.training.models import PlannedSession
from tests.web.builders import form_data

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)
"""Monday, the first day of the plan in `profile_data`."""


def post_json(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def heel_raise(left: int, right: int, surface: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"test": "heel-raise", "left": left, "right": right}
    if surface is not None:
        body["surface"] = surface
    return body


def calf_work_brought_forward() -> bool:
    rows = PlannedSession.objects.filter(user=local_runner(), kind="strength")
    return any(
        "brought forward by your self-test" in item["reason"]
        for row in rows
        for item in row.items
        if item["exercise"] in {"calf-raises", "heel-raise-towel"}
    )


@time_machine.travel(START, tick=False)
def test_a_heel_raise_without_a_surface_is_refused_in_the_one_error_shape(
    client: Client,
) -> None:
    response = post_json(client, "/api/assessments", heel_raise(20, 20, None))
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "problems"}
    (problem,) = body["problems"]
    assert problem["field"] == "surface"
    assert "incline or flat" in problem["message"]
    response = post_json(client, "/api/assessments", heel_raise(20, 20, "unknown"))
    assert response.json()["problems"][0]["field"] == "surface"
    assert not AssessmentEntry.objects.exists()


@time_machine.travel(START, tick=False)
def test_another_test_with_a_surface_is_refused(client: Client) -> None:
    body = {"test": "knee-to-wall", "left": 9, "surface": "flat"}
    response = post_json(client, "/api/assessments", body)
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "surface"


def test_the_schema_documents_the_surface(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    result_in = schema["components"]["schemas"]["ResultIn"]["properties"]
    assert "surface" in result_in
    assert "incline" in result_in["surface"]["description"]
    assert "surface" in schema["components"]["schemas"]["ReadingOut"]["properties"]


def test_flat_floor_counts_are_a_trend_and_only_incline_counts_meet_the_norm(
    client: Client,
) -> None:
    with time_machine.travel(START - dt.timedelta(days=3), tick=False):
        client.post("/profile", form_data(concerns=[], pain=[]))

    # Week 1: a low count on the floor. No verdict, nothing brought forward.
    with time_machine.travel(START, tick=False):
        response = post_json(client, "/api/assessments", heel_raise(9, 9, "flat"))
    assert response.status_code == 201, response.content
    first = {r["side"]: r for r in response.json()}
    assert first["left"]["surface"] == "flat"
    assert first["left"]["standing"] == "no-norm"
    assert "10 degree incline board (hebert-losier-2017)" in first["left"]["norm"]
    assert "own trend" in first["left"]["norm"]
    assert first["left"]["shown"] == "9 reps (on a flat floor)"
    assert not calf_work_brought_forward()

    # Four weeks on: the same low count on the incline board is read against the norm,
    # and no change is reported against the flat-floor count.
    with time_machine.travel(START + dt.timedelta(weeks=4), tick=False):
        response = post_json(client, "/api/assessments", heel_raise(9, 9, "incline"))
    incline = {r["side"]: r for r in response.json()}
    assert incline["left"]["standing"] == "below"
    assert incline["left"]["change"] is None
    assert calf_work_brought_forward()

    # Eight weeks on, on the floor again: compared with the earlier floor count only.
    with time_machine.travel(START + dt.timedelta(weeks=8), tick=False):
        response = post_json(client, "/api/assessments", heel_raise(19, 19, "flat"))
    again = {r["side"]: r for r in response.json()}
    assert again["left"]["standing"] == "no-norm"
    assert again["left"]["change"] is not None
    assert "9" in again["left"]["change"]
    assert "19" in again["left"]["change"]
    stored = AssessmentEntry.objects.filter(user=local_runner()).values_list("surface", flat=True)
    assert set(stored) == {"flat", "incline"}
    assert len(selectors.results_for(local_runner())) == 6


@time_machine.travel(START, tick=False)
def test_the_test_page_asks_where_you_stood_and_names_a_missing_answer(client: Client) -> None:
    page = client.get("/assess/heel-raise").content.decode()
    assert 'name="surface"' in page
    assert "Where did you stand?" in page
    response = client.post("/assess/heel-raise", {"heel-raise-left": "12"})
    assert response.status_code == 400
    assert "say where you did the test: incline or flat" in response.content.decode()
    assert not AssessmentEntry.objects.exists()
    response = client.post("/assess/heel-raise", {"heel-raise-left": "12", "surface": "flat"})
    assert response.status_code == 302
    body = client.get("/assess/heel-raise").content.decode()
    assert "12 reps (on a flat floor)" in body
