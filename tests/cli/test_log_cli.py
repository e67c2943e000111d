"""`footcore log`, `footcore checkin`, and the stop message of `footcore today`."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from typer.testing import CliRunner

from footcore.cli.main import app
from footcore.domain.safety import RED_FLAG_QUESTIONS
from footcore.web.accounts.services import local_runner
from footcore.web.sessions.models import MorningCheckEntry, SessionLogEntry
from footcore.web.sessions.services import record_red_flags
from footcore.web.training.services import save_profile
from tests.web.builders import profile_data, screen_user


def all_no(**yes: bool) -> dict[str, bool]:
    """A complete screen: every question no, except those given."""
    return {q.field: yes.get(q.field, False) for q in RED_FLAG_QUESTIONS}


pytestmark = pytest.mark.django_db

runner = CliRunner()
TUE_EVENING = dt.datetime(2026, 12, 8, 18, 0, tzinfo=dt.UTC)
WED_MORNING = dt.datetime(2026, 12, 9, 7, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def stored_profile() -> None:
    data = profile_data(timezone="Europe/Berlin")
    save_profile(user=local_runner(), data=data, today=dt.date(2026, 12, 1))
    screen_user(local_runner(), dt.date(2026, 12, 1))


def invoke(when: dt.datetime, *args: str) -> tuple[int, str]:
    with time_machine.travel(when, tick=False):
        result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_log_stores_the_planned_session_with_the_skipped_exercise_not_done() -> None:
    code, out = invoke(
        TUE_EVENING,
        "log", "--difficulty", "just-right", "--pain", "2", "--site", "arch",
        "--skip", "heel-walking", "--notes", "after an easy run",
    )  # fmt: skip
    assert code == 0, out
    assert "logged strength session of 2026-12-08: 4 of 5 exercises done" in out
    row = SessionLogEntry.objects.get(user=local_runner())
    skipped = [e for e in row.exercises if e["exercise"] == "heel-walking"]
    assert skipped == [{**skipped[0], "done": False, "sets_done": 0}]
    assert row.pain_site == "arch"
    assert row.notes == "after an easy run"


def test_log_twice_stores_the_session_once() -> None:
    args = ("log", "--difficulty", "too-easy", "--pain", "0")
    assert invoke(TUE_EVENING, *args)[0] == 0
    code, out = invoke(TUE_EVENING, *args)
    assert code == 0
    assert "already logged" in out
    assert SessionLogEntry.objects.count() == 1


def test_log_on_a_rest_day_fails_naming_the_date() -> None:
    code, out = invoke(TUE_EVENING, "log", "--date", "2026-12-12", "--difficulty", "too-hard",
                       "--pain", "1")  # fmt: skip
    assert code == 2
    assert "--date 2026-12-12: no session planned that day" in out
    assert not SessionLogEntry.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--pain", "11"), "--pain 11: must be 0 to 10"),
        (("--pain", "3", "--skip", "moon-walk"), "--skip moon-walk: not in the 2026-12-08"),
        (("--pain", "3", "--site", "elbow"), "--site 'elbow': choose one of"),
        (("--pain", "3", "--date", "2026-12-10"), "--date: a session cannot be logged before"),
        (("--pain", "3", "--date", "8 Dec"), "--date '8 Dec': not a date"),
    ],
)
def test_log_refuses_bad_flags_naming_them(args: tuple[str, ...], message: str) -> None:
    code, out = invoke(TUE_EVENING, "log", "--difficulty", "just-right", *args)
    assert code == 2
    assert message in " ".join(out.split())
    assert not SessionLogEntry.objects.exists()


def test_checkin_answers_the_latest_session_waiting_for_it() -> None:
    invoke(TUE_EVENING, "log", "--difficulty", "just-right", "--pain", "4")
    code, out = invoke(WED_MORNING, "checkin", "--settled", "no", "--pain", "3")
    assert code == 0, out
    assert "saved morning check for 2026-12-08" in out
    assert "had not settled by the next morning" in " ".join(out.split())
    check = MorningCheckEntry.objects.get(user=local_runner())
    assert (check.session_date, check.settled, check.pain_0_10) == (dt.date(2026, 12, 8), False, 3)


def test_checkin_without_a_logged_session_fails_naming_the_flag() -> None:
    code, out = invoke(WED_MORNING, "checkin", "--settled", "yes")
    assert code == 2
    assert "--session-date: no logged session is waiting" in out
    code, out = invoke(WED_MORNING, "checkin", "--settled", "yes", "--session-date", "2026-12-08")
    assert code == 2
    assert "--session-date: no session is logged on 2026-12-08" in out


def test_today_prints_the_changes_after_a_painful_session() -> None:
    invoke(TUE_EVENING, "log", "--difficulty", "just-right", "--pain", "6")
    code, out = invoke(TUE_EVENING, "today", "--date", "2026-12-10")
    assert code == 0, out
    flat = " ".join(out.split())
    assert "Changes" in flat
    assert "Shin Curls back one step: pain 6/10 on Tuesday 8 Dec" in flat


def test_today_prints_the_stop_message_and_no_exercises_after_a_red_flag() -> None:
    record_red_flags(user=local_runner(), answers=all_no(numbness=True), today=dt.date(2026, 12, 8))
    code, out = invoke(TUE_EVENING, "today")
    assert code == 0, out
    flat = " ".join(out.split())
    assert "Training is stopped" in flat
    assert "numbness or pins and needles" in flat
    assert "See a clinician" in flat
    assert "Shin Curls" not in flat
    code, out = invoke(TUE_EVENING, "today", "--json")
    assert '"status": "stopped-red-flag"' in out
    assert '"sessions": []' in out
