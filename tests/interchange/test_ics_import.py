"""Reading training calendars: real files from other software, hand-made runner calendars."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footcore.domain.problems import Invalid, Problem
from footcore.domain.training_calendar import TrainingTag
from footcore.domain.vocab import Weekday
from footcore.interchange.ics_import import (
    read_calendar_entries,
    read_training_calendar,
)

ICS = Path(__file__).parent.parent / "data" / "ics"
START, END = dt.date(2000, 1, 1), dt.date(2029, 12, 31)
WIDE_BUDGET_S = 6.0
"""Thirty years of weekly series is far more than an upload reads (about a year around
today), so these tests give the reader more than an upload's CPU budget."""

# Occurrences from 2000 to 2030, as counted by recurring-ical-events for the data
# manifest; our own repairs explain the three differences (see the tests below).
EXPECTED_ENTRIES = {
    "ical4j__Packers.ics": 66,
    "icalendar__bom_calendar.ics": 0,
    "icalendar__issue_165_missing_event.ics": 14,  # repaired "BYDAY=MO, TU": 14 weekdays
    "icalendar__issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics": 1,
    "icalendar__issue_722_timezone_transition_ambiguity.ics": 4,
    "icalendar__parsing_error.ics": 40,  # the broken EXDATE is dropped, the good one kept
    "icalevents__basic_latin1.ics": 95,
    "icalevents__recurring_override.ics": 644,
    "nodeical__festival-multiday-rrule.ics": 159,
    # 6 events with impossible dates; the last one's second DTSTART is dropped, not the event
    "nodeical__large-file-with-late-error.ics": 395,
    "nodeical__tentative-apple-calendar.ics": 3,  # the cancelled one is left out
    "rie__Germany.ics": 159,
    "rie__discourse_no_dtend.ics": 4,
    "rie__issue_132_swapped_start_and_end.ics": 1,
    "rie__issue_201_test_matrix.ics": 15,
    "rie__issue_20_exdate_ignored.ics": 7,
    "rie__issue_28_rrule_with_UTC_endinginZ.ics": 24,
    "rie__issue_62_moved_event_2.ics": 6,
    "rie__issue_75_range_parameter.ics": 193,
    "rie__issue_86_x_wr_timezone_without_time_zone_in_dt.ics": 1,
    "rie__machbar_16_feb_2019.ics": 3704,
}
SMALL_FILES = sorted(p.name for p in ICS.glob("*.ics") if p.stat().st_size < 5000)


def line_number(problem: Problem) -> int | None:
    """The file line a problem names (`line 12, 'Tempo'`), None for the whole file."""
    found = re.match(r"line (\d+)", problem.field)
    return int(found.group(1)) if found else None


def real(name: str) -> bytes:
    return (ICS / name).read_bytes()


def calendar(*lines: str) -> bytes:
    body = "".join(f"{line}\r\n" for line in lines)
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n".encode()
    )


def event(day: str, summary: str, *extra: str, uid: str | None = None) -> tuple[str, ...]:
    return (
        "BEGIN:VEVENT",
        f"UID:{uid or day + summary}",
        f"DTSTART;VALUE=DATE:{day}",
        f"SUMMARY:{summary}",
        *extra,
        "END:VEVENT",
    )


def test_every_real_file_is_in_the_expected_table() -> None:
    assert sorted(p.name for p in ICS.glob("*.ics")) == sorted(EXPECTED_ENTRIES)


@pytest.mark.parametrize(("name", "count"), sorted(EXPECTED_ENTRIES.items()))
def test_it_expands_every_real_calendar_to_the_expected_occurrences(name: str, count: int) -> None:
    assert (
        len(read_calendar_entries(real(name), start=START, end=END, budget_s=WIDE_BUDGET_S).entries)
        == count
    )


@pytest.mark.parametrize("name", sorted(EXPECTED_ENTRIES))
def test_no_real_non_running_calendar_looks_like_training(name: str) -> None:
    guess = read_training_calendar(real(name), start=START, end=END, budget_s=WIDE_BUDGET_S)
    assert guess.events == ()
    assert guess.run_days == ()


def test_excluded_dates_are_left_out_of_a_series() -> None:
    found = read_calendar_entries(
        real("rie__issue_20_exdate_ignored.ics"), start=START, end=END, budget_s=WIDE_BUDGET_S
    )
    days = [e.date for e in found.entries]
    assert dt.date(2019, 10, 15) not in days
    assert dt.date(2019, 10, 29) in days
    assert all(day.weekday() == 1 for day in days)


def test_a_moved_instance_appears_on_its_new_day_only() -> None:
    found = read_calendar_entries(
        real("rie__issue_62_moved_event_2.ics"), start=START, end=END, budget_s=WIDE_BUDGET_S
    )
    days = {e.date for e in found.entries}
    assert dt.date(2023, 8, 14) in days  # moved from Tuesday the 15th
    assert dt.date(2023, 8, 15) not in days
    assert dt.date(2023, 8, 16) in days  # all-day instance moved from the 17th
    assert dt.date(2023, 8, 17) not in days


def test_a_google_series_with_a_moved_long_run_gives_the_usual_long_run_day() -> None:
    data = (
        real("rie__issue_62_moved_event_2.ics")
        .replace(b"SUMMARY:Datetime", b"SUMMARY:Long run")
        .replace(b"SUMMARY:All Day", b"SUMMARY:Intervals 6x800m")
    )
    guess = read_training_calendar(data, start=dt.date(2023, 8, 1), end=dt.date(2023, 8, 31))
    assert guess.long_run_day is Weekday.TUE
    assert guess.run_days == (Weekday.TUE, Weekday.THU)
    assert guess.hard_days == (Weekday.THU,)
    assert guess.weeks_seen == 3


def test_a_latin1_file_keeps_its_umlauts() -> None:
    found = read_calendar_entries(
        real("icalevents__basic_latin1.ics"), start=START, end=END, budget_s=WIDE_BUDGET_S
    )
    assert any("Restmülltonne" in e.summary for e in found.entries)


def test_an_empty_calendar_with_a_byte_order_mark_imports_cleanly() -> None:
    found = read_calendar_entries(
        real("icalendar__bom_calendar.ics"), start=START, end=END, budget_s=WIDE_BUDGET_S
    )
    assert found.entries == ()
    assert found.problems == ()


def test_a_broken_exdate_is_reported_with_its_line_and_the_good_one_still_applies() -> None:
    found = read_calendar_entries(
        real("icalendar__parsing_error.ics"), start=START, end=END, budget_s=WIDE_BUDGET_S
    )
    (problem,) = found.problems
    assert line_number(problem) == 19  # the empty EXDATE line itself, not the event's first line
    assert "EXDATE" in problem.message
    assert dt.date(2008, 3, 11) not in {e.date for e in found.entries}


def test_impossible_dates_are_skipped_and_reported_by_line() -> None:
    found = read_calendar_entries(
        real("nodeical__large-file-with-late-error.ics"), start=START, end=END
    )
    assert len(found.problems) == 7
    first = found.problems[0]
    # the DTSTART line of the event that starts on line 359
    assert first.field == "line 360, 'Event 060'"
    assert "20240230" in first.message
    assert str(first).startswith("line 360, 'Event 060': ")


def test_an_event_with_two_starts_keeps_the_first_and_names_the_second() -> None:
    found = read_calendar_entries(
        real("nodeical__large-file-with-late-error.ics"), start=START, end=END
    )
    late = [e for e in found.entries if e.summary.startswith("This event should trigger")]
    assert [(e.date, e.line) for e in late] == [(dt.date(2024, 1, 1), 2405)]
    second = "line 2407: a second DTSTART in the event of line 2405; skipped"
    assert str(found.problems[-1]) == second


def test_an_exchange_rule_with_spaces_is_repaired() -> None:
    found = read_calendar_entries(
        real("icalendar__issue_165_missing_event.ics"), start=START, end=END
    )
    days = [e.date for e in found.entries]
    assert days[0] == dt.date(2015, 7, 3)
    assert all(day.weekday() < 5 for day in days)
    assert found.problems == ()


def test_cancelled_entries_are_left_out() -> None:
    found = read_calendar_entries(
        real("nodeical__tentative-apple-calendar.ics"), start=START, end=END
    )
    assert "Cancelled" not in {e.summary for e in found.entries}


def test_a_utc_entry_lands_on_the_runners_own_day() -> None:
    data = real("nodeical__tentative-apple-calendar.ics")  # 23:00 UTC on 4 July
    in_vancouver = read_calendar_entries(data, start=START, end=END, budget_s=WIDE_BUDGET_S)
    in_berlin = read_calendar_entries(data, start=START, end=END, tz="Europe/Berlin")
    assert in_vancouver.entries[0].date == dt.date(2022, 7, 4)
    assert in_berlin.entries[0].date == dt.date(2022, 7, 5)


def test_only_entries_inside_the_range_are_returned() -> None:
    data = real("rie__issue_62_moved_event_2.ics")
    found = read_calendar_entries(data, start=dt.date(2023, 8, 14), end=dt.date(2023, 8, 16))
    assert [e.date for e in found.entries] == [dt.date(2023, 8, 14), dt.date(2023, 8, 16)]


def test_a_garmin_like_calendar_gives_run_long_and_hard_days() -> None:
    lines: list[str] = []
    for week in range(4):
        monday = dt.date(2025, 9, 1) + dt.timedelta(weeks=week)

        def day(offset: int, monday: dt.date = monday) -> str:
            return (monday + dt.timedelta(days=offset)).strftime("%Y%m%d")

        lines += event(day(1), "Running - Intervals 5x1km @ 5K pace")
        lines += event(day(3), "Running - Easy Run", "DESCRIPTION:45 min in zone 2")
        lines += event(day(5), "Strength - Core")
        lines += event(day(6), "Running - Long Run", "DESCRIPTION:Distance: 22.0 km")
    lines += event("20250912", "Running - Hill Repeats 8x200m")  # a one-off Friday
    guess = read_training_calendar(
        calendar(*lines), start=dt.date(2025, 9, 1), end=dt.date(2025, 9, 28)
    )
    assert guess.run_days == (Weekday.TUE, Weekday.THU, Weekday.SUN)
    assert guess.long_run_day is Weekday.SUN
    assert guess.hard_days == (Weekday.TUE,)
    assert guess.race_dates == ()
    assert guess.weeks_seen == 4


def test_a_trainingpeaks_like_feed_with_a_weekly_rule_and_a_race() -> None:
    data = calendar(
        "X-WR-CALNAME:TrainingPeaks",
        "BEGIN:VEVENT",
        "UID:tp-1",
        "DTSTART;VALUE=DATE:20251007",
        "RRULE:FREQ=WEEKLY;COUNT=6",
        "SUMMARY:Threshold: 3 x 10' @ T",
        "CATEGORIES:Run",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:tp-2",
        "DTSTART;VALUE=DATE:20251011",
        "RRULE:FREQ=WEEKLY;COUNT=6",
        "SUMMARY:Aerobic",
        "DESCRIPTION:Planned: 1:50:00 / 19.5 km",
        "CATEGORIES:Run",
        "END:VEVENT",
        *event("20251116", "Race: Valencia Half Marathon", "CATEGORIES:Run"),
        *event("20251115", "Marathon expo - bib pick-up"),
    )
    guess = read_training_calendar(data, start=dt.date(2025, 10, 6), end=dt.date(2025, 11, 16))
    assert guess.hard_days == (Weekday.TUE,)
    assert guess.long_run_day is Weekday.SAT
    assert guess.race_dates == (dt.date(2025, 11, 16),)
    assert Weekday.SAT in guess.run_days


def test_a_runna_like_feed_with_bare_dates_and_emoji() -> None:
    # Runna writes all-day dates without VALUE=DATE and puts emoji in titles.
    data = calendar(
        "X-WR-CALNAME:Runna",
        "BEGIN:VEVENT",
        "UID:r1",
        "DTSTART:20251020",
        "SUMMARY:🏃 Easy Run · 5km",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:r2",
        "DTSTART:20251022",
        "SUMMARY:⚡ Tempo · 8km",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:r3",
        "DTSTART:20251026",
        "SUMMARY:🏃 Long Run · 16km",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:r4",
        "DTSTART:20251102",
        "SUMMARY:🏁 Race Day: Frankfurt Marathon",
        "END:VEVENT",
    )
    guess = read_training_calendar(data, start=dt.date(2025, 10, 20), end=dt.date(2025, 11, 2))
    tags = {e.date: e.tags for e in guess.events}
    assert tags[dt.date(2025, 10, 20)] == {TrainingTag.RUN}
    assert TrainingTag.HARD in tags[dt.date(2025, 10, 22)]
    assert guess.long_run_day is Weekday.SUN
    assert guess.race_dates == (dt.date(2025, 11, 2),)


def test_html_instead_of_a_calendar_is_refused_naming_line_1() -> None:
    with pytest.raises(Invalid, match="line 1: this is not an iCalendar file"):
        read_training_calendar(
            b"<!DOCTYPE html><html>Sign in</html>", start=START, end=END, budget_s=WIDE_BUDGET_S
        )


@pytest.mark.parametrize("data", [b"", b"\r\n  \r\n", b"\x00\x01\x02binary"])
def test_empty_or_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(Invalid):
        read_training_calendar(data, start=START, end=END, budget_s=WIDE_BUDGET_S)


def test_a_garbage_line_is_reported_and_the_rest_imported() -> None:
    data = calendar("this line is not iCalendar", *event("20250902", "Easy run"))
    found = read_calendar_entries(data, start=START, end=END, budget_s=WIDE_BUDGET_S)
    assert [e.summary for e in found.entries] == ["Easy run"]
    (problem,) = found.problems
    assert line_number(problem) == 4
    assert "not a calendar line" in problem.message


def test_a_cut_off_file_keeps_its_complete_events() -> None:
    whole = calendar(*event("20250902", "Easy run"), *event("20250904", "Tempo run"))
    cut = whole[: whole.index(b"SUMMARY:Tempo")]
    found = read_calendar_entries(cut, start=START, end=END, budget_s=WIDE_BUDGET_S)
    assert [e.summary for e in found.entries] == ["Easy run"]
    assert [line_number(p) for p in found.problems] == [9, 11]
    assert "cut off" in found.problems[0].message


def test_an_event_without_a_start_is_skipped_and_named() -> None:
    data = calendar("BEGIN:VEVENT", "UID:x", "SUMMARY:Easy run", "END:VEVENT")
    (problem,) = read_calendar_entries(data, start=START, end=END, budget_s=WIDE_BUDGET_S).problems
    assert problem.field == "line 4, 'Easy run'"
    assert "DTSTART" in problem.message


def test_a_rule_repeating_every_minute_is_refused_not_expanded() -> None:
    data = calendar(*event("20250902", "Easy run", "RRULE:FREQ=MINUTELY"))
    found = read_calendar_entries(data, start=START, end=END, budget_s=WIDE_BUDGET_S)
    assert found.entries == ()
    assert "repeats more often" in found.problems[0].message


def test_an_end_without_a_begin_is_reported() -> None:
    data = calendar("END:VTODO", *event("20250902", "Easy run"))
    found = read_calendar_entries(data, start=START, end=END, budget_s=WIDE_BUDGET_S)
    assert len(found.entries) == 1
    assert line_number(found.problems[0]) == 4


def test_an_unknown_calendar_time_zone_is_ignored_not_fatal() -> None:
    data = calendar("X-WR-TIMEZONE:Not/A_Zone", *event("20250902", "Easy run"))
    found = read_calendar_entries(data, start=dt.date.min, end=dt.date.max)
    assert [e.date for e in found.entries] == [dt.date(2025, 9, 2)]
    assert found.problems == ()


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        read_training_calendar(calendar(), start=dt.date(2025, 2, 1), end=dt.date(2025, 1, 1))


def test_an_unknown_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        read_training_calendar(calendar(), start=START, end=END, tz="Nowhere/Special")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise_anything_but_calendar_import_error(data: bytes) -> None:
    with contextlib.suppress(Invalid):
        read_training_calendar(data, start=START, end=END, budget_s=WIDE_BUDGET_S)


_MUTATIONS = st.lists(
    st.tuples(
        st.integers(min_value=0),
        st.sampled_from(["flip", "cut", "insert", "duplicate"]),
        st.sampled_from(
            [
                b"\r\n",
                b"\n ",
                b":",
                b";",
                b'"',
                b"BEGIN:VEVENT\r\n",
                b"END:VEVENT\r\n",
                b"END:VCALENDAR\r\n",
                b"RRULE:FREQ=DAILY;COUNT=3\r\n",
                b"DTSTART:2024",
                b"RECURRENCE-ID:20240101\r\n",
                b"\xff\xfe",
                b"\x00",
            ]
        ),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SMALL_FILES), _MUTATIONS)
def test_mutated_real_files_never_raise_anything_but_calendar_import_error(
    name: str, mutations: list[tuple[int, str, bytes]]
) -> None:
    data = bytearray(real(name))
    for position, kind, chunk in mutations:
        at = position % (len(data) + 1)
        if kind == "flip" and at < len(data):
            data[at] ^= 0x55
        elif kind == "cut":
            del data[at : at + 40]
        elif kind == "insert":
            data[at:at] = chunk
        else:
            data[at:at] = data[at : at + 120]
    with contextlib.suppress(Invalid):
        read_training_calendar(bytes(data), start=START, end=END, budget_s=WIDE_BUDGET_S)
