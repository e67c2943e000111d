"""Summing calendar occurrences up into a runner's usual week."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.training_calendar import (
    TrainingEvent,
    TrainingTag,
    guess_training_week,
    import_problem,
)
from footcore.domain.vocab import Weekday

MONDAY = dt.date(2025, 9, 1)


def make_event(week: int = 0, weekday: int = 1, *tags: TrainingTag, **over: Any) -> TrainingEvent:
    fields: dict[str, Any] = {
        "date": MONDAY + dt.timedelta(weeks=week, days=weekday),
        "summary": "Easy run",
        "tags": frozenset({TrainingTag.RUN, *tags}),
    }
    fields.update(over)
    return TrainingEvent(**fields)


def test_a_weekday_run_in_at_least_half_the_weeks_is_a_run_day() -> None:
    events = [make_event(w, 1) for w in range(4)] + [make_event(w, 3) for w in (0, 1)]
    assert guess_training_week(events).run_days == (Weekday.TUE, Weekday.THU)


def test_a_one_off_run_does_not_move_the_week() -> None:
    events = [make_event(w, 1) for w in range(4)] + [make_event(2, 4)]
    assert guess_training_week(events).run_days == (Weekday.TUE,)


def test_weeks_without_runs_do_not_dilute_the_habit() -> None:
    # Runs on Tuesday in weeks 0, 1 and 5; nothing in weeks 2-4 (a holiday).
    events = [make_event(w, 1) for w in (0, 1, 5)] + [make_event(0, 5)]
    guess = guess_training_week(events)
    assert guess.weeks_seen == 3
    assert guess.run_days == (Weekday.TUE,)


def test_the_long_run_day_is_the_most_frequent_one() -> None:
    events = [make_event(w, 6, TrainingTag.LONG_RUN) for w in range(3)]
    events.append(make_event(3, 5, TrainingTag.LONG_RUN))
    assert guess_training_week(events).long_run_day is Weekday.SUN


def test_an_irregular_long_run_day_still_counts_as_a_run_day() -> None:
    events = [make_event(w, 1) for w in range(4)] + [make_event(0, 6, TrainingTag.LONG_RUN)]
    guess = guess_training_week(events)
    assert guess.long_run_day is Weekday.SUN
    assert guess.run_days == (Weekday.TUE, Weekday.SUN)


def test_every_hard_day_is_a_run_day() -> None:
    events = [make_event(w, 2, TrainingTag.HARD) for w in range(3)] + [make_event(3, 4)]
    guess = guess_training_week(events)
    assert set(guess.hard_days) <= set(guess.run_days)
    assert guess.hard_days == (Weekday.WED,)


def test_a_tie_for_the_long_run_day_goes_to_the_later_weekday() -> None:
    events = [make_event(0, 5, TrainingTag.LONG_RUN), make_event(1, 6, TrainingTag.LONG_RUN)]
    assert guess_training_week(events).long_run_day is Weekday.SUN


def test_hard_days_follow_the_same_half_of_the_weeks_rule() -> None:
    events = [make_event(w, 1, TrainingTag.HARD) for w in range(4)]
    events += [make_event(w, 3) for w in range(4)] + [make_event(1, 4, TrainingTag.HARD)]
    assert guess_training_week(events).hard_days == (Weekday.TUE,)


def test_race_dates_are_sorted_and_unique() -> None:
    late = make_event(5, 6, TrainingTag.RACE)
    early = make_event(1, 5, TrainingTag.RACE)
    assert guess_training_week([late, early, late]).race_dates == (early.date, late.date)


def test_no_events_give_an_empty_guess_that_keeps_the_problems() -> None:
    problem = import_problem(3, "Easy run", "no start date")
    guess = guess_training_week([], [problem])
    assert guess.run_days == ()
    assert guess.long_run_day is None
    assert guess.weeks_seen == 0
    assert guess.problems == (problem,)


def test_a_problem_reads_as_line_title_and_message() -> None:
    assert str(import_problem(12, "Tempo", "skipped")) == "line 12, 'Tempo': skipped"
    assert str(import_problem(None, None, "3 more problems")) == "3 more problems"
    assert import_problem(7, None, "not a calendar line").field == "line 7"


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 6)), max_size=60))
def test_every_usual_day_held_a_run_and_events_come_back_by_date(
    picks: list[tuple[int, int]],
) -> None:
    events = [make_event(week, day) for week, day in picks]
    guess = guess_training_week(events)
    run_weekdays = {e.date.weekday() for e in events}
    assert {d.number for d in guess.run_days} <= run_weekdays
    assert set(guess.hard_days) <= set(guess.run_days)
    assert [e.date for e in guess.events] == sorted(e.date for e in events)
    for day in guess.run_days:
        weeks = {(e.date.isocalendar().year, e.date.isocalendar().week) for e in events}
        held = {
            (e.date.isocalendar().year, e.date.isocalendar().week)
            for e in events
            if e.date.weekday() == day.number
        }
        assert 2 * len(held) >= len(weeks)
