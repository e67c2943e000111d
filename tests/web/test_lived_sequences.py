"""Lived sequences through the API: progression waits for its criterion, pain is
monitored week to week (silbernagel-2007), the culprit alone steps back, a flare holds
the program and a second one in a row stops it and refers."""

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
    item_for,
    log_body,
    morning,
    planned_items,
    post_json,
)

pytestmark = pytest.mark.django_db

WEEK = dt.timedelta(days=7)
NEXT_TUE = TUE + WEEK
"""The first strength day of week two (the plan starts Monday 7 Dec)."""
WEEK_TWO = (NEXT_TUE, THU + WEEK, SUN + WEEK)


def sets(user: User, day: dt.date, exercise: str) -> int:
    item = item_for(user, day, exercise)
    assert item is not None, f"{exercise} is not planned on {day}"
    return int(item["dose"]["sets"])


def log(client: Client, user: User, day: dt.date, **over: Any) -> list[str]:
    response = post_json(client, "/api/logs", log_body(user, day, **over), evening(day))
    assert response.status_code == 201, response.content
    return list(response.json()["changes"])


def settled(client: Client, day: dt.date) -> None:
    body = {"session_date": day.isoformat(), "settled": True, "pain_0_10": 0}
    response = post_json(client, "/api/checkins", body, morning(day + dt.timedelta(days=1)))
    assert response.status_code == 201, response.content


def test_too_hard_all_week_keeps_the_same_level_next_week(client: Client, runner: User) -> None:
    assert sets(runner, NEXT_TUE, "shin-curls") == 2  # the calendar's step, before any log
    changes: list[str] = []
    for day in (TUE, THU, SUN):
        changes += log(client, runner, day, difficulty="too-hard")

    assert sets(runner, NEXT_TUE, "shin-curls") == sets(runner, TUE, "shin-curls") == 1
    reason = "Shin Curls at the same level next week: it felt too hard on Sunday 13 Dec."
    assert f"{reason} [footcore-design]" in changes


def test_pain_rising_3_4_5_across_weeks_brings_no_step_up(client: Client, runner: User) -> None:
    changes: list[str] = []
    for week, pain in enumerate((3, 4, 5)):
        day = TUE + week * WEEK
        changes += log(client, runner, day, pain=pain)
        settled(client, day)

    assert sets(runner, TUE + 3 * WEEK, "shin-curls") == 1
    assert any(
        line.startswith("Shin Curls at the same level next week: this week's worst pain (5/10)")
        and "higher than last week's (4/10)" in line
        for line in changes
    ), changes


def test_pain_6_on_one_exercise_steps_back_that_exercise_only(client: Client, runner: User) -> None:
    before = {i["exercise"]: i for i in planned_items(runner, THU)}

    changes = log(client, runner, TUE, pain=6, hurt="shin-curls")

    after = {i["exercise"]: i for i in planned_items(runner, THU)}
    assert after["shin-curls"] != before["shin-curls"]
    assert after["heel-walking"] == before["heel-walking"]
    stepped_back = [line for line in changes if "back one step" in line]
    assert stepped_back == [
        "Shin Curls back one step: pain 6/10 on Tuesday 8 Dec. [silbernagel-2007]"
    ]


def test_two_sessions_above_5_in_a_row_stop_training_and_refer(
    client: Client, runner: User
) -> None:
    log(client, runner, TUE, pain=6)
    assert get_page(client, "/api/status", evening(TUE)).json()["status"] == "active"

    changes = log(client, runner, THU, pain=6)

    status = get_page(client, "/api/status", evening(THU)).json()
    assert status["status"] == "stopped-red-flag"
    assert "Please see a clinician" in status["stop_reason"]
    assert any(line.startswith("Self-guided training stopped") for line in changes)


def test_a_flare_brings_in_no_new_exercise(client: Client, runner: User) -> None:
    week_one = {i["exercise"] for day in (TUE, THU, SUN) for i in planned_items(runner, day)}
    planned_new = {i["exercise"] for i in planned_items(runner, NEXT_TUE)} - week_one
    assert planned_new, "the plan brought something new in week two before the flare"

    changes = log(client, runner, TUE, pain=6)

    week_two = {i["exercise"] for day in WEEK_TWO for i in planned_items(runner, day)}
    assert week_two <= week_one
    assert any(line.startswith("Whole program on hold: pain 6/10") for line in changes)


def test_reps_done_twice_without_pain_steps_up_once_not_twice_in_a_week(
    client: Client, runner: User
) -> None:
    log(client, runner, TUE, difficulty="too-easy")
    changes = log(client, runner, THU, difficulty="too-easy")

    assert sets(runner, SUN, "shin-curls") == 1  # the earned step waits for next week
    assert sets(runner, NEXT_TUE, "shin-curls") == 2  # one step, not the calendar's on top
    assert any(line.startswith("Shin Curls up one step next week") for line in changes)


def test_in_a_flare_the_other_exercises_are_told_they_hold_not_carry_on(
    client: Client, runner: User
) -> None:
    changes = log(client, runner, TUE, pain=6, hurt="shin-curls")

    others = [line for line in changes if line.startswith("Heel Walking")]
    assert others == [
        "Heel Walking stays at its current level: it was not what hurt (pain 0/10) on"
        " Tuesday 8 Dec, so it is not stepped back, but after a session above 5/10 it does"
        " not step up either until a calmer week. [silbernagel-2007]"
    ]
    assert not [line for line in changes if "as planned" in line]


def test_the_referral_is_said_once_in_the_changes_with_its_citation(
    client: Client, runner: User
) -> None:
    log(client, runner, TUE, pain=6)

    changes = log(client, runner, THU, pain=6)

    stops = [line for line in changes if "Self-guided training stopped" in line]
    assert len(stops) == 1, changes
    assert changes[0] == stops[0]
    assert stops[0].endswith("[footcore-design]")


def test_every_step_up_waits_for_two_sessions_at_the_level(client: Client, runner: User) -> None:
    assert sets(runner, NEXT_TUE, "shin-curls") == 2  # the plan's weekly step, planned ahead

    changes = log(client, runner, TUE)

    assert sets(runner, NEXT_TUE, "shin-curls") == 1
    assert (
        "Shin Curls at the same level for now: Tuesday 8 Dec was its first session at this"
        " level, and a step up waits for a second one. [return-to-run-2023]"
    ) in changes

    log(client, runner, THU)

    assert sets(runner, NEXT_TUE, "shin-curls") == 2


def test_a_runner_training_once_a_week_steps_up_every_second_week(
    client: Client, runner: User
) -> None:
    log(client, runner, TUE)
    log(client, runner, NEXT_TUE)

    assert sets(runner, NEXT_TUE, "shin-curls") == 1  # week one held: one session only
    assert sets(runner, TUE + 2 * WEEK, "shin-curls") == 2  # two sessions at the level
