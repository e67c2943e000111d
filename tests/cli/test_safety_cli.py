"""`footcore safety`, `footcore clearance`, and the stop at the CLI's doors; one log
per session with `footcore log --correct`."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from typer.testing import CliRunner

from footcore.cli.main import app
from footcore.domain.safety import RED_FLAG_QUESTIONS
from footcore.web.accounts.services import local_runner
from footcore.web.sessions.models import ClearanceEntry, RedFlagScreen, SessionLogEntry
from footcore.web.training.services import save_profile
from tests.web.builders import profile_data

pytestmark = pytest.mark.django_db

runner = CliRunner()
TUE_MORNING = dt.datetime(2026, 12, 8, 7, 0, tzinfo=dt.UTC)
TUE_EVENING = dt.datetime(2026, 12, 8, 18, 0, tzinfo=dt.UTC)
THU_EVENING = dt.datetime(2026, 12, 10, 18, 0, tzinfo=dt.UTC)
LOG = ("log", "--difficulty", "just-right", "--pain", "2")


@pytest.fixture(autouse=True)
def stored_profile() -> None:
    # The default profile has pain in the ball of the foot: a screen is owed first.
    save_profile(user=local_runner(), data=profile_data(), today=dt.date(2026, 12, 1))


def invoke(when: dt.datetime, *args: str, answers: str | None = None) -> tuple[int, str]:
    with time_machine.travel(when, tick=False):
        result = runner.invoke(app, list(args), input=answers)
    return result.exit_code, " ".join(result.output.split())


def screen(*yes: str) -> str:
    return "\n".join("y" if q.field in yes else "n" for q in RED_FLAG_QUESTIONS) + "\n"


def test_start_log_and_today_wait_for_the_screen_a_runner_in_pain_owes() -> None:
    code, out = invoke(TUE_EVENING, "start", "--no-log")
    assert code == 3
    assert "answer the red-flag questions before your first session" in out
    assert "footcore safety" in out
    code, out = invoke(TUE_EVENING, *LOG)
    assert code == 3
    assert not SessionLogEntry.objects.exists()
    code, out = invoke(TUE_EVENING, "today")
    assert "Safety questions first" in out
    assert "Shin Curls" not in out


def test_safety_asks_every_question_and_an_all_no_screen_opens_the_plan() -> None:
    code, out = invoke(TUE_EVENING, "safety", answers=screen())
    assert code == 0, out
    assert "No red flags" in out
    for q in RED_FLAG_QUESTIONS:
        assert " ".join(q.question.split()[:6]) in out
    code, out = invoke(TUE_EVENING, *LOG)
    assert code == 0, out
    assert "logged strength session" in out


def test_an_unfinished_safety_screen_stores_nothing() -> None:
    code, out = invoke(TUE_EVENING, "safety", answers="n\nn\n")
    assert code == 1
    assert "nothing was stored" in out
    assert not RedFlagScreen.objects.exists()


def test_a_red_flag_stops_every_cli_door_until_footcore_clearance() -> None:
    code, out = invoke(TUE_MORNING, "safety", answers=screen("numbness"))
    assert code == 0, out
    assert "Training is stopped" in out
    for args in (("start", "--no-log"), LOG):
        code, out = invoke(TUE_EVENING, *args)
        assert code == 3, args
        assert "see a clinician" in out
        assert "footcore clearance --confirm" in out
    code, out = invoke(TUE_EVENING, "plan")
    assert "Shin Curls" not in out
    assert "see a clinician" in out
    code, out = invoke(TUE_EVENING, "plan", "--format", "ics")
    assert out.count("BEGIN:VEVENT") == 1
    assert "on hold" in out
    code, out = invoke(TUE_EVENING, "clearance")
    assert code != 0
    assert "--confirm" in out
    code, out = invoke(THU_EVENING, "clearance", "--confirm", "--note", "GP, 10 Dec")
    assert code == 0, out
    assert ClearanceEntry.objects.get().note == "GP, 10 Dec"
    code, out = invoke(THU_EVENING, *LOG)
    assert code == 0, out


def test_a_second_different_log_is_refused_and_correct_keeps_the_earlier_version() -> None:
    invoke(TUE_EVENING, "safety", answers=screen())
    assert invoke(TUE_EVENING, *LOG)[0] == 0
    code, out = invoke(TUE_EVENING, "log", "--difficulty", "too-hard", "--pain", "4")
    assert code != 0
    assert "already logged" in out
    assert "--correct" in out
    assert SessionLogEntry.objects.count() == 1
    code, out = invoke(TUE_EVENING, "log", "--difficulty", "too-hard", "--pain", "4", "--correct")
    assert code == 0, out
    assert "corrected" in out
    rows = SessionLogEntry.objects.order_by("version")
    assert [(r.version, r.pain_0_10, r.replaced_at is not None) for r in rows] == [
        (1, 2, True),
        (2, 4, False),
    ]
