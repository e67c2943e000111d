from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.assessments import AssessmentResult, Grade, TestKind, Trials
from footcore.domain.plan import SessionKind
from footcore.domain.progress import (
    Adherence,
    PlannedSlot,
    SessionRecord,
    Streaks,
    adherence_calendar,
    adherence_percent,
    assessment_trends,
    calendar_days,
    pain_trend,
    streaks,
    weekly_minutes,
)
from footcore.domain.vocab import Side

MONDAY = dt.date(2025, 3, 3)


def day(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


def make_record(offset: int, **over: Any) -> SessionRecord:
    fields: dict[str, Any] = {"date": day(offset), "done_fraction": 1.0, "minutes": 10.0}
    fields.update(over)
    return SessionRecord(**fields)


def plan_on(*offsets: int) -> list[PlannedSlot]:
    return [PlannedSlot(day(offset)) for offset in offsets]


def statuses(entries: Any) -> list[Adherence]:
    return [entry.status for entry in entries]


def test_the_calendar_marks_done_partly_done_missed_and_planned() -> None:
    planned = plan_on(0, 2, 4, 7, 9)
    records = [make_record(0), make_record(2, done_fraction=0.5), make_record(4, done_fraction=0)]
    entries = adherence_calendar(planned, records, today=day(8))
    assert statuses(entries) == [
        Adherence.DONE,
        Adherence.PARTLY_DONE,
        Adherence.MISSED,  # logged as skipped
        Adherence.MISSED,  # its day passed with no log
        Adherence.PLANNED,
    ]


def test_todays_unlogged_session_is_still_planned() -> None:
    [entry] = adherence_calendar(plan_on(3), [], today=day(3))
    assert entry.status is Adherence.PLANNED


def test_an_unplanned_session_shows_as_extra_and_an_empty_one_not_at_all() -> None:
    records = [make_record(1), make_record(5, done_fraction=0.0)]
    entries = adherence_calendar(plan_on(0), records, today=day(6))
    assert [(e.date, e.status) for e in entries] == [
        (day(0), Adherence.MISSED),
        (day(1), Adherence.EXTRA),
    ]


def test_a_restarted_session_counts_as_its_better_log() -> None:
    records = [make_record(0, done_fraction=0.3), make_record(0, done_fraction=1.0)]
    [entry] = adherence_calendar(plan_on(0), records, today=day(1))
    assert entry.status is Adherence.DONE


def test_sessions_of_different_kinds_on_one_day_are_kept_apart() -> None:
    planned = [PlannedSlot(day(0), SessionKind.ACTIVATION), PlannedSlot(day(0))]
    records = [make_record(0, kind=SessionKind.ACTIVATION)]
    entries = adherence_calendar(planned, records, today=day(1))
    assert [(e.kind, e.status) for e in entries] == [
        (SessionKind.STRENGTH, Adherence.MISSED),
        (SessionKind.ACTIVATION, Adherence.DONE),
    ]
    [cell] = calendar_days(entries)
    assert cell.status is Adherence.PARTLY_DONE


def test_a_day_whose_sessions_agree_takes_their_status() -> None:
    planned = [PlannedSlot(day(0), SessionKind.ACTIVATION), PlannedSlot(day(0))]
    records = [make_record(0), make_record(0, kind=SessionKind.ACTIVATION)]
    [cell] = calendar_days(adherence_calendar(planned, records, today=day(1)))
    assert cell.status is Adherence.DONE
    assert len(cell.entries) == 2


def test_streaks_count_consecutive_planned_sessions_done() -> None:
    planned = plan_on(0, 2, 4, 7, 9, 11, 14)
    records = [make_record(o) for o in (0, 2, 4, 9, 11)] + [make_record(3)]  # 3 is extra
    entries = adherence_calendar(planned, records, today=day(14))
    assert streaks(entries) == Streaks(current=2, longest=3)


def test_a_partly_done_session_ends_the_streak() -> None:
    records = [make_record(0), make_record(2, done_fraction=0.9), make_record(4)]
    entries = adherence_calendar(plan_on(0, 2, 4), records, today=day(5))
    assert streaks(entries) == Streaks(current=1, longest=1)


def test_a_missed_last_session_leaves_no_current_streak() -> None:
    entries = adherence_calendar(plan_on(0, 2), [make_record(0)], today=day(5))
    assert streaks(entries) == Streaks(current=0, longest=1)


def test_streaks_can_be_limited_to_strength_sessions() -> None:
    planned = [*plan_on(0, 2), PlannedSlot(day(1), SessionKind.ACTIVATION)]
    entries = adherence_calendar(planned, [make_record(0), make_record(2)], today=day(3))
    assert streaks(entries).current == 1
    assert streaks(entries, kinds=[SessionKind.STRENGTH]).current == 2


def test_nothing_due_means_no_streak_and_no_adherence_rate() -> None:
    entries = adherence_calendar(plan_on(5, 7), [], today=day(0))
    assert streaks(entries) == Streaks(0, 0)
    assert adherence_percent(entries) is None


def test_adherence_percent_counts_due_sessions_done_in_full() -> None:
    records = [make_record(0), make_record(2, done_fraction=0.5)]
    entries = adherence_calendar(plan_on(0, 2, 4, 9), records, today=day(6))
    assert adherence_percent(entries) == pytest.approx(100 / 3)


def test_weekly_minutes_fill_empty_weeks_with_zero() -> None:
    records = [make_record(0, minutes=10), make_record(6, minutes=12.5), make_record(15)]
    weeks = weekly_minutes(records)
    assert [(w.week_start, w.minutes) for w in weeks] == [
        (day(0), 22.5),
        (day(7), 0.0),
        (day(14), 10.0),
    ]


def test_weekly_minutes_can_span_a_whole_plan() -> None:
    weeks = weekly_minutes([make_record(8)], start=day(2), end=day(20))
    assert [w.week_start for w in weeks] == [day(0), day(7), day(14)]
    assert weekly_minutes([]) == ()


def test_the_pain_trend_gives_each_weeks_worst_and_mean() -> None:
    records = [
        make_record(0, pain_0_10=2),
        make_record(2, pain_0_10=5),
        make_record(4),  # no pain answer
        make_record(9, pain_0_10=1),
    ]
    trend = pain_trend(records)
    assert [(w.week_start, w.max_0_10, w.mean_0_10, w.sessions) for w in trend] == [
        (day(0), 5, 3.5, 2),
        (day(7), 1, 1.0, 1),
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [("done_fraction", 1.5), ("done_fraction", float("nan")), ("minutes", -1), ("pain_0_10", 11)],
)
def test_a_record_out_of_range_is_refused(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        make_record(0, **{field: value})


def test_assessment_trends_are_per_test_and_side_oldest_first() -> None:
    results = [
        AssessmentResult(day(28), TestKind.HEEL_RAISE, Side.LEFT, 22),
        AssessmentResult(day(0), TestKind.HEEL_RAISE, Side.LEFT, 18),
        AssessmentResult(day(0), TestKind.HEEL_RAISE, Side.RIGHT, 26),
        AssessmentResult(day(0), TestKind.BALANCE_EYES_OPEN, Side.LEFT, Trials((10.0, 30.0))),
        AssessmentResult(day(0), TestKind.PAPER_GRIP_HALLUX, Side.LEFT, Grade.FAIL),
        AssessmentResult(day(0), TestKind.FAAM_ADL, None, 90.0),
    ]
    trends = assessment_trends(results)
    left = trends[(TestKind.HEEL_RAISE, Side.LEFT)]
    assert [(p.date, p.value) for p in left] == [(day(0), 18), (day(28), 22)]
    assert len(trends[(TestKind.HEEL_RAISE, Side.RIGHT)]) == 1
    assert trends[(TestKind.BALANCE_EYES_OPEN, Side.LEFT)][0].value == 30.0
    assert trends[(TestKind.PAPER_GRIP_HALLUX, Side.LEFT)][0].value is Grade.FAIL
    assert trends[(TestKind.FAAM_ADL, None)][0].value == 90.0


@given(
    planned=st.sets(st.integers(0, 40), max_size=20),
    logged=st.dictionaries(st.integers(0, 40), st.sampled_from([0.0, 0.5, 1.0]), max_size=20),
    today=st.integers(0, 45),
)
def test_streaks_never_exceed_the_sessions_done(
    planned: set[int], logged: dict[int, float], today: int
) -> None:
    records = [make_record(o, done_fraction=f) for o, f in logged.items()]
    entries = adherence_calendar(plan_on(*planned), records, today=day(today))
    done = sum(e.status is Adherence.DONE for e in entries)
    result = streaks(entries)
    assert 0 <= result.current <= result.longest <= done
    assert len([e for e in entries if e.status is not Adherence.EXTRA]) == len(planned)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
