from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings

from footcore.domain.problems import Invalid, Problem
from footcore.domain.profile import (
    Profile,
    Sex,
    known_timezone,
    parse_profile,
    profile_to_dict,
)
from footcore.domain.vocab import Concern, Equipment, PainSite, Weekday
from tests.domain.planning_builders import profiles

ISSUE_EXAMPLE: dict[str, Any] = {
    "start": "2026-12-07",
    "weeks": 8,
    "run_days": ["mon", "wed", "fri", "sun"],
    "long_run_day": "sun",
    "hard_days": ["wed"],
    "races": ["2027-01-24"],
    "sessions_per_week": 3,
    "minutes": 10,
    "concerns": ["shin-splints"],
    "pain": ["ball-of-foot"],
    "equipment": ["step", "towel", "chair"],
}


def problems_of(data: dict[str, Any]) -> list[Problem]:
    with pytest.raises(Invalid) as caught:
        parse_profile(data)
    return list(caught.value.problems)


def fields_of(data: dict[str, Any]) -> set[str]:
    return {p.field for p in problems_of(data)}


def with_(**over: Any) -> dict[str, Any]:
    return {**ISSUE_EXAMPLE, **over}


def test_it_reads_the_example_from_the_issue() -> None:
    profile = parse_profile(ISSUE_EXAMPLE)
    assert profile.start == dt.date(2026, 12, 7)
    assert profile.run_days == (Weekday.MON, Weekday.WED, Weekday.FRI, Weekday.SUN)
    assert profile.long_run_day is Weekday.SUN
    assert profile.hard_days == (Weekday.WED,)
    assert profile.races == (dt.date(2027, 1, 24),)
    assert profile.concerns == (Concern.SHIN_SPLINTS,)
    assert profile.pain == (PainSite.BALL_OF_FOOT,)
    assert profile.equipment == (Equipment.STEP, Equipment.TOWEL, Equipment.CHAIR)
    assert (profile.timezone, profile.time_of_day, profile.age, profile.sex) == (
        "UTC",
        None,
        None,
        None,
    )


def test_only_the_start_is_required() -> None:
    profile = parse_profile({"start": "2026-12-09"})
    assert (profile.weeks, profile.sessions_per_week, profile.minutes) == (8, 3, 10)
    assert profile.run_days == ()
    assert profile.long_run_day is None


def test_it_reads_the_calendar_and_assessment_fields() -> None:
    profile = parse_profile(
        with_(timezone="Europe/Berlin", time_of_day="06:30", age=41, sex="female")
    )
    assert profile.timezone == "Europe/Berlin"
    assert profile.time_of_day == dt.time(6, 30)
    assert (profile.age, profile.sex) == (41, Sex.FEMALE)


def test_it_keeps_lists_in_a_canonical_order() -> None:
    profile = parse_profile(
        with_(run_days=["sun", "mon"], hard_days=[], equipment=["towel", "step"])
    )
    assert profile.run_days == (Weekday.MON, Weekday.SUN)
    assert profile.equipment == (Equipment.STEP, Equipment.TOWEL)


def test_it_round_trips_the_example() -> None:
    data = with_(time_of_day="18:05", sex="male", age=30, timezone="America/New_York")
    profile = parse_profile(data)
    assert parse_profile(profile_to_dict(profile)) == profile
    assert profile_to_dict(profile)["time_of_day"] == "18:05"


@settings(max_examples=80)
@given(profile=profiles(max_weeks=52))
def test_any_valid_profile_round_trips(profile: Profile) -> None:
    assert parse_profile(profile_to_dict(profile)) == profile


def test_the_plan_ends_on_the_sunday_of_its_last_week() -> None:
    profile = parse_profile(with_(start="2026-12-10", weeks=2))
    assert profile.first_monday == dt.date(2026, 12, 7)
    assert profile.end == dt.date(2026, 12, 20)


def test_it_names_every_unknown_key() -> None:
    assert fields_of(with_(colour="red", sessions=3)) == {"colour", "sessions"}


def test_it_names_the_element_with_an_unknown_value() -> None:
    problems = problems_of(with_(run_days=["mon", "mo"], equipment=["step", "trampoline"]))
    assert (
        Problem("run_days[1]", "unknown value 'mo' (allowed: mon, tue, wed, thu, fri, sat, sun)")
        in problems
    )
    assert {p.field for p in problems} == {"run_days[1]", "equipment[1]"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("weeks", "8"),
        ("weeks", True),
        ("minutes", 10.5),
        ("sessions_per_week", None),
        ("run_days", "mon"),
        ("concerns", {"shin-splints": True}),
        ("timezone", 1),
        ("age", "forty"),
        ("sex", "x"),
        ("long_run_day", 6),
    ],
)
def test_it_rejects_a_wrong_type(field: str, value: object) -> None:
    assert field in fields_of(with_(**{field: value}))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("weeks", 0),
        ("weeks", 53),
        ("minutes", 4),
        ("minutes", 61),
        ("sessions_per_week", 1),
        ("sessions_per_week", 4),
        ("age", 5),
    ],
)
def test_it_rejects_a_number_out_of_range(field: str, value: int) -> None:
    assert fields_of(with_(**{field: value})) == {field}


@pytest.mark.parametrize(
    ("field", "value"), [("weeks", 1), ("weeks", 52), ("minutes", 5), ("minutes", 60)]
)
def test_it_accepts_the_ends_of_each_range(field: str, value: int) -> None:
    assert getattr(parse_profile(with_(**{field: value})), field) == value


def test_the_long_run_must_be_on_a_run_day() -> None:
    assert problems_of(with_(long_run_day="sat")) == [
        Problem("long_run_day", "'sat' is not one of the run days")
    ]


def test_a_hard_day_must_be_a_run_day() -> None:
    assert problems_of(with_(hard_days=["wed", "thu"])) == [
        Problem("hard_days[1]", "'thu' is not one of the run days")
    ]


def test_a_race_may_not_come_before_the_start() -> None:
    assert problems_of(with_(races=["2027-01-24", "2026-11-01"])) == [
        Problem("races[1]", "2026-11-01 is before the start (2026-12-07)")
    ]


def test_it_names_a_badly_written_date_by_its_position() -> None:
    problems = problems_of(with_(races=["2027-01-24", "24.01.2027", "2027-02-30"]))
    assert [p.field for p in problems] == ["races[1]", "races[2]"]
    assert "YYYY-MM-DD" in problems[0].message


@pytest.mark.parametrize("start", ["2026-12-7", "07/12/2026", 20261207, None])
def test_it_rejects_a_bad_start(start: object) -> None:
    assert "start" in fields_of(with_(start=start))


def test_the_start_is_required() -> None:
    data = dict(ISSUE_EXAMPLE)
    del data["start"]
    assert problems_of(data) == [Problem("start", "required")]


def test_it_names_each_duplicate() -> None:
    problems = problems_of(with_(run_days=["mon", "wed", "mon", "sun"], pain=["heel", "heel"]))
    assert problems == [
        Problem("run_days[2]", "'mon' is listed twice"),
        Problem("pain[1]", "'heel' is listed twice"),
    ]


def test_a_duplicate_race_is_named_too() -> None:
    assert fields_of(with_(races=["2027-01-24", "2027-01-24"])) == {"races[1]"}


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "../etc/passwd", "", "Europe/"])
def test_it_rejects_an_unknown_time_zone(zone: str) -> None:
    assert fields_of(with_(timezone=zone)) == {"timezone"}


@pytest.mark.parametrize("clock", ["24:00", "6:30", "06:60", "0630", "06:30:00"])
def test_it_rejects_a_malformed_time_of_day(clock: str) -> None:
    assert fields_of(with_(time_of_day=clock)) == {"time_of_day"}


def test_utc_is_always_a_known_zone() -> None:
    assert known_timezone("UTC")
    assert known_timezone("Europe/Berlin")
    assert not known_timezone("Nowhere/Special")


def test_it_reports_every_problem_at_once() -> None:
    problems = problems_of(
        with_(weeks=0, minutes="ten", long_run_day="sat", races=["soon"], extra=1)
    )
    assert {p.field for p in problems} == {
        "weeks",
        "minutes",
        "long_run_day",
        "races[0]",
        "extra",
    }


def test_a_bad_run_day_does_not_cause_a_second_message_about_the_long_run() -> None:
    assert fields_of(with_(run_days=["mon", "wed", "fri", "sunday"])) == {"run_days[3]"}


def test_the_error_message_names_the_fields() -> None:
    with pytest.raises(Invalid, match=r"weeks: must be 1-52 weeks, got 0"):
        parse_profile(with_(weeks=0))


def test_an_impossible_profile_cannot_be_built_directly_either() -> None:
    profile = parse_profile(ISSUE_EXAMPLE)
    with pytest.raises(Invalid) as caught:
        dataclasses.replace(profile, long_run_day=Weekday.SAT)
    assert caught.value.problems == (Problem("long_run_day", "'sat' is not one of the run days"),)


def test_profiles_that_differ_only_in_list_order_are_equal() -> None:
    a = Profile(start=dt.date(2026, 12, 7), run_days=(Weekday.FRI, Weekday.MON))
    b = Profile(start=dt.date(2026, 12, 7), run_days=(Weekday.MON, Weekday.FRI))
    assert a == b


@pytest.mark.parametrize(
    ("typo", "meant"), [("long_run", "long_run_day"), ("race", "races"), ("timezon", "timezone")]
)
def test_it_suggests_the_field_a_near_miss_key_meant(typo: str, meant: str) -> None:
    data = with_(**{typo: "x"})
    data.pop(meant, None)
    (message,) = [p.message for p in problems_of(data) if p.field == typo]
    assert f"did you mean {meant!r}" in message


def test_a_key_like_no_field_lists_the_real_fields() -> None:
    (message,) = [p.message for p in problems_of(with_(colour="red")) if p.field == "colour"]
    assert "the fields are: start, weeks" in message


def test_it_reads_a_strength_time() -> None:
    profile = parse_profile(with_(time_of_day="07:00", strength_time="18:30"))
    assert profile.strength_time == dt.time(18, 30)
    assert parse_profile(profile_to_dict(profile)) == profile


def test_the_strength_time_may_not_be_the_run_time() -> None:
    problems = problems_of(with_(time_of_day="07:00", strength_time="07:00"))
    assert [p.field for p in problems] == ["strength_time"]


def test_a_badly_written_strength_time_is_named() -> None:
    assert fields_of(with_(strength_time="7pm")) == {"strength_time"}
