"""Logging sessions (API and page), morning checks, and the plan adapting to them."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.sessions.models import ClearanceEntry, MorningCheckEntry, SessionLogEntry
from footcore.web.training.models import PlannedSession
from tests.web.session_builders import (
    SUN,
    THU,
    TUE,
    evening,
    get_page,
    item_for,
    log_body,
    morning,
    onboard,
    post_json,
)

pytestmark = pytest.mark.django_db


def test_a_session_logged_through_the_api_is_stored_and_answered_with_201(
    client: Client, runner: User
) -> None:
    response = post_json(client, "/api/logs", log_body(runner, TUE, pain=1), evening(TUE))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["duplicate"] is False
    assert body["red_flag_screen_due"] is False
    assert any("Shin Curls at the same level for now" in line for line in body["changes"])
    row = SessionLogEntry.objects.get(user=runner)
    assert row.pk == body["id"]
    assert row.pain_0_10 == 1


def test_the_same_idempotency_key_sent_twice_is_stored_once(client: Client, runner: User) -> None:
    body = log_body(runner, TUE, key="resend-me-123")
    first = post_json(client, "/api/logs", body, evening(TUE))
    again = post_json(client, "/api/logs", body, evening(TUE))
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert again.json()["id"] == first.json()["id"]
    assert SessionLogEntry.objects.filter(user=runner).count() == 1


def test_the_same_idempotency_key_with_a_different_body_is_a_conflict(
    client: Client, runner: User
) -> None:
    # A pain of 8 resent under an old key used to be dropped as a "duplicate".
    body = log_body(runner, TUE, key="resend-me-123")
    assert post_json(client, "/api/logs", body, evening(TUE)).status_code == 201
    again = post_json(client, "/api/logs", {**body, "pain_0_10": 8}, evening(TUE))
    assert again.status_code == 409
    problem = again.json()["problems"][0]
    assert problem["field"] == "idempotency_key"
    assert "different log" in problem["message"]
    assert SessionLogEntry.objects.get(user=runner).pain_0_10 == 0


def test_bad_fields_are_refused_with_422_naming_them(client: Client, runner: User) -> None:
    body = log_body(runner, TUE, pain=11)
    body["exercises"][0]["exercise"] = "moon-walk"
    body["exercises"][1]["sets_done"] = 99
    response = post_json(client, "/api/logs", body, evening(TUE))
    assert response.status_code == 422
    fields = {p["field"] for p in response.json()["problems"]}
    assert fields == {"pain_0_10", "exercises[0].exercise", "exercises[1].sets_done"}
    assert not SessionLogEntry.objects.exists()


def test_a_body_with_an_unknown_kind_or_a_short_key_is_refused_by_the_schema(
    client: Client, runner: User
) -> None:
    body = log_body(runner, TUE, kind="yoga", idempotency_key="short")
    response = post_json(client, "/api/logs", body, evening(TUE))
    assert response.status_code == 422
    text = json.dumps(response.json())
    assert "kind" in text
    assert "idempotency_key" in text


def test_a_session_cannot_be_logged_before_its_day(client: Client, runner: User) -> None:
    response = post_json(client, "/api/logs", log_body(runner, THU), evening(TUE))
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "date"


def test_logging_through_the_page_stores_the_log_and_returns_to_today(
    client: Client, runner: User
) -> None:
    page = get_page(client, f"/log/{TUE.isoformat()}", evening(TUE))
    assert page.status_code == 200
    form = page.context["form"]
    data = {
        "idempotency_key": form.initial["idempotency_key"],
        "kind": "strength",
        "difficulty": "just-right",
        "pain_0_10": "2",
        "pain_site": "arch",
        "notes": "felt fine",
    }
    for i, _ in enumerate(form.items):
        data[f"status_{i}"] = "skipped" if i == 0 else "done"
        data[f"sets_{i}"] = "1"
    with time_machine.travel(evening(TUE), tick=False):
        response = client.post(f"/log/{TUE.isoformat()}", data)
    assert response.status_code == 302
    assert response["Location"] == "/today"
    row = SessionLogEntry.objects.get(user=runner)
    assert row.pain_site == "arch"
    assert row.exercises[0]["done"] is False
    assert row.exercises[0]["sets_done"] == 0
    today = get_page(client, "/today", evening(TUE)).content.decode()
    assert "Logged" in today


def test_the_log_page_names_a_bad_pain_and_stores_nothing(client: Client, runner: User) -> None:
    page = get_page(client, f"/log/{TUE.isoformat()}", evening(TUE))
    data = {
        "idempotency_key": page.context["form"].initial["idempotency_key"],
        "difficulty": "just-right",
        "pain_0_10": "12",
    }
    with time_machine.travel(evening(TUE), tick=False):
        response = client.post(f"/log/{TUE.isoformat()}", data)
    assert response.status_code == 400
    assert "pain_0_10" in response.context["form"].errors
    assert not SessionLogEntry.objects.exists()


def test_the_log_page_for_a_rest_day_is_not_found(client: Client, runner: User) -> None:
    assert get_page(client, "/log/2026-12-12", evening(TUE)).status_code == 404
    assert get_page(client, "/log/not-a-date", evening(TUE)).status_code == 404


def test_today_offers_a_start_button_to_the_player_and_a_plain_log_link(
    client: Client, runner: User
) -> None:
    body = get_page(client, "/today", evening(TUE)).content.decode()
    assert 'href="/session/2026-12-08"' in body
    assert "/log/2026-12-08?kind=strength" in body


def test_pain_6_steps_the_exercise_back_in_the_next_session_with_the_reason_on_the_plan(
    client: Client, runner: User
) -> None:
    before = item_for(runner, THU, "shin-curls")
    past = list(PlannedSession.objects.filter(user=runner, date__lte=TUE).values("id", "items"))
    response = post_json(client, "/api/logs", log_body(runner, TUE, pain=6), evening(TUE))
    assert response.status_code == 201
    after = item_for(runner, THU, "shin-curls")
    assert before is not None
    assert after is not None
    assert after["dose"] != before["dose"]
    assert after["dose"].get("reps_min", 0) < before["dose"]["reps_min"]
    reason = "Shin Curls back one step: pain 6/10 (shin) on Tuesday 8 Dec"
    assert reason in after["reason"]
    assert (
        list(PlannedSession.objects.filter(user=runner, date__lte=TUE).values("id", "items"))
        == past
    )
    plan = get_page(client, "/plan", evening(TUE)).content.decode()
    assert reason in plan
    assert "Changes" in plan


def test_pain_6_twice_in_a_row_pauses_the_exercise(client: Client, runner: User) -> None:
    post_json(client, "/api/logs", log_body(runner, TUE, pain=6, hurt="shin-curls"), evening(TUE))
    response = post_json(
        client, "/api/logs", log_body(runner, THU, pain=6, hurt="shin-curls"), evening(THU)
    )
    assert response.status_code == 201
    assert any("Shin Curls paused" in line for line in response.json()["changes"])
    assert item_for(runner, SUN, "shin-curls") is None
    assert item_for(runner, SUN, "heel-walking") is not None
    status = get_page(client, "/api/status", evening(THU)).json()
    assert any("see a clinician" in line for line in status["explanations"])


def test_too_easy_twice_with_little_pain_steps_the_exercise_up(
    client: Client, runner: User
) -> None:
    before = item_for(runner, SUN, "shin-curls")
    post_json(
        client, "/api/logs", log_body(runner, TUE, pain=1, difficulty="too-easy"), evening(TUE)
    )
    assert item_for(runner, SUN, "shin-curls") == before
    post_json(
        client, "/api/logs", log_body(runner, THU, pain=1, difficulty="too-easy"), evening(THU)
    )
    # The earned step counts from next week, in place of the calendar's own step.
    assert item_for(runner, SUN, "shin-curls") == before
    after = item_for(runner, SUN + dt.timedelta(days=2), "shin-curls")
    assert before is not None
    assert after is not None
    assert after["dose"]["sets"] == before["dose"]["sets"] + 1
    assert "Shin Curls up one step next week" in after["reason"]


def test_the_morning_check_is_offered_on_today_and_a_no_steps_back(
    client: Client, runner: User
) -> None:
    post_json(client, "/api/logs", log_body(runner, TUE, pain=4), evening(TUE))
    wednesday = morning(TUE.replace(day=9))
    page = get_page(client, "/today", wednesday).content.decode()
    assert "Morning check" in page
    assert 'value="2026-12-08"' in page
    with time_machine.travel(wednesday, tick=False):
        response = client.post(
            "/checkin", {"session_date": "2026-12-08", "settled": "no", "pain_0_10": "3"}
        )
    assert response.status_code == 302
    assert MorningCheckEntry.objects.get(user=runner).settled is False
    after = item_for(runner, THU, "shin-curls")
    assert after is not None
    assert "had not settled by the next morning" in after["reason"]
    assert "Morning check" not in get_page(client, "/today", wednesday).content.decode()


def test_a_check_for_a_day_without_a_log_or_a_second_check_is_refused(
    client: Client, runner: User
) -> None:
    wednesday = morning(TUE.replace(day=9))
    body = {"session_date": "2026-12-08", "settled": True, "pain_0_10": None}
    missing = post_json(client, "/api/checkins", body, wednesday)
    assert missing.status_code == 422
    assert missing.json()["problems"][0]["field"] == "session_date"
    post_json(client, "/api/logs", log_body(runner, TUE, pain=3), evening(TUE))
    assert post_json(client, "/api/checkins", body, wednesday).status_code == 201
    again = post_json(client, "/api/checkins", body, wednesday)
    assert again.status_code == 422
    assert "already answered" in again.json()["detail"]
    same_day = post_json(client, "/api/checkins", body, evening(TUE))
    assert same_day.status_code == 422


def test_the_page_check_in_names_a_bad_answer(client: Client, runner: User) -> None:
    with time_machine.travel(morning(TUE), tick=False):
        response = client.post("/checkin", {"session_date": "2026-12-07", "settled": "maybe"})
    assert response.status_code == 400
    assert "settled" in response.content.decode()


def test_user_b_cannot_read_or_log_into_user_a_data(
    client: Client, settings: SettingsWrapper
) -> None:
    settings.PERSONAL_MODE = False
    ana = User.objects.create_user(username="ana", password="a long passphrase 42")
    User.objects.create_user(username="ben", password="another long passphrase")
    with time_machine.travel(morning(TUE), tick=False):
        client.force_login(ana)
    onboard(client)
    post_json(client, "/api/logs", log_body(ana, TUE, pain=6, key="ana-key-0001"), evening(TUE))
    client.logout()
    other = Client()
    with time_machine.travel(morning(TUE), tick=False):
        assert other.login(username="ben", password="another long passphrase")
    status = get_page(other, "/api/status", evening(TUE)).json()
    assert status["explanations"] == []
    # Ben has no plan of his own, and Ana's session is not his to log.
    assert get_page(other, f"/log/{TUE.isoformat()}", evening(TUE)).status_code == 404
    # Ben's own key space: Ana's key does not make his log a duplicate of hers.
    body = log_body(ana, TUE, key="ana-key-0001")
    response = post_json(other, "/api/logs", body, evening(TUE))
    assert response.status_code == 201
    assert response.json()["duplicate"] is False
    assert SessionLogEntry.objects.filter(user=ana).count() == 1
    assert SessionLogEntry.objects.get(user=ana).pain_0_10 == 6
    check = {"session_date": "2026-12-08", "settled": False, "pain_0_10": 9}
    post_json(other, "/api/checkins", check, morning(THU))
    assert not MorningCheckEntry.objects.filter(user=ana).exists()


def test_api_writes_need_the_csrf_token_in_multi_user_mode(
    settings: SettingsWrapper,
) -> None:
    settings.PERSONAL_MODE = False
    User.objects.create_user(username="ana", password="a long passphrase 42")
    client = Client(enforce_csrf_checks=True)
    body = json.dumps({"note": "cleared by Dr. Example"})
    with time_machine.travel(evening(TUE), tick=False):
        assert client.login(username="ana", password="a long passphrase 42")
        refused = client.post("/api/clearance", body, content_type="application/json")
        client.get("/profile")
        token = client.cookies["csrftoken"].value
        ok = client.post(
            "/api/clearance", body, content_type="application/json", HTTP_X_CSRFTOKEN=token
        )
    assert refused.status_code == 403
    assert ok.status_code == 201
    assert ClearanceEntry.objects.count() == 1


def test_the_openapi_schema_lists_the_logging_endpoints(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/logs", "/api/checkins", "/api/red-flags", "/api/clearance", "/api/status"):
        assert path in paths
    log_schema = json.dumps(paths["/api/logs"])
    assert "422" in log_schema


def test_today_and_plan_stay_within_a_few_queries(
    client: Client, runner: User, django_assert_max_num_queries: Any
) -> None:
    post_json(client, "/api/logs", log_body(runner, TUE, pain=4), evening(TUE))
    # The status box reads one query per history table (4) on top of the page's own,
    # and one more finds the logged sessions each row offers to show.
    with time_machine.travel(morning(THU), tick=False):
        with django_assert_max_num_queries(9):
            assert client.get("/today").status_code == 200
        # One more on /plan for the prescription shown above the weeks.
        with django_assert_max_num_queries(10):
            assert client.get("/plan").status_code == 200
