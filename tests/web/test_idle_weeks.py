"""Lived sequences through the API: weeks in which the runner logged no session do
not advance the program (progression by criteria, never by the calendar alone)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.web.session_builders import (
    SUN,
    THU,
    TUE,
    evening,
    get_page,
    log_body,
    post_json,
)

pytestmark = pytest.mark.django_db

WEEK = dt.timedelta(days=7)
EXERCISE = "shin-curls"


def log(client: Client, user: User, day: dt.date) -> None:
    response = post_json(client, "/api/logs", log_body(user, day), evening(day))
    assert response.status_code == 201, response.content


def plan_on(client: Client, day: dt.date) -> dict[str, Any]:
    response = get_page(client, "/api/plan", evening(day))
    assert response.status_code == 200, response.content
    return dict(response.json())


def doses(plan: dict[str, Any], week: int) -> list[tuple[str, dict[str, Any]]]:
    """The exercise's variant and dose in each strength session of plan week `week`."""
    found = next(w for w in plan["weeks"] if w["index"] == week)
    return [
        (i["variant"], i["dose"])
        for s in found["sessions"]
        if s["kind"] == "strength"
        for i in s["items"]
        if i["exercise"] == EXERCISE
    ]


def strength_days(plan: dict[str, Any], week: int) -> list[dt.date]:
    found = next(w for w in plan["weeks"] if w["index"] == week)
    return [dt.date.fromisoformat(s["date"]) for s in found["sessions"] if s["kind"] == "strength"]


def plan_page(client: Client, day: dt.date) -> str:
    response = get_page(client, "/plan", evening(day))
    assert response.status_code == 200
    return str(response.content.decode())


def test_weeks_away_without_a_session_do_not_step_the_exercise_up(
    client: Client, runner: User
) -> None:
    forecast = plan_on(client, TUE)
    assert doses(forecast, 5) != doses(forecast, 2)  # the calendar's steps, planned ahead
    for day in (TUE, THU, SUN):
        log(client, runner, day)
    # Away in weeks two and three: nothing logged. Back on week four's first strength day.
    back = strength_days(forecast, 4)[0]
    log(client, runner, back)

    plan = plan_on(client, back)

    assert doses(plan, 5) == doses(forecast, 2)
    assert doses(plan, 1) == doses(forecast, 1)  # the past is not rewritten
    page = plan_page(client, back)
    assert (
        "Held at the same level: no strength session was logged in the weeks of 14 Dec and "
        "21 Dec, so they do not count toward a step up"
    ) in page
    assert "return-to-run-2023)." in page


def test_a_runner_who_trains_every_week_steps_up_as_planned(client: Client, runner: User) -> None:
    forecast = plan_on(client, TUE)
    for week in range(1, 5):
        for day in strength_days(forecast, week):
            log(client, runner, day)

    plan = plan_on(client, strength_days(forecast, 4)[-1])

    assert doses(plan, 5) == doses(forecast, 5)
    page = plan_page(client, strength_days(forecast, 4)[-1])
    assert "no strength session was logged" not in page
