"""Red flags: asked at onboarding and after pain of 7/10; any yes stops until clearance."""

from __future__ import annotations

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client

from footcore.domain.safety import RED_FLAG_QUESTIONS
from footcore.web.accounts.services import local_runner
from footcore.web.sessions.models import ClearanceEntry, RedFlagScreen
from tests.web.session_builders import (
    SUN,
    THU,
    TUE,
    all_no,
    evening,
    get_page,
    item_for,
    log_body,
    onboard,
    post_json,
    post_log_form,
)

pytestmark = pytest.mark.django_db

ALL_NO = {q.flag.field: "no" for q in RED_FLAG_QUESTIONS}


@pytest.fixture
def new_runner(client: Client) -> User:
    """The default profile (pain in the ball of the foot), not yet screened."""
    onboard(client, screen=False)
    return local_runner()


def test_a_new_runner_is_sent_from_today_to_the_safety_questions(
    client: Client, new_runner: User
) -> None:
    today = get_page(client, "/today", evening(TUE)).content.decode()
    assert 'href="/safety"' in today
    assert "Before you start" in today
    assert 'class="items"' not in today
    page = get_page(client, "/safety", evening(TUE)).content.decode()
    for q in RED_FLAG_QUESTIONS:
        assert q.question in page
    with time_machine.travel(evening(TUE), tick=False):
        response = client.post("/safety", ALL_NO)
    assert response.status_code == 302
    assert RedFlagScreen.objects.get(user=new_runner).any_flag is False
    after = get_page(client, "/today", evening(TUE)).content.decode()
    assert "Before you start" not in after
    assert "Start" in after


def test_the_safety_form_names_an_unanswered_question(client: Client, new_runner: User) -> None:
    answers = dict(ALL_NO)
    del answers["numbness"]
    with time_machine.travel(evening(TUE), tick=False):
        response = client.post("/safety", answers)
    assert response.status_code == 422
    assert "numbness" in response.content.decode()
    assert not RedFlagScreen.objects.exists()


def test_pain_of_7_makes_the_red_flag_screen_due_and_the_page_links_to_it(
    client: Client, runner: User
) -> None:
    response = post_json(client, "/api/logs", log_body(runner, TUE, pain=7), evening(TUE))
    assert response.status_code == 201
    assert response.json()["red_flag_screen_due"] is True
    assert get_page(client, "/api/status", evening(TUE)).json()["red_flag_screen_due"] is True
    today = get_page(client, "/today", evening(TUE)).content.decode()
    assert "Safety questions due" in today
    assert 'href="/safety"' in today
    assert get_page(client, "/api/today", evening(TUE)).json()["sessions"] == []
    post_json(client, "/api/red-flags", {"answers": all_no()}, evening(TUE))
    assert get_page(client, "/api/status", evening(TUE)).json()["red_flag_screen_due"] is False


def test_pain_of_7_logged_on_the_page_sends_the_runner_to_the_safety_questions(
    client: Client, runner: User
) -> None:
    response = post_log_form(client, TUE, difficulty="too-hard", pain=8, site="heel")
    assert response.status_code == 302
    assert response["Location"] == "/safety"


def test_a_red_flag_stops_the_program_until_the_runner_confirms_clearance(
    client: Client, runner: User
) -> None:
    response = post_json(
        client, "/api/red-flags", {"answers": all_no(calf_swelling=True)}, evening(TUE)
    )
    assert response.status_code == 201
    assert response.json()["status"] == "stopped-red-flag"
    today = get_page(client, "/today", evening(TUE)).content.decode()
    assert "Training is stopped" in today
    assert "a swollen or warm calf" in today
    assert "see a clinician" in today
    assert 'class="items"' not in today
    assert "/session/" not in today
    plan = get_page(client, "/plan", evening(TUE)).content.decode()
    assert "Training is stopped" in plan
    assert 'class="week"' not in plan
    # A log is refused while stopped, and does not lift the stop; only a clearance does.
    refused_log = post_json(client, "/api/logs", log_body(runner, TUE), evening(TUE))
    assert refused_log.status_code == 409
    assert "see a clinician" in refused_log.json()["detail"]
    assert "Training is stopped" in get_page(client, "/today", evening(THU)).content.decode()
    with time_machine.travel(evening(THU), tick=False):
        refused = client.post("/safety/clearance", {"note": "forgot the box"})
        assert refused.status_code == 400
        cleared = client.post("/safety/clearance", {"confirm": "on", "note": "Dr. Example"})
    assert cleared.status_code == 302
    assert ClearanceEntry.objects.get(user=runner).note == "Dr. Example"
    after = get_page(client, "/today", evening(THU)).content.decode()
    assert "Training is stopped" not in after
    assert 'class="items"' in after
    assert "A clinician cleared you" not in after or "Changes" in after
    assert get_page(client, "/api/status", evening(THU)).json()["status"] == "active"


def test_clearance_through_the_api_lifts_a_pause(client: Client, runner: User) -> None:
    post_json(client, "/api/logs", log_body(runner, TUE, pain=6, hurt="shin-curls"), evening(TUE))
    post_json(client, "/api/logs", log_body(runner, THU, pain=6, hurt="shin-curls"), evening(THU))
    assert item_for(runner, SUN, "shin-curls") is None
    response = post_json(client, "/api/clearance", {"note": "physio says fine"}, evening(THU))
    assert response.status_code == 201
    item = item_for(runner, SUN, "shin-curls")
    assert item is not None
    assert "back in the plan" in item["reason"] or "Shin Curls" in item["reason"]


def test_an_unknown_red_flag_field_is_refused_naming_it(client: Client, runner: User) -> None:
    body = {"answers": {**all_no(), "sore_feelings": True}}
    response = post_json(client, "/api/red-flags", body, evening(TUE))
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "answers.sore_feelings"
    assert RedFlagScreen.objects.count() == 1  # only the onboarding screen
