"""Self-tests on the web: stored, interpreted, validated, private, and steering the plan."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from icalendar import Calendar
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.accounts.services import local_runner
from footcore.web.assessments import selectors
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.training.models import PlannedSession
from tests.web.builders import answer_screen, form_data

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)
"""Monday, the first day of the plan in `profile_data`."""


def post_json(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def faam_body(**over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"adl": [4] * 21, "sports": [3] * 8, "overall": "nearly-normal"}
    body.update(over)
    return body


@time_machine.travel(START, tick=False)
def test_a_result_is_stored_and_comes_back_with_its_interpretation(client: Client) -> None:
    response = post_json(
        client,
        "/api/assessments",
        {"test": "heel-raise", "left": 14, "right": 25, "surface": "incline"},
    )
    assert response.status_code == 201, response.content
    saved = {r["side"]: r for r in response.json()}
    assert saved["left"]["value"] == 14
    assert saved["left"]["standing"] == "below"
    assert "lunsford-perry-1995" in saved["left"]["norm"]
    assert saved["left"]["asymmetry_flagged"] is True
    assert "footcore-design" in saved["left"]["asymmetry"]
    assert AssessmentEntry.objects.filter(user=local_runner()).count() == 2

    listed = client.get("/api/assessments").json()
    assert [(r["test"], r["side"]) for r in listed] == [
        ("heel-raise", "left"),
        ("heel-raise", "right"),
    ]


def test_a_retest_reports_the_change_against_the_minimal_detectable_change(
    client: Client,
) -> None:
    with time_machine.travel(START, tick=False):
        post_json(
            client, "/api/assessments", {"test": "heel-raise", "left": 14, "surface": "incline"}
        )
    with time_machine.travel(START + dt.timedelta(weeks=4), tick=False):
        response = post_json(
            client, "/api/assessments", {"test": "heel-raise", "left": 24, "surface": "incline"}
        )
    (reading,) = response.json()
    assert reading["change_real"] is True
    assert "a real improvement" in reading["change"]
    assert "6.2 reps" in reading["change"]
    assert "hebert-losier-2017" in reading["change"]


@time_machine.travel(START, tick=False)
def test_balance_trials_give_best_and_mean(client: Client) -> None:
    body = {"test": "balance-eyes-closed", "left": [6, 9, 12], "right": [7, 8, 9]}
    response = post_json(client, "/api/assessments", body)
    assert response.status_code == 201
    left = next(r for r in response.json() if r["side"] == "left")
    assert left["value"] == {"trials_s": [6.0, 9.0, 12.0]}
    assert left["shown"].startswith("best 12 s, mean 9.0 s")


@time_machine.travel(START, tick=False)
def test_a_900_second_balance_is_refused_naming_the_field(client: Client) -> None:
    body = {"test": "balance-eyes-open", "left": [30, 900]}
    response = post_json(client, "/api/assessments", body)
    assert response.status_code == 422
    problem = response.json()["problems"][0]
    assert problem["field"] == "left[1]"
    assert "900 s is outside the valid range 0-120 s" in problem["message"]
    assert not AssessmentEntry.objects.exists()


@time_machine.travel(START, tick=False)
def test_negative_reps_and_unknown_tests_are_refused(client: Client) -> None:
    response = post_json(
        client, "/api/assessments", {"test": "heel-raise", "right": -3, "surface": "incline"}
    )
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "right"
    assert "cannot be negative" in response.json()["detail"]
    response = post_json(client, "/api/assessments", {"test": "jumping", "left": 3})
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "test"
    response = post_json(client, "/api/assessments", {"test": "toe-yoga-big-toe", "left": "maybe"})
    assert response.json()["problems"][0]["message"].endswith("pass or partial or fail")
    assert not AssessmentEntry.objects.exists()


@time_machine.travel(START, tick=False)
def test_the_faam_is_scored_as_published_and_stored(client: Client) -> None:
    adl: list[int | None] = [4] * 21
    adl[3] = None  # N/A is dropped from both the points and the count
    response = post_json(client, "/api/faam", faam_body(adl=adl, adl_self_rating=90))
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["adl"]["percent"] == 100.0
    assert data["adl"]["answered"] == 20
    assert data["sports"]["percent"] == 75.0
    assert data["citation"] == "martin-faam-2005"
    (stored,) = selectors.faam_scores_for(local_runner())
    assert stored.score.adl.self_rating_0_100 == 90
    kinds = [r.kind.value for r in selectors.results_for(local_runner())]
    assert kinds == ["faam-adl", "faam-sports"]


@time_machine.travel(START, tick=False)
def test_a_faam_answer_out_of_range_names_the_item(client: Client) -> None:
    adl: list[Any] = [4] * 21
    adl[4] = 7
    response = post_json(client, "/api/faam", faam_body(adl=adl))
    assert response.status_code == 422
    assert response.json()["detail"] == "adl[4]: answer must be 0-4 or N/A"
    assert not AssessmentEntry.objects.exists()


@time_machine.travel(START, tick=False)
def test_the_faam_page_shows_a_subscale_that_cannot_be_scored(client: Client) -> None:
    form = {f"adl_{i}": "4" for i in range(15)}
    form.update({f"sports_{i}": "2" for i in range(8)})
    response = client.post("/assess/faam", form)
    assert response.status_code == 302
    body = client.get("/assess/faam").content.decode()
    assert "not scorable: 15 of 21 answered, at least 19 needed" in body
    assert "50.0%" in body


@time_machine.travel(START, tick=False)
def test_the_faam_page_names_a_bad_answer(client: Client) -> None:
    response = client.post("/assess/faam", {"adl_4": "9"})
    assert response.status_code == 400
    assert "daily-living item 5: answer must be 0-4 or N/A" in response.content.decode()


@time_machine.travel(START, tick=False)
def test_the_test_page_guides_and_saves_a_result_then_shows_what_it_means(
    client: Client,
) -> None:
    page = client.get("/assess/heel-raise").content.decode()
    assert "60 beats per minute" in page
    assert 'data-bpm="60"' in page
    assert "assess.js" in page
    response = client.post(
        "/assess/heel-raise",
        {"heel-raise-left": "12", "heel-raise-right": "30", "surface": "incline"},
    )
    assert response.status_code == 302
    body = client.get("/assess/heel-raise").content.decode()
    assert "Left: 12 reps" in body
    assert "jan-2005" in body
    assert "Side-to-side difference" in body


@time_machine.travel(START, tick=False)
def test_the_page_refuses_a_900_second_balance_naming_the_input(client: Client) -> None:
    response = client.post("/assess/balance", {"balance-eyes-open-left-2": "900"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "eyes-open balance, left, trial 2 (s): " in body
    assert "outside the valid range 0-120 s" in body
    assert not AssessmentEntry.objects.exists()


@time_machine.travel(START, tick=False)
def test_the_page_refuses_negative_reps_and_text(client: Client) -> None:
    response = client.post("/assess/heel-raise", {"heel-raise-left": "-4", "surface": "incline"})
    assert response.status_code == 400
    assert "cannot be negative" in response.content.decode()
    response = client.post("/assess/knee-to-wall", {"knee-to-wall-right": "far"})
    assert "knee-to-wall, right (cm): enter a number of cm" in response.content.decode()
    assert not AssessmentEntry.objects.exists()


def test_saving_an_empty_test_page_asks_for_a_result(client: Client) -> None:
    response = client.post("/assess/toe-yoga", {})
    assert response.status_code == 400
    assert "Enter at least one result before saving." in response.content.decode()


def test_an_unknown_test_page_is_404(client: Client) -> None:
    assert client.get("/assess/jumping").status_code == 404


@time_machine.travel(START, tick=False)
def test_the_list_shows_the_last_result_per_side_and_what_is_due(client: Client) -> None:
    post_json(client, "/api/assessments", {"test": "knee-to-wall", "left": 9.5, "right": 11})
    body = client.get("/assess").content.decode()
    assert body.count("not done yet") == len(selectors.GROUPS) - 1
    assert "due for retest" not in body
    assert "knee to wall, left: 9.5 cm" in body
    with time_machine.travel(START + dt.timedelta(weeks=4), tick=False):
        later = client.get("/assess").content.decode()
    assert later.count("due for retest") == 1
    assert later.count("not done yet") == len(selectors.GROUPS) - 1


def test_user_b_cannot_read_user_a_results(client: Client, settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False
    User.objects.create_user(username="ana", password="a long passphrase 42")
    User.objects.create_user(username="ben", password="another long passphrase")
    assert client.login(username="ana", password="a long passphrase 42")
    post_json(client, "/api/assessments", {"test": "heel-raise", "left": 17, "surface": "incline"})
    post_json(client, "/api/faam", faam_body())
    client.logout()
    assert client.login(username="ben", password="another long passphrase")
    assert client.get("/api/assessments").json() == []
    assert "17 reps" not in client.get("/assess/heel-raise").content.decode()
    assert "Your latest scores" not in client.get("/assess/faam").content.decode()
    assert selectors.faam_scores_for(User.objects.get(username="ben")) == []


def test_writes_need_the_csrf_token(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False
    User.objects.create_user(username="ana", password="a long passphrase 42")
    client = Client(enforce_csrf_checks=True)
    assert client.login(username="ana", password="a long passphrase 42")
    response = post_json(
        client, "/api/assessments", {"test": "heel-raise", "left": 17, "surface": "incline"}
    )
    assert response.status_code == 403
    assert post_json(client, "/api/faam", faam_body()).status_code == 403
    assert (
        client.post(
            "/assess/heel-raise", {"heel-raise-left": "17", "surface": "incline"}
        ).status_code
        == 403
    )
    assert not AssessmentEntry.objects.exists()


def test_a_weak_left_heel_raise_brings_the_calf_work_forward(client: Client) -> None:
    with time_machine.travel(START - dt.timedelta(days=3), tick=False):
        client.post("/profile", form_data(concerns=[], pain=[]))
    user = local_runner()

    def first_week_items() -> dict[str, str]:
        rows = PlannedSession.objects.filter(user=user, kind="strength", week_index=1)
        return {i["exercise"]: i["reason"] for row in rows for i in row.items}

    assert not {"calf-raises", "heel-raise-towel"} & set(first_week_items())
    with time_machine.travel(START, tick=False):
        response = client.post(
            "/assess/heel-raise",
            {"heel-raise-left": "9", "heel-raise-right": "28", "surface": "incline"},
        )
    assert response.status_code == 302
    items = first_week_items()
    assert "brought forward by your self-test" in items["calf-raises"]
    assert "brought forward by your self-test" in items["heel-raise-towel"]
    assert selectors.emphasis_for(user, START.date())[:2] == ("calf-raises", "heel-raise-towel")
    listed = client.get("/assess").content.decode()
    assert "heel raises, left side" in listed


def test_retests_every_four_weeks_reach_the_plan_json_page_and_calendar(client: Client) -> None:
    with time_machine.travel(START - dt.timedelta(days=3), tick=False):
        client.post("/profile", form_data())
        answer_screen(client)
        plan = client.get("/api/plan").json()
        page = client.get("/plan").content.decode()
        ics = client.get("/plan.ics").content
    retests = [s for w in plan["weeks"] for s in w["sessions"] if s["kind"] == "assessment"]
    assert [s["date"] for s in retests] == ["2027-01-04", "2027-01-31"]
    assert retests[0]["items"] == []
    assert "every 4 weeks" in retests[0]["reason"]
    assert 'data-kind="assessment"' in page
    assert 'href="/assess"' in page
    events = list(Calendar.from_ical(ics).walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events if str(e["SUMMARY"]).startswith("Foot self")]
    assert summaries == ["Foot self-tests (retest)"] * 2


def test_the_openapi_schema_lists_the_assessment_endpoints(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/assessments"])
    assert "post" in paths["/api/faam"]
