"""Calendars built to cost time or memory are refused quickly, naming the line."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from footcore.domain.problems import Invalid
from footcore.interchange.ics_expand import DEFAULT_BUDGET_S, MAX_OCCURRENCES
from footcore.interchange.ics_import import (
    MAX_CALENDAR_BYTES,
    read_calendar_entries,
)
from footcore.interchange.ics_lines import MAX_CALENDAR_LINES

START, END = dt.date(2024, 1, 1), dt.date(2024, 12, 31)


def calendar(*lines: str) -> bytes:
    return (
        "\r\n".join(
            ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN", *lines, "END:VCALENDAR"]
        )
        + "\r\n"
    ).encode()


def run(day: str, summary: str, *extra: str, uid: str = "a") -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTART:{day}",
        f"SUMMARY:{summary}",
        *extra,
        "END:VEVENT",
    ]


def read(data: bytes, budget_s: float = DEFAULT_BUDGET_S) -> tuple[list[str], list[str]]:
    begun = time.monotonic()
    found = read_calendar_entries(data, start=START, end=END, budget_s=budget_s)
    # Not a timed test of speed: these inputs used to run for minutes or forever.
    assert time.monotonic() - begun < 30
    return [e.summary for e in found.entries], [str(p) for p in found.problems]


@pytest.mark.parametrize("interval", ["0", "-1"])
def test_a_rule_with_an_interval_below_one_is_an_error_naming_its_line(interval: str) -> None:
    data = calendar(
        *run("20240101T070000Z", "Easy run", f"RRULE:FREQ=DAILY;INTERVAL={interval}"),
        *run("20240102T070000Z", "Long run", uid="b"),
    )
    summaries, problems = read(data)
    assert summaries == ["Long run"]
    assert problems == [
        f"line 8, 'Easy run': its RRULE has INTERVAL={interval}; it must be at least 1; skipped"
    ]


def test_an_end_a_thousand_years_before_the_start_is_an_error_naming_its_line() -> None:
    data = calendar(
        *run("20240101T070000Z", "Easy run", "DTEND:10240101T070000Z", "RRULE:FREQ=DAILY"),
        *run("20240102T070000Z", "Long run", uid="b"),
    )
    summaries, problems = read(data)
    assert summaries == ["Long run"]
    assert len(problems) == 1
    assert problems[0].startswith("line 8, 'Easy run': its DTEND is 365243 days before its start")


def test_a_year_long_duration_is_refused_too() -> None:
    _, problems = read(calendar(*run("20240101", "Base block", "DURATION:P1000W")))
    assert problems[0].startswith("line 8, 'Base block': its DURATION is 7000 days after")


def test_a_daily_rule_from_before_1900_is_refused_before_it_is_walked() -> None:
    _, problems = read(calendar(*run("00010101T070000Z", "Run", "RRULE:FREQ=DAILY")))
    assert problems == ["line 4, 'Run': it repeats from 1, before 1900; skipped"]


def test_entries_past_the_cap_are_reported_not_read() -> None:
    data = calendar(
        *run("20240101T060000Z", "Run", "RRULE:FREQ=DAILY;BYHOUR=6,7,8,9"),
        *run("20240101T060000Z", "Run", "RRULE:FREQ=DAILY;BYHOUR=6,7,8,9", uid="b"),
        *run("20240101T060000Z", "Run", "RRULE:FREQ=DAILY;BYHOUR=6,7,8,9", uid="c"),
        *run("20240101T060000Z", "Run", "RRULE:FREQ=DAILY;BYHOUR=6,7,8,9", uid="d"),
    )
    # This checks the count, not the time: a slow or busy machine must not turn the
    # cap's report into the time budget's error (5,000 entries cost ~0.5 CPU s here).
    summaries, problems = read(data, budget_s=30)
    # The cap counts the day of margin either side of the range too.
    assert MAX_OCCURRENCES - 50 < len(summaries) <= MAX_OCCURRENCES
    assert problems == [f"only the first {MAX_OCCURRENCES} entries were read"]


def test_a_file_over_the_size_budget_is_refused_before_it_is_parsed() -> None:
    data = calendar(*run("20240101", "Run")) + b" " * MAX_CALENDAR_BYTES
    with pytest.raises(Invalid, match="MB"):
        read_calendar_entries(data, start=START, end=END)


def test_work_past_the_time_budget_stops_with_an_error() -> None:
    lines = [line for i in range(300) for line in run("20240101", f"Run {i}", uid=str(i))]
    with pytest.raises(Invalid, match=r"reading stopped after 1e-06 CPU seconds"):
        read_calendar_entries(calendar(*lines), start=START, end=END, budget_s=0.000001)


def test_a_daily_rule_that_never_matches_is_stopped_by_the_time_budget() -> None:
    # dateutil walks it to the year 9999 (15 CPU seconds) without returning once.
    begun = time.thread_time()
    data = calendar(*run("20240101T070000Z", "Run", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"))
    with pytest.raises(Invalid, match=r"reading stopped after 0\.5 CPU seconds"):
        read_calendar_entries(data, start=START, end=END, budget_s=0.5)
    assert time.thread_time() - begun < 1.5


def test_a_rule_that_starts_after_the_range_is_not_walked_either() -> None:
    begun = time.thread_time()
    data = calendar(*run("41630913T170000Z", "Run", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"))
    assert read(data) == ([], [])
    assert time.thread_time() - begun < 1


def test_a_file_over_the_line_budget_is_refused_before_it_is_parsed_naming_the_line() -> None:
    # 15,000 events, 1.3 MB: inside the size budget, but scanning and parsing them
    # cost 3.7 CPU seconds here before the time budget was first checked.
    lines = [line for i in range(15_000) for line in run("20240101", "Run", uid=str(i))]
    data = calendar(*lines)
    assert len(data) < MAX_CALENDAR_BYTES
    begun = time.thread_time()
    with pytest.raises(Invalid) as caught:
        read_calendar_entries(data, start=START, end=END)
    assert time.thread_time() - begun < 1.5
    problem = caught.value.problems[0]
    assert problem.field == f"line {MAX_CALENDAR_LINES + 1}"
    assert problem.message == (
        f"the file has {len(lines) + 4:,} lines; calendars up to 20,000 lines are read"
    )
