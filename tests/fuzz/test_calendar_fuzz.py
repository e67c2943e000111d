"""The calendar importer, fuzzed: it never crashes, never runs long, and names lines.

Two sources of input: calendars assembled from iCalendar's own vocabulary with
random values (rules, dates, durations, offsets, nesting), and the real files of
tests/data/ics mutated line by line and byte by byte.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.problems import Invalid
from footcore.interchange.ics_import import (
    CalendarEntries,
    read_calendar_entries,
)
from tests.fuzz.support import fuzz, within_budget

START, END = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
REAL = sorted((Path(__file__).parent.parent / "data" / "ics").glob("*.ics"))
REAL_BYTES = [path.read_bytes() for path in REAL]
WHOLE_FILE = ("reading stopped after", "calendars up to")
"""Errors about the file as a whole (its size, its cost): no one line is at fault."""

NAMES = [
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "EXRULE",
    "RDATE",
    "EXDATE",
    "RECURRENCE-ID",
    "SUMMARY",
    "DESCRIPTION",
    "CATEGORIES",
    "STATUS",
    "UID",
    "TRIGGER",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "X-WR-TIMEZONE",
    "SEQUENCE",
    "GEO",
    "DTSTAMP",
]
PARAMS = [
    "",
    ";VALUE=DATE",
    ";VALUE=DATE-TIME",
    ";TZID=Europe/Berlin",
    ";TZID=Nowhere",
    ";VALUE=PERIOD",
    ";RANGE=THISANDFUTURE",
    ';TZID="x:y"',
]
COMPONENTS = ["VEVENT", "VALARM", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VTODO", "VCALENDAR"]

dates = st.builds(
    lambda y, m, d, h: f"{y:04d}{m:02d}{d:02d}" + (f"T{h:02d}0000" if h >= 0 else ""),
    st.integers(0, 9999),
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(-1, 25),
).map(lambda s: s + "Z" if "T" in s and len(s) % 2 else s)
rules = st.builds(
    lambda freq, interval, count, by: f"FREQ={freq}" + interval + count + by,
    st.sampled_from(
        ["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "MINUTELY", "SECONDLY", "FORTNIGHTLY"]
    ),
    st.sampled_from(
        ["", ";INTERVAL=0", ";INTERVAL=-3", ";INTERVAL=1", ";INTERVAL=1000000", ";INTERVAL=x"]
    ),
    st.sampled_from(
        [
            "",
            ";COUNT=0",
            ";COUNT=5",
            ";COUNT=99999999",
            ";UNTIL=20240301",
            ";UNTIL=19000101T000000Z",
        ]
    ),
    st.sampled_from(
        [
            "",
            ";BYDAY=MO,TU",
            ";BYDAY=5FR",
            ";BYMONTHDAY=31",
            ";BYMONTH=2;BYMONTHDAY=30",
            ";BYHOUR=1,2,3,4,5",
            ";BYSETPOS=-1;BYDAY=MO",
            ";BYWEEKNO=53",
            ";BYYEARDAY=366",
            ";WKST=XX",
        ]
    ),
)
durations = st.sampled_from(
    ["PT1H", "PT-2H", "-PT2H", "P1000W", "P", "PT", "P1D", "-P400D", "P1Y", "PT99999999H"]
)
offsets = st.sampled_from(["+0100", "+5328", "-2400", "+01", "0100", "+0130", ""])
values = st.one_of(dates, rules, durations, offsets, st.text(max_size=30))


@st.composite
def calendars(draw: st.DrawFn) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 9))
        if kind < 2:
            lines.append(("BEGIN:" if kind == 0 else "END:") + draw(st.sampled_from(COMPONENTS)))
        elif kind < 4:
            lines += [
                "BEGIN:VEVENT",
                f"UID:{draw(st.integers(0, 3))}",
                f"DTSTART:{draw(dates)}",
                f"RRULE:{draw(rules)}",
                "SUMMARY:Easy run",
                "END:VEVENT",
            ]
        else:
            name = draw(st.sampled_from(NAMES))
            lines.append(f"{name}{draw(st.sampled_from(PARAMS))}:{draw(values)}")
    if draw(st.booleans()):
        lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8", "surrogatepass")


@st.composite
def mutated_real_files(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(REAL_BYTES))
    lines = data.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        how = draw(st.integers(0, 5))
        if how == 0:
            del lines[at]
        elif how == 1:
            lines.insert(at, lines[draw(st.integers(0, len(lines) - 1))])
        elif how == 2:
            head, _, _ = lines[at].partition(b":")
            lines[at] = head + b":" + draw(values).encode("utf-8", "replace") + b"\r\n"
        elif how == 3:
            cut = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:cut] + draw(st.binary(max_size=8)) + lines[at][cut:]
        elif how == 4:
            lines = lines[: at + 1]
        else:
            lines[at] = (
                draw(st.sampled_from(NAMES)).encode()
                + b":"
                + draw(values).encode("utf-8", "replace")
                + b"\r\n"
            )
    return b"".join(lines)


def imports_or_names_the_line(data: bytes) -> CalendarEntries | None:
    error: Invalid | None = None
    try:
        found = within_budget(lambda: read_calendar_entries(data, start=START, end=END))
    except Invalid as exc:
        error = exc
    if error is not None:
        (fault,) = error.problems
        assert fault.field.startswith("line ") or fault.message.startswith(WHOLE_FILE), error
        return None
    for problem in found.problems:
        summary = problem.message.startswith(("only the first", "... and"))
        assert problem.field.startswith("line ") or summary, str(problem)
    return found


@fuzz
@given(data=calendars())
def test_generated_calendars_import_or_fail_naming_a_line(data: bytes) -> None:
    imports_or_names_the_line(data)


@fuzz
@given(data=mutated_real_files())
def test_mutated_real_calendars_import_or_fail_naming_a_line(data: bytes) -> None:
    imports_or_names_the_line(data)


@fuzz
@given(data=st.binary(max_size=400).map(lambda b: b"BEGIN:VCALENDAR\r\n" + b))
def test_random_bytes_after_the_header_import_or_fail_naming_a_line(data: bytes) -> None:
    imports_or_names_the_line(data)
