from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client

from footcore.web.accounts.services import local_runner
from footcore.web.training.models import PlannedSession, RunnerProfile
from tests.web.builders import form_data, profile_data

pytestmark = pytest.mark.django_db

BEFORE_START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


@time_machine.travel(BEFORE_START, tick=False)
def test_the_onboarding_form_stores_the_profile_and_plans_the_weeks(client: Client) -> None:
    response = client.post("/profile", form_data())
    assert response.status_code == 302
    assert response["Location"] == "/plan"
    user = local_runner()
    assert RunnerProfile.objects.get(user=user).data["long_run_day"] == "sun"
    sessions = PlannedSession.objects.filter(user=user)
    assert sessions.filter(kind="strength").count() >= 8 * 2 - 2
    body = client.get("/plan").content.decode()
    assert "Week 1" in body
    assert "Week 8" in body


@time_machine.travel(BEFORE_START, tick=False)
def test_a_long_run_on_a_day_without_a_run_is_refused_naming_the_field(client: Client) -> None:
    response = client.post("/profile", form_data(run_days=["mon", "wed"], long_run_day="sun"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "long_run_day" in body
    assert not RunnerProfile.objects.exists()
    assert not PlannedSession.objects.exists()


@time_machine.travel(BEFORE_START, tick=False)
def test_a_bad_race_date_names_the_line(client: Client) -> None:
    data = form_data()
    data["races"] = "2027-01-24\n2027-13-40"
    response = client.post("/profile", data)
    assert response.status_code == 400
    assert "race date 2: " in response.content.decode()
    assert "races[1]" not in response.content.decode()


def test_the_plan_page_sends_a_new_runner_to_the_profile_form(client: Client) -> None:
    response = client.get("/plan")
    assert response.status_code == 302
    assert response["Location"] == "/profile"


def test_editing_the_profile_keeps_past_sessions_and_replans_future_ones(client: Client) -> None:
    with time_machine.travel(BEFORE_START, tick=False):
        client.post("/profile", form_data())
    user = local_runner()
    past_before = list(
        PlannedSession.objects.filter(user=user, date__lt=dt.date(2026, 12, 21))
        .order_by("date", "kind")
        .values("id", "date", "kind", "items")
    )
    assert past_before
    with time_machine.travel(dt.datetime(2026, 12, 21, 9, 0, tzinfo=dt.UTC), tick=False):
        response = client.post("/profile", form_data(sessions_per_week=2, minutes=15))
        assert response.status_code == 302
    past_after = list(
        PlannedSession.objects.filter(user=user, date__lt=dt.date(2026, 12, 21))
        .order_by("date", "kind")
        .values("id", "date", "kind", "items")
    )
    assert past_after == past_before
    future_strength = PlannedSession.objects.filter(
        user=user, date__gte=dt.date(2026, 12, 21), kind="strength", week_kind="build"
    )
    assert future_strength.exists()
    assert all(s.estimated_s > 11 * 60 for s in future_strength)


@time_machine.travel(dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC), tick=False)
def test_today_shows_the_sessions_of_the_day(client: Client) -> None:
    client.post("/profile", form_data())
    body = client.get("/today").content.decode()
    assert "Today, Monday 7 December" in body
    planned = PlannedSession.objects.filter(date=dt.date(2026, 12, 7))
    if planned.exists():
        assert "min" in body
    else:
        assert "rest day" in body


def test_one_runner_never_sees_another_runners_plan(client: Client, settings: object) -> None:
    settings.PERSONAL_MODE = False  # type: ignore[attr-defined]
    ana = User.objects.create_user(username="ana", password="a long passphrase 42")
    User.objects.create_user(username="ben", password="a long passphrase 43")
    with time_machine.travel(BEFORE_START, tick=False):
        assert client.login(username="ana", password="a long passphrase 42")
        client.post("/profile", form_data(minutes=20))
        client.logout()
        assert client.login(username="ben", password="a long passphrase 43")
        assert client.get("/plan").status_code == 302
        assert client.get("/api/plan").status_code == 404
        assert client.get("/plan.ics").status_code == 404
        assert client.get("/api/profile").status_code == 404
    assert PlannedSession.objects.filter(user=ana).exists()


@time_machine.travel(BEFORE_START, tick=False)
def test_the_api_stores_a_profile_and_returns_the_plan_shape(client: Client) -> None:
    response = client.put("/api/profile", profile_data(), content_type="application/json")
    assert response.status_code == 200, response.content
    plan = client.get("/api/plan").json()
    first = plan["weeks"][0]
    assert first["index"] == 1
    session = first["sessions"][0]
    assert {"date", "kind", "estimated_s", "items"} <= set(session)
    item = session["items"][0]
    assert {"exercise", "variant", "dose", "reason"} <= set(item)
    assert {"sets", "reps_min", "reps_max", "hold_s", "duration_s", "per_side", "rest_s"} <= set(
        item["dose"]
    )


@time_machine.travel(BEFORE_START, tick=False)
def test_the_api_names_every_bad_field(client: Client) -> None:
    response = client.put(
        "/api/profile",
        profile_data(sessions_per_week=5, pain=["knee"]),
        content_type="application/json",
    )
    assert response.status_code == 422
    fields = {p["field"] for p in response.json()["problems"]}
    assert "sessions_per_week" in fields
    assert any(f.startswith("pain") for f in fields)


def test_the_api_refuses_an_unknown_key(client: Client) -> None:
    response = client.put(
        "/api/profile", {**profile_data(), "shoe": "x"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "shoe" in response.content.decode()


def test_the_api_refuses_a_write_without_csrf_in_multi_user_mode(settings: object) -> None:
    settings.PERSONAL_MODE = False  # type: ignore[attr-defined]
    User.objects.create_user(username="cy", password="a long passphrase 44")
    strict = Client(enforce_csrf_checks=True)
    assert strict.login(username="cy", password="a long passphrase 44")
    response = strict.put("/api/profile", profile_data(), content_type="application/json")
    assert response.status_code == 403
    assert not RunnerProfile.objects.exists()


@time_machine.travel(BEFORE_START, tick=False)
def test_the_plans_notes_are_styled_as_notes_not_errors(client: Client) -> None:
    client.post("/profile", form_data(pain=["heel"], equipment=[]))
    body = client.get("/plan").content.decode()
    assert '<p class="note">' in body
    assert 'class="error"' not in body


@time_machine.travel(BEFORE_START, tick=False)
def test_the_form_sets_a_strength_time_that_is_stored(client: Client) -> None:
    assert client.post("/profile", form_data(strength_time="18:30")).status_code == 302
    assert RunnerProfile.objects.get(user=local_runner()).data["strength_time"] == "18:30"


@time_machine.travel(BEFORE_START, tick=False)
def test_a_strength_time_at_the_run_time_is_refused_naming_the_field(client: Client) -> None:
    response = client.post("/profile", form_data(time_of_day="07:00", strength_time="07:00"))
    assert response.status_code == 400
    assert "strength_time" in response.context["form"].errors
