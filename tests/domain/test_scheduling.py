from __future__ import annotations

import datetime as dt

from hypothesis import given, settings

from footcore.domain.plan import WeekKind
from footcore.domain.plan_weeks import taper_race
from footcore.domain.profile import Profile
from footcore.domain.scheduling import (
    RunningWeek,
    WeekSpan,
    choose_strength_days,
    warm_up_days,
    week_kind,
    week_spans,
)
from footcore.domain.vocab import Weekday
from tests.domain.planning_builders import MONDAY, make_profile, profiles

WEEK = WeekSpan(1, MONDAY, MONDAY + dt.timedelta(days=6))
ALL_DAYS = tuple(Weekday)


def day(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


def names(days: tuple[dt.date, ...]) -> list[str]:
    return [d.strftime("%a") for d in days]


def test_weeks_run_monday_to_sunday_and_week_one_starts_on_the_start_day() -> None:
    spans = week_spans(make_profile(start=day(3), weeks=3))
    assert [(s.index, s.start, s.end) for s in spans] == [
        (1, day(3), day(6)),
        (2, day(7), day(13)),
        (3, day(14), day(20)),
    ]
    assert spans[0].days() == (day(3), day(4), day(5), day(6))


def test_an_open_week_spreads_three_sessions_two_or_three_days_apart() -> None:
    calendar = RunningWeek(make_profile(run_days=(), long_run_day=None, hard_days=()))
    chosen = choose_strength_days(calendar, WEEK, 3, None)
    assert names(chosen.days) == ["Mon", "Wed", "Fri"]
    assert chosen.shortfall is None


def test_it_never_schedules_the_day_before_the_long_run() -> None:
    calendar = RunningWeek(make_profile())
    chosen = choose_strength_days(calendar, WEEK, 3, None)
    assert day(5) not in chosen.days
    assert calendar.blocked_because(day(5)) == "the day before your long run"


def test_it_never_schedules_a_race_day_or_the_day_before_a_race() -> None:
    profile = make_profile(run_days=ALL_DAYS, long_run_day=None, hard_days=(), races=(day(3),))
    chosen = choose_strength_days(RunningWeek(profile), WEEK, 3, None)
    assert not {day(2), day(3)} & set(chosen.days)


def test_it_avoids_the_day_before_a_race_in_the_next_week() -> None:
    profile = make_profile(run_days=(), long_run_day=None, hard_days=(), races=(day(7),))
    chosen = choose_strength_days(RunningWeek(profile), WEEK, 3, None)
    assert day(6) not in chosen.days


def test_it_prefers_days_without_a_hard_workout() -> None:
    profile = make_profile(
        run_days=ALL_DAYS, long_run_day=None, hard_days=(Weekday.MON, Weekday.THU)
    )
    chosen = choose_strength_days(RunningWeek(profile), WEEK, 2, None)
    assert chosen.days == (day(1), day(4))  # Tue and Fri: no hard day, evenly spread


def test_a_hard_day_is_used_only_when_nothing_easier_fits() -> None:
    calendar = RunningWeek(make_profile())  # long run Sunday, hard Wednesday
    chosen = choose_strength_days(calendar, WEEK, 3, None)
    demanding = [d for d in chosen.days if calendar.demanding_because(d)]
    assert len(chosen.days) == 3
    assert len(demanding) == 1
    assert "no easier day fit" in calendar.describe(demanding[0])


def test_the_day_after_a_race_counts_as_demanding() -> None:
    calendar = RunningWeek(make_profile(races=(day(2),)))
    assert calendar.demanding_because(day(3)) == "the day after your race"


def test_it_never_puts_strength_days_back_to_back_across_weeks() -> None:
    calendar = RunningWeek(make_profile(run_days=(), long_run_day=None, hard_days=()))
    chosen = choose_strength_days(calendar, WEEK, 3, previous=day(-1))
    assert day(0) not in chosen.days
    assert all((b - a).days >= 2 for a, b in zip(chosen.days, chosen.days[1:], strict=False))


def test_a_crowded_week_gets_fewer_sessions_and_says_why() -> None:
    profile = make_profile(races=(day(2), day(4)))
    chosen = choose_strength_days(RunningWeek(profile), WEEK, 3, None)
    assert len(chosen.days) < 3
    assert chosen.shortfall is not None
    assert chosen.shortfall.startswith(f"Week 1 ({MONDAY.isoformat()}): room for")
    assert "race day" in chosen.shortfall
    assert "the day before a race" in chosen.shortfall


def test_a_partial_first_week_says_when_the_plan_starts() -> None:
    span = WeekSpan(1, day(5), day(6))
    chosen = choose_strength_days(RunningWeek(make_profile(start=day(5))), span, 2, None)
    assert chosen.days == (day(6),)
    assert chosen.shortfall is not None
    assert "the plan starts on Sat" in chosen.shortfall


def test_a_week_with_no_allowed_day_gets_no_session() -> None:
    span = WeekSpan(1, day(5), day(6))
    profile = make_profile(start=day(5), races=(day(6),))
    chosen = choose_strength_days(RunningWeek(profile), span, 2, None)
    assert chosen.days == ()
    assert chosen.shortfall is not None
    assert "room for 0 of 2" in chosen.shortfall


def test_the_choice_is_the_same_every_time() -> None:
    calendar = RunningWeek(make_profile())
    assert choose_strength_days(calendar, WEEK, 3, None) == choose_strength_days(
        calendar, WEEK, 3, None
    )


def test_warm_ups_fall_on_run_days_and_race_days() -> None:
    profile = make_profile(
        run_days=(Weekday.TUE,), long_run_day=None, hard_days=(), races=(day(5),)
    )
    assert warm_up_days(RunningWeek(profile), WEEK) == (day(1), day(5))


def test_the_warm_up_names_the_run_it_prepares() -> None:
    calendar = RunningWeek(make_profile(races=(day(4),)))
    assert "long run" in calendar.warm_up_reason(day(6))
    assert "hard workout" in calendar.warm_up_reason(day(2))
    assert "race" in calendar.warm_up_reason(day(4))


def test_the_seven_days_before_a_race_make_race_weeks_and_win_over_a_lighter_week() -> None:
    profile = make_profile(races=(day(24),))
    kinds = [week_kind(span, profile) for span in week_spans(profile)]
    assert kinds[:5] == [
        WeekKind.BUILD,
        WeekKind.BUILD,
        WeekKind.RACE,
        WeekKind.RACE,
        WeekKind.BUILD,
    ]
    assert kinds[7] is WeekKind.LIGHTER


@settings(max_examples=80, deadline=None)
@given(profile=profiles(max_weeks=12))
def test_the_quick_day_checks_agree_with_the_worded_rules(profile: Profile) -> None:
    # The planner asks these hundreds of times a plan, through shortcuts: sets of race
    # days, and one shape and one list of run days for a week no race comes near.
    calendar = RunningWeek(profile)
    for span in week_spans(profile):
        days = span.days()
        assert calendar.week_shape(days) == tuple(map(calendar.day_shape, days))
        warm = tuple(d for d in days if calendar.is_run_day(d) or calendar.is_race(d))
        assert warm_up_days(calendar, span) == warm
        for d in (*days, days[0] - dt.timedelta(days=1)):
            assert calendar.is_blocked(d) == (calendar.blocked_because(d) is not None)
            taper = week_kind(span, profile, [d]) is WeekKind.RACE
            assert taper == (taper_race(d, profile) is not None)
