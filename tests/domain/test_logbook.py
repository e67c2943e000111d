from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.logbook import (
    Difficulty,
    ExerciseLog,
    MorningCheck,
    SessionLog,
    day_label,
    exercise_label,
    log_problems,
    morning_check_problems,
    unique_logs,
)
from footcore.domain.plan import SessionKind
from footcore.domain.problems import Problem
from footcore.domain.vocab import PainSite, Side

DAY = dt.date(2026, 12, 8)


def make_entry(**over: Any) -> ExerciseLog:
    values: dict[str, Any] = {
        "exercise": "calf-raise",
        "variant": "standard",
        "side": None,
        "done": True,
        "sets_done": 1,
        "reps_done": 12,
    }
    values.update(over)
    return ExerciseLog(**values)


def make_log(**over: Any) -> SessionLog:
    values: dict[str, Any] = {
        "date": DAY,
        "kind": SessionKind.STRENGTH,
        "exercises": (make_entry(),),
        "difficulty": Difficulty.RIGHT,
        "pain_0_10": 1,
        "pain_site": None,
        "notes": "",
        "idempotency_key": "k-1",
    }
    values.update(over)
    return SessionLog(**values)


def test_a_plain_log_has_no_problems() -> None:
    log = make_log(
        exercises=(make_entry(side=Side.LEFT), make_entry(side=Side.RIGHT)),
        pain_0_10=4,
        pain_site=PainSite.HEEL,
    )

    assert log_problems(log) == []


def test_it_rejects_pain_out_of_range() -> None:
    assert log_problems(make_log(pain_0_10=11)) == [Problem("pain_0_10", "must be 0 to 10")]
    assert log_problems(make_log(pain_0_10=-1)) == [Problem("pain_0_10", "must be 0 to 10")]


def test_it_rejects_exercise_pain_out_of_range() -> None:
    log = make_log(exercises=(make_entry(pain_0_10=12),))

    assert log_problems(log) == [Problem("exercises[0].pain_0_10", "must be 0 to 10")]


def test_it_rejects_negative_or_absurd_counts() -> None:
    log = make_log(exercises=(make_entry(sets_done=-1, done=False, reps_done=201, holds_done=-3),))

    fields = [p.field for p in log_problems(log)]
    assert fields == [
        "exercises[0].sets_done",
        "exercises[0].reps_done",
        "exercises[0].holds_done",
    ]


def test_a_finished_exercise_needs_a_set() -> None:
    problems = log_problems(make_log(exercises=(make_entry(sets_done=0),)))

    assert problems == [
        Problem("exercises[0].sets_done", "a finished exercise needs at least one set")
    ]


def test_the_same_exercise_and_side_cannot_be_logged_twice() -> None:
    problems = log_problems(make_log(exercises=(make_entry(), make_entry())))

    assert problems == [Problem("exercises[1]", "calf-raise (both feet) is logged twice")]


def test_it_needs_an_idempotency_key_and_exercise_ids() -> None:
    log = make_log(idempotency_key=" ", exercises=(make_entry(exercise="", variant=""),))

    assert [p.field for p in log_problems(log)] == [
        "idempotency_key",
        "exercises[0].exercise",
        "exercises[0].variant",
    ]


def test_it_limits_notes() -> None:
    assert [p.field for p in log_problems(make_log(notes="x" * 5000))] == ["notes"]


@given(st.integers(-50, 50))
def test_pain_is_accepted_exactly_from_0_to_10(pain: int) -> None:
    assert (log_problems(make_log(pain_0_10=pain)) == []) == (0 <= pain <= 10)


def test_a_morning_check_must_follow_its_session() -> None:
    good = MorningCheck(DAY + dt.timedelta(days=1), DAY, settled=True, pain_0_10=0)

    assert morning_check_problems(good) == []
    assert [p.field for p in morning_check_problems(replace(good, date=DAY))] == ["date"]
    assert [p.field for p in morning_check_problems(replace(good, pain_0_10=11))] == ["pain_0_10"]


def test_an_untouched_exercise_was_not_attempted() -> None:
    assert not make_entry(done=False, sets_done=0, reps_done=None).attempted
    assert make_entry(done=False, sets_done=0, reps_done=4).attempted


def test_logs_come_back_in_date_order_with_each_key_once() -> None:
    later = make_log(date=DAY + dt.timedelta(days=2), idempotency_key="b")
    first = make_log(idempotency_key="a")

    assert unique_logs([later, first, first]) == [first, later]


def test_names_fall_back_to_a_readable_id() -> None:
    assert exercise_label("calf-raise", {"calf-raise": "Calf raises"}) == "Calf raises"
    assert exercise_label("toe_yoga", {}) == "Toe yoga"


def test_days_read_the_same_in_every_locale() -> None:
    assert day_label(DAY) == "Tuesday 8 Dec"
