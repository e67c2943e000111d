"""The plan as iCalendar, read back with icalendar (an independent parser)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from dataclasses import replace
from typing import Any

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.catalog import Dose
from footcore.domain.plan import Plan, SessionKind
from footcore.interchange.ics_export import plan_to_ics, session_uid
from footcore.interchange.ics_import import read_calendar_entries
from tests.interchange.builders import (
    MONDAY,
    make_catalog,
    make_exercise,
    make_item,
    make_plan,
    make_session,
    make_week,
)

STAMP = dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.UTC)


def export(plan: Plan | None = None, **over: Any) -> bytes:
    arguments: dict[str, Any] = {
        "tz": "Europe/Berlin",
        "time_of_day": dt.time(7, 0),
        "user_key": "runner-42",
        "calendar_name": "Foot plan",
        "stamp": STAMP,
    }
    arguments.update(over)
    catalog = arguments.pop("catalog", make_catalog())
    return plan_to_ics(plan or make_plan(), catalog, **arguments)


def events_of(data: bytes) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(data).events


def prop(component: icalendar.Component, name: str) -> Any:
    """A property, typed loosely: icalendar types it as a union of 30 value classes."""
    return component[name]


def uids(data: bytes) -> list[str]:
    return [str(prop(e, "UID")) for e in events_of(data)]


def test_it_writes_version_2_and_a_prodid() -> None:
    calendar = icalendar.Calendar.from_ical(export())
    assert str(prop(calendar, "VERSION")) == "2.0"
    assert "footcore" in str(prop(calendar, "PRODID"))


def test_it_writes_one_event_per_planned_session() -> None:
    plan = make_plan(3)
    assert len(events_of(export(plan))) == len(plan.sessions()) == 9


def test_uids_are_unique_and_stable_across_two_exports() -> None:
    first, second = uids(export()), uids(export(stamp=STAMP + dt.timedelta(days=3)))
    assert len(set(first)) == len(first)
    assert first == second
    assert all(uid.endswith("@footcore") for uid in first)


def test_a_uid_stays_put_when_only_another_session_changes() -> None:
    plan = make_plan(2)
    week = plan.weeks[1]
    changed_session = replace(week.sessions[0], estimated_s=900, items=(make_item("heel-raise"),))
    changed = replace(
        plan, weeks=(plan.weeks[0], replace(week, sessions=(changed_session, *week.sessions[1:])))
    )
    before = dict(zip(uids(export(plan)), events_of(export(plan)), strict=True))
    after = dict(zip(uids(export(changed)), events_of(export(changed)), strict=True))
    assert before.keys() == after.keys()
    moved = session_uid("runner-42", changed_session.date, changed_session.kind)
    untouched = [uid for uid in before if uid != moved]
    assert all(before[uid].to_ical() == after[uid].to_ical() for uid in untouched)
    assert before[moved].to_ical() != after[moved].to_ical()


def test_the_uid_does_not_reveal_the_user_key() -> None:
    data = export(user_key="jane.doe@example.com")
    assert b"jane.doe" not in data
    assert uids(data) != uids(export(user_key="someone-else"))


def test_two_sessions_of_one_kind_on_one_day_get_different_uids() -> None:
    twice = make_week(1, make_session(MONDAY), make_session(MONDAY, estimated_s=300))
    assert len(set(uids(export(Plan(weeks=(twice,)))))) == 2


def test_timed_events_carry_the_runners_time_zone_and_a_vtimezone() -> None:
    calendar = icalendar.Calendar.from_ical(export(tz="America/Denver"))
    event = calendar.events[0]
    assert prop(event, "DTSTART").params["TZID"] == "America/Denver"
    start = event.start
    assert isinstance(start, dt.datetime)
    assert start.replace(tzinfo=None) == dt.datetime(2025, 3, 4, 7, 0)
    assert start.utcoffset() == dt.timedelta(hours=-7)
    assert [tz.tz_name for tz in calendar.timezones] == ["America/Denver"]
    assert calendar.get_missing_tzids() == set()
    assert str(prop(calendar, "X-WR-TIMEZONE")) == "America/Denver"


def test_a_timed_event_lasts_the_estimate_rounded_up_to_whole_minutes() -> None:
    plan = Plan(weeks=(make_week(1, make_session(MONDAY, estimated_s=301)),))
    event = events_of(export(plan))[0]
    assert event.end - event.start == dt.timedelta(minutes=6)


def test_every_timed_event_has_a_display_alarm_before_it() -> None:
    for event in events_of(export(reminder_min=20)):
        (alarm,) = event.walk("VALARM")
        assert str(prop(alarm, "ACTION")) == "DISPLAY"
        assert prop(alarm, "TRIGGER").dt == -dt.timedelta(minutes=20)
        assert str(prop(alarm, "DESCRIPTION")) == str(prop(event, "SUMMARY"))


def test_there_is_no_alarm_when_the_runner_wants_none() -> None:
    assert all(not e.walk("VALARM") for e in events_of(export(reminder_min=None)))


def test_all_day_events_use_dates_and_end_the_next_day() -> None:
    data = export(time_of_day=None)
    calendar = icalendar.Calendar.from_ical(data)
    for event in calendar.events:
        assert type(event.start) is dt.date
        assert event.end == event.start + dt.timedelta(days=1)
        (alarm,) = event.walk("VALARM")
        assert prop(alarm, "TRIGGER").dt == dt.timedelta(hours=8)
    assert calendar.timezones == []
    assert b"VALUE=DATE" in data


def test_summaries_name_the_session_and_its_minutes() -> None:
    summaries = [str(prop(e, "SUMMARY")) for e in events_of(export(make_plan(1)))]
    assert summaries == [
        "Foot strength (10 min)",
        "Foot activation before your run",
        "Foot strength (10 min)",
    ]
    assessment = Plan(weeks=(make_week(1, make_session(kind=SessionKind.ASSESSMENT)),))
    assert str(prop(events_of(export(assessment))[0], "SUMMARY")) == "Foot self-tests (retest)"


def test_the_description_lists_exercise_variant_dose_and_reason() -> None:
    dose = Dose(sets=3, reps_min=15, tempo=None, per_side=True, rest_s=60)
    session = make_session(items=(make_item("heel-raise", variant="standing", dose=dose),))
    description = str(events_of(export(Plan(weeks=(make_week(1, session),))))[0]["DESCRIPTION"])
    assert (
        "1. Heel Raise - Standing: 3 x 15 reps, each foot, rest 1 min between sets" in description
    )
    assert "Why: heel-raise is a keystone of the routine." in description
    assert "Why this day: Two days away from the long run." in description
    assert "does not diagnose" in description


def test_feed_properties_name_the_calendar_and_ask_for_refreshes() -> None:
    calendar = icalendar.Calendar.from_ical(export(calendar_name="Zoë's feet", refresh_h=6))
    assert str(prop(calendar, "X-WR-CALNAME")) == "Zoë's feet"
    assert prop(calendar, "REFRESH-INTERVAL").dt == dt.timedelta(hours=6)
    assert str(prop(calendar, "X-PUBLISHED-TTL")) == "PT6H"


def test_the_same_stamp_gives_byte_identical_output() -> None:
    assert export() == export()
    assert export() != export(stamp=STAMP + dt.timedelta(seconds=1))


def test_dtstamp_is_the_callers_stamp_in_utc() -> None:
    later = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert prop(events_of(export(stamp=later))[0], "DTSTAMP").dt == dt.datetime(
        2025, 3, 1, 10, 0, tzinfo=dt.UTC
    )


def test_sequence_is_the_plan_revision() -> None:
    assert {int(prop(e, "SEQUENCE")) for e in events_of(export(sequence=7))} == {7}


def test_an_empty_plan_gives_an_empty_but_valid_calendar() -> None:
    calendar = icalendar.Calendar.from_ical(export(Plan(weeks=())))
    assert calendar.events == []
    assert str(prop(calendar, "VERSION")) == "2.0"


def test_our_own_importer_finds_every_session_on_its_day() -> None:
    plan = make_plan(2)
    found = read_calendar_entries(export(plan), start=MONDAY, end=MONDAY + dt.timedelta(days=30))
    assert [e.date for e in found.entries] == sorted(s.date for s in plan.sessions())
    assert found.problems == ()


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"tz": "Mars/Olympus_Mons"}, "unknown time zone"),
        ({"stamp": dt.datetime(2025, 3, 1)}, "aware"),
        ({"reminder_min": -5}, "reminder_min"),
        ({"time_of_day": dt.time(7, tzinfo=dt.UTC)}, "time_of_day"),
        ({"sequence": -1}, "sequence"),
        ({"refresh_h": 0}, "refresh_h"),
        ({"catalog": make_catalog(make_exercise("short-foot"))}, "heel-raise"),
    ],
)
def test_it_refuses_bad_arguments_with_a_clear_message(over: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        export(**over)


def test_it_refuses_a_variant_the_catalog_lacks() -> None:
    session = make_session(items=(make_item("short-foot", variant="one-legged"),))
    with pytest.raises(ValueError, match="one-legged"):
        export(Plan(weeks=(make_week(1, session),)))


@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from(list(SessionKind))), min_size=1, max_size=25
    )
)
def test_every_session_gets_its_own_uid_derived_from_day_and_kind(
    picks: list[tuple[int, SessionKind]],
) -> None:
    sessions = tuple(
        make_session(MONDAY + dt.timedelta(days=offset), kind=kind) for offset, kind in picks
    )
    found = uids(export(Plan(weeks=(make_week(1, *sessions),))))
    seen: Counter[tuple[dt.date, SessionKind]] = Counter()
    expected = set()
    for session in sessions:
        seen[(session.date, session.kind)] += 1
        nth = seen[(session.date, session.kind)]
        expected.add(session_uid("runner-42", session.date, session.kind, nth))
    assert len(found) == len(sessions)
    assert set(found) == expected


def test_it_exports_a_plan_built_on_the_real_catalog() -> None:
    loader = pytest.importorskip("footcore.catalog.loader")
    catalog = loader.default_catalog()
    chosen = catalog.exercises[:3]
    items = tuple(
        make_item(e.id, variant=e.default_variant, dose=e.dose, reason="From the real catalog.")
        for e in chosen
    )
    plan = Plan(weeks=(make_week(1, make_session(items=items)),))
    description = str(prop(events_of(export(plan, catalog=catalog))[0], "DESCRIPTION"))
    for exercise in chosen:
        assert exercise.name in description
        assert exercise.dose.describe() in description


def run_day_plan() -> Plan:
    """A run day with its warm-up and a strength session, and a day with strength only."""
    return Plan(
        weeks=(
            make_week(
                1,
                make_session(MONDAY, kind=SessionKind.ACTIVATION, estimated_s=180),
                make_session(MONDAY),
                make_session(MONDAY + dt.timedelta(days=2)),
            ),
        )
    )


def timed(event: icalendar.Event) -> tuple[dt.datetime, dt.datetime]:
    start, end = event.start, event.end
    assert isinstance(start, dt.datetime)
    assert isinstance(end, dt.datetime)
    return start, end


def local_spans(data: bytes) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    spans = {}
    for event in events_of(data):
        start, end = timed(event)
        kind = str(event.categories[1])
        spans[f"{start:%a} {kind}"] = (start.replace(tzinfo=None), end.replace(tzinfo=None))
    return spans


def test_the_warm_up_ends_at_the_run_time_and_strength_comes_after_the_run() -> None:
    spans = local_spans(export(run_day_plan()))
    assert spans["Mon activation"] == (dt.datetime(2025, 3, 3, 6, 57), dt.datetime(2025, 3, 3, 7))
    assert spans["Mon strength"][0] == dt.datetime(2025, 3, 3, 8, 30)
    assert spans["Wed strength"][0] == dt.datetime(2025, 3, 5, 7, 0)


def test_strength_starts_at_the_time_the_runner_set() -> None:
    spans = local_spans(export(run_day_plan(), strength_time=dt.time(18, 15)))
    assert spans["Mon strength"][0] == dt.datetime(2025, 3, 3, 18, 15)
    assert spans["Wed strength"][0] == dt.datetime(2025, 3, 5, 18, 15)
    assert spans["Mon activation"][1] == dt.datetime(2025, 3, 3, 7, 0)


@given(
    run=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    strength=st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)),
)
def test_events_of_one_day_never_overlap(run: dt.time, strength: dt.time | None) -> None:
    events = events_of(export(run_day_plan(), time_of_day=run, strength_time=strength))
    by_day: dict[dt.date, list[tuple[dt.datetime, dt.datetime]]] = {}
    for event in events:
        start, end = timed(event)
        by_day.setdefault(start.date(), []).append((start, end))
    for spans in by_day.values():
        spans.sort()
        for (_, first_end), (second_start, _) in itertools.pairwise(spans):
            assert first_end <= second_start


def test_events_link_to_their_session_when_the_site_address_is_known() -> None:
    events = events_of(export(run_day_plan(), base_url="https://feet.example"))
    urls = sorted(str(prop(e, "URL")) for e in events)
    assert urls == [
        "https://feet.example/session/2025-03-03",
        "https://feet.example/session/2025-03-03?kind=activation",
        "https://feet.example/session/2025-03-05",
    ]


def test_events_carry_no_url_without_a_site_address() -> None:
    assert all("URL" not in e for e in events_of(export(run_day_plan())))
