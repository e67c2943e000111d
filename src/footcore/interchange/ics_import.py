"""Read a runner's training calendar (.ics) and guess their usual week from it.

Works on exports and feeds of Google, Outlook/Exchange, Apple, TrainingPeaks,
Garmin and Runna: recurring entries (RRULE, RDATE, EXDATE and moved instances
with RECURRENCE-ID) are expanded with `recurring-ical-events`, then each
occurrence is classified from its text (`training_text`) and the lot summed up by
`footcore.domain.training_calendar.guess_training_week`.

A file that is not iCalendar raises `Invalid` naming the line. A file
with some bad entries imports the good ones and lists the bad ones as problems,
each with its line. Reading has budgets: at most `MAX_CALENDAR_BYTES` and
`MAX_CALENDAR_LINES`, at most `MAX_OCCURRENCES` entries, and `budget_s` CPU seconds,
checked as it goes; a repeat rule whose expansion alone would blow them is refused
before it starts.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

from footcore.domain.problems import Problem
from footcore.domain.profile import time_zone
from footcore.domain.training_calendar import (
    TrainingEvent,
    TrainingWeekGuess,
    guess_training_week,
    import_problem,
)
from footcore.interchange.ics_expand import (
    DEFAULT_BUDGET_S,
    MAX_OCCURRENCES,
    Budget,
    calendar_zone,
    occurrences,
)
from footcore.interchange.ics_lines import (
    decode_calendar,
    scan_calendar,
    unreadable,
)
from footcore.interchange.ics_occurrence import categories_of, line_of, local_day
from footcore.interchange.ics_parse import parse_calendars
from footcore.interchange.training_text import classify_training_text

__all__ = [
    "LOOK_AHEAD_DAYS",
    "LOOK_BACK_DAYS",
    "MAX_CALENDAR_BYTES",
    "CalendarEntries",
    "CalendarEntry",
    "read_calendar_entries",
    "read_training_calendar",
]

MAX_CALENDAR_BYTES = 5 * 1024 * 1024
"""footcore-design: a year of a busy training app's feed is well under 1 MB."""
LOOK_BACK_DAYS = 56
"""How far back a training calendar is read to guess the usual week: eight weeks."""
LOOK_AHEAD_DAYS = 182
"""And how far ahead: half a year of planned sessions and races."""
MAX_PROBLEMS = 50
"""Problems listed one by one; past this the rest are counted in one last entry."""


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One occurrence of a calendar entry, recurring series already expanded."""

    date: dt.date
    """The day it starts, in the runner's time zone (see `read_calendar_entries`)."""
    summary: str
    details: str
    categories: tuple[str, ...]
    line: int | None
    """Line of the file where the entry (or the moved instance) starts."""


@dataclass(frozen=True, slots=True)
class CalendarEntries:
    entries: tuple[CalendarEntry, ...]
    """By date, then title."""
    problems: tuple[Problem, ...]


def read_training_calendar(
    data: bytes,
    *,
    start: dt.date,
    end: dt.date,
    tz: str | None = None,
    budget_s: float = DEFAULT_BUDGET_S,
) -> TrainingWeekGuess:
    """Guess run days, long-run day, hard days and races from `data` in [start, end].

    Entries are read by `read_calendar_entries` (same arguments and errors) and
    classified from their text by `training_text.classify_training_text`; entries
    that are not runs are left out of the guess.
    """
    found = read_calendar_entries(data, start=start, end=end, tz=tz, budget_s=budget_s)
    events: list[TrainingEvent] = []
    for entry in found.entries:
        tags = classify_training_text(entry.summary, entry.details, entry.categories)
        if tags:
            events.append(TrainingEvent(entry.date, entry.summary, tags, entry.line))
    return guess_training_week(events, found.problems)


def read_calendar_entries(
    data: bytes,
    *,
    start: dt.date,
    end: dt.date,
    tz: str | None = None,
    budget_s: float = DEFAULT_BUDGET_S,
) -> CalendarEntries:
    """Every entry of the .ics `data` that starts in [start, end], both inclusive.

    `tz` is the runner's IANA time zone; without it the calendar's own
    X-WR-TIMEZONE is used, else each entry's own zone. Cancelled entries are left
    out, and so is anything outside `SEARCHED`. Raises `Invalid` for
    data that is not iCalendar, `ValueError` for a range that ends before it starts
    or an unknown `tz`.
    """
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    zone = _zone(tz) if tz else None
    if len(data) > MAX_CALENDAR_BYTES:
        raise unreadable(
            f"the file is {len(data) / 1024 / 1024:.1f} MB; calendars up to "
            f"{MAX_CALENDAR_BYTES // 1024 // 1024} MB are read"
        )
    budget = Budget(time.thread_time() + budget_s, budget_s)
    scanned = scan_calendar(decode_calendar(data))
    budget.check()
    problems = list(scanned.problems)
    calendars = parse_calendars(scanned.text, scanned.numbered, problems)
    budget.check()
    entries: list[CalendarEntry] = []
    for calendar in calendars:
        its_zone = zone or calendar_zone(calendar)
        for occurrence in occurrences(calendar, start, end, problems, scanned.skipped, budget):
            entry = _entry(occurrence, its_zone)
            if entry is not None and start <= entry.date <= end:
                entries.append(entry)
    if budget.capped:
        problems.append(
            import_problem(None, None, f"only the first {MAX_OCCURRENCES} entries were read")
        )
    entries.sort(key=lambda e: (e.date, e.summary, e.line or 0))
    return CalendarEntries(tuple(entries), tuple(_capped(problems)))


def _zone(name: str) -> ZoneInfo:
    zone = time_zone(name)
    if zone is None:
        raise ValueError(f"tz: unknown time zone {name[:40]!r}")
    return zone


def _entry(occurrence: icalendar.Component, zone: ZoneInfo | None) -> CalendarEntry | None:
    if str(occurrence.get("STATUS", "")).upper() == "CANCELLED":
        return None
    day = local_day(occurrence.get("DTSTART"), zone)
    if day is None:
        return None
    return CalendarEntry(
        date=day,
        summary=str(occurrence.get("SUMMARY", "")).strip(),
        details=str(occurrence.get("DESCRIPTION", "")).strip(),
        categories=categories_of(occurrence),
        line=line_of(occurrence),
    )


def _line_order(problem: Problem) -> tuple[bool, int]:
    """Problems by the line they name (`line 12, 'Tempo'`); whole-file ones last."""
    found = re.match(r"line (\d+)", problem.field)
    return (found is None, int(found.group(1)) if found else 0)


def _capped(problems: list[Problem]) -> list[Problem]:
    problems = sorted(problems, key=_line_order)
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], import_problem(None, None, f"... and {rest} more problems")]
