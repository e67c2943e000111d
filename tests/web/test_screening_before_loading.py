"""Screening before loading: a runner with pain now or a bone-stress risk answers the
red-flag questions before the first session, and again when pain reaches 7/10."""

from __future__ import annotations

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client

from footcore.domain.safety import RED_FLAG_QUESTIONS, RED_FLAG_SCREEN_FROM
from footcore.web.accounts.services import local_runner
from footcore.web.sessions.models import RedFlagScreen, SessionLogEntry
from tests.web.builders import form_data
from tests.web.session_builders import (
    BEFORE_START,
    THU,
    TUE,
    all_no,
    evening,
    get_page,
    log_body,
    onboard,
    post_json,
)

pytestmark = pytest.mark.django_db


def sign_up(client: Client, **over: object) -> User:
    with time_machine.travel(BEFORE_START, tick=False):
        assert client.post("/profile", form_data(**over)).status_code == 302
    return local_runner()


def test_a_runner_with_a_stress_fracture_history_is_screened_before_the_first_session(
    client: Client,
) -> None:
    runner = sign_up(client, pain=[], concerns=["stress-fracture-history"])
    today = get_page(client, "/today", evening(TUE)).content.decode()
    assert "history of stress fracture" in today
    assert 'class="items"' not in today
    assert get_page(client, f"/session/{TUE.isoformat()}", evening(TUE)).status_code == 409
    assert get_page(client, "/api/today", evening(TUE)).json()["gate"] == "screen-first"
    refused = post_json(client, "/api/logs", log_body(runner, TUE), evening(TUE))
    assert refused.status_code == 409
    assert "red-flag questions" in refused.json()["detail"]
    assert (
        post_json(client, "/api/red-flags", {"answers": all_no()}, evening(TUE)).status_code == 201
    )
    assert get_page(client, "/api/today", evening(TUE)).json()["sessions"]
    assert post_json(client, "/api/logs", log_body(runner, TUE), evening(TUE)).status_code == 201


def test_a_runner_without_pain_or_risk_is_invited_but_not_held(client: Client) -> None:
    sign_up(client, pain=[], concerns=["performance"])
    today = get_page(client, "/today", evening(TUE)).content.decode()
    assert "Before you start" in today
    assert 'class="items"' in today


def test_the_screen_asks_the_bone_stress_items_of_evidence_3_6(client: Client) -> None:
    sign_up(client)
    page = get_page(client, "/safety", evening(TUE)).content.decode()
    for q in RED_FLAG_QUESTIONS:
        assert q.question in page
    assert "stress fracture or another bone stress injury" in page
    assert "periods" in page
    assert "run clearly more" in page


def test_a_bone_stress_risk_factor_with_shin_pain_now_stops_training(client: Client) -> None:
    sign_up(client, pain=["shin"])
    body = {"answers": all_no(previous_bone_stress_injury=True)}
    response = post_json(client, "/api/red-flags", body, evening(TUE))
    assert response.status_code == 201
    assert response.json()["gate"] == "stopped"
    assert "an earlier bone stress injury" in response.json()["stop_reason"]


def test_a_bone_stress_risk_factor_without_pain_does_not_stop(client: Client) -> None:
    sign_up(client, pain=[], concerns=["stress-fracture-history"])
    body = {"answers": all_no(previous_bone_stress_injury=True)}
    response = post_json(client, "/api/red-flags", body, evening(TUE))
    assert response.json()["gate"] == "open"


@pytest.mark.parametrize("answers", [{}, {"numbness": False}], ids=["empty", "partial"])
def test_an_incomplete_screen_is_a_422_naming_the_missing_questions(
    client: Client, answers: dict[str, bool]
) -> None:
    sign_up(client)
    response = post_json(client, "/api/red-flags", {"answers": answers}, evening(TUE))
    assert response.status_code == 422
    fields = [p["field"] for p in response.json()["problems"]]
    missing = [f"answers.{q.field}" for q in RED_FLAG_QUESTIONS if q.field not in answers]
    assert fields == missing
    assert not RedFlagScreen.objects.exists()
    assert get_page(client, "/api/status", evening(TUE)).json()["screened"] is False


def test_pain_at_the_threshold_asks_again_and_holds_the_next_session(client: Client) -> None:
    onboard(client)
    runner = local_runner()
    painful = log_body(runner, TUE, pain=RED_FLAG_SCREEN_FROM)
    assert post_json(client, "/api/logs", painful, evening(TUE)).json()["red_flag_screen_due"]
    assert get_page(client, "/api/today", evening(THU)).json()["gate"] == "screen-first"
    assert get_page(client, f"/session/{THU.isoformat()}", evening(THU)).status_code == 409
    refused = post_json(client, "/api/logs", log_body(runner, THU), evening(THU))
    assert refused.status_code == 409
    assert SessionLogEntry.objects.count() == 1
    assert (
        post_json(client, "/api/red-flags", {"answers": all_no()}, evening(THU)).status_code == 201
    )
    assert post_json(client, "/api/logs", log_body(runner, THU), evening(THU)).status_code == 201
