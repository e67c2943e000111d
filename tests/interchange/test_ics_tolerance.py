"""One bad line costs one property or one event, never the whole calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from footcore.interchange.ics_import import read_calendar_entries

START, END = dt.date(2024, 1, 1), dt.date(2024, 12, 31)


def calendar(*lines: str) -> bytes:
    return (
        "\r\n".join(
            ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN", *lines, "END:VCALENDAR"]
        )
        + "\r\n"
    ).encode()


ZURICH = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Zurich",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "TZOFFSETFROM:+5328",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def test_an_icloud_export_with_a_broken_zone_offset_keeps_its_events() -> None:
    data = calendar(
        "X-WR-CALNAME:Training",
        *ZURICH,
        "BEGIN:VEVENT",
        "UID:1",
        "DTSTART;TZID=Europe/Zurich:20240105T070000",
        "SUMMARY:Easy run",
        "END:VEVENT",
    )
    found = read_calendar_entries(data, start=START, end=END)
    assert [(e.date, e.summary) for e in found.entries] == [(dt.date(2024, 1, 5), "Easy run")]
    assert [p.field for p in found.problems] == ["line 5", "line 9"]
    assert "TZOFFSETFROM" in found.problems[1].message


def test_a_rail_ticket_alarm_with_a_negative_inner_duration_keeps_its_events() -> None:
    data = calendar(
        "BEGIN:VEVENT",
        "UID:train",
        "DTSTART:20240105T070000Z",
        "SUMMARY:Train to Bern",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT-2H",
        "END:VALARM",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:run",
        "DTSTART:20240106T070000Z",
        "SUMMARY:Long run",
        "END:VEVENT",
    )
    found = read_calendar_entries(data, start=START, end=END)
    assert [e.summary for e in found.entries] == ["Train to Bern", "Long run"]
    (problem,) = found.problems
    assert problem.field == "line 10"
    assert "TRIGGER" in problem.message


def test_a_second_start_or_end_is_dropped_and_the_event_kept() -> None:
    data = calendar(
        "BEGIN:VEVENT",
        "UID:1",
        "DTSTART:20240105T070000Z",
        "DTEND:20240105T080000Z",
        "DTSTART:20240106T070000Z",
        "DURATION:PT1H",
        "SUMMARY:Easy run",
        "END:VEVENT",
    )
    found = read_calendar_entries(data, start=START, end=END)
    assert [e.date for e in found.entries] == [dt.date(2024, 1, 5)]
    assert [str(p) for p in found.problems] == [
        "line 8: a second DTSTART in the event of line 4; skipped",
        "line 9: both DTEND and DURATION in the event of line 4; skipped",
    ]


def test_every_problem_of_every_real_calendar_names_its_line() -> None:
    folder = Path(__file__).parent.parent / "data" / "ics"
    named = 0
    for path in sorted(folder.glob("*.ics")):
        found = read_calendar_entries(path.read_bytes(), start=START, end=END)
        for problem in found.problems:
            assert problem.field.startswith("line "), (path.name, problem)
            named += 1
    assert named > 0
