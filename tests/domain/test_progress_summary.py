"""`summarize`: the window, the calendar grid, latest results, changes and side gaps."""

from __future__ import annotations

import datetime as dt

import pytest

from footcore.domain.assessments import AssessmentResult, HeelRaiseSurface, TestKind
from footcore.domain.norms import Standing
from footcore.domain.plan import SessionKind
from footcore.domain.progress import Adherence, PlannedSlot, SessionRecord
from footcore.domain.progress_summary import summarize
from footcore.domain.vocab import Sex, Side

MONDAY = dt.date(2025, 3, 3)
INCLINE = HeelRaiseSurface.INCLINE


def test_a_new_runner_has_an_empty_summary_of_the_current_week() -> None:
    summary = summarize([], [], [], today=MONDAY + dt.timedelta(days=2))
    assert summary.is_empty
    assert (summary.start, summary.end) == (MONDAY, MONDAY + dt.timedelta(days=6))
    assert summary.adherence_percent is None
    assert [len(week) for week in summary.weeks()] == [7]


def test_the_window_keeps_the_last_weeks_only() -> None:
    old = MONDAY - dt.timedelta(weeks=20)
    today = MONDAY + dt.timedelta(days=3)
    summary = summarize(
        [PlannedSlot(old), PlannedSlot(MONDAY)],
        [SessionRecord(old, 1.0, 10.0), SessionRecord(MONDAY, 1.0, 12.0)],
        [],
        today=today,
        window_weeks=4,
    )
    assert summary.start == MONDAY
    assert [e.date for e in summary.calendar] == [MONDAY]
    assert summary.total_minutes == 12.0


def test_an_extra_session_does_not_make_a_done_day_look_partly_done() -> None:
    today = MONDAY + dt.timedelta(days=1)
    summary = summarize(
        [PlannedSlot(MONDAY)],
        [
            SessionRecord(MONDAY, 1.0, 10.0),
            SessionRecord(MONDAY, 1.0, 20.0, kind=SessionKind.ASSESSMENT),
        ],
        [],
        today=today,
    )
    assert summary.weeks()[0][0].status is Adherence.DONE
    assert summary.count(Adherence.EXTRA) == 1
    assert summary.weeks()[0][1].is_today


def test_latest_results_carry_norm_change_and_the_latest_side_gap() -> None:
    later = MONDAY + dt.timedelta(weeks=4)
    results = [
        AssessmentResult(MONDAY, TestKind.HEEL_RAISE, Side.LEFT, 14.0, INCLINE),
        AssessmentResult(MONDAY, TestKind.HEEL_RAISE, Side.RIGHT, 24.0, INCLINE),
        AssessmentResult(later, TestKind.HEEL_RAISE, Side.LEFT, 22.0, INCLINE),
        AssessmentResult(later, TestKind.HEEL_RAISE, Side.RIGHT, 25.0, INCLINE),
        AssessmentResult(later, TestKind.FAAM_ADL, None, 90.0),
    ]
    summary = summarize([], [], results, today=later, age=30, sex=Sex.FEMALE)
    heel, faam = summary.tests
    assert heel.kind is TestKind.HEEL_RAISE
    assert [side for side, _ in heel.series] == [Side.LEFT, Side.RIGHT]
    left = heel.latest[0]
    assert left.value == 22.0
    assert left.interpretation.standing is Standing.WITHIN  # 22 reps meets the 20-rep grade
    assert left.change is not None
    assert left.change.real is True
    assert heel.reference is not None
    assert heel.reference.value == 27.4
    assert heel.asymmetry is not None
    assert heel.asymmetry.flagged  # 3 of 25 reps is 12%, past the 10% rule
    assert summary.flagged == (heel.asymmetry,)
    assert faam.asymmetry is None
    assert faam.latest[0].change is None


def test_results_after_today_are_left_out() -> None:
    results = [
        AssessmentResult(MONDAY + dt.timedelta(days=9), TestKind.HEEL_RAISE, Side.LEFT, 20.0)
    ]
    assert summarize([], [], results, today=MONDAY).tests == ()


def test_a_window_of_no_weeks_is_refused() -> None:
    with pytest.raises(ValueError, match="window_weeks"):
        summarize([], [], [], today=MONDAY, window_weeks=0)
