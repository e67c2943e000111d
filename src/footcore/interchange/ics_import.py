"""Read a runner's training calendar (.ics) and guess their usual week from it.

Works on exports and feeds of Google, Outlook/Exchange, Apple, TrainingPeaks,
Garmin and Runna: recurring entries (RRULE, RDATE, EXDATE and moved instances
with RECURRENCE-ID) are expanded with `recurring-ical-events`, then each
occurrence is classified from its text (`training_text`) and the lot summed up by
`footcore.domain.training_calendar.guess_training_week`.

A file that is not iCalendar raises `Invalid` naming the line. A file
with some bad entries imports the good ones and lists the bad ones as problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]  # ships no py.typed

from footcore.domain.problems import Problem
from footcore.domain.training_calendar import (
    TrainingEvent,
    TrainingWeekGuess,
    guess_training_week,
    import_problem,
)
from footcore.interchange.ics_lines import (
    decode_calendar,
    scan_calendar,
    unreadable,
)
from footcore.interchange.ics_occurrence import (
    broken_date_property,
    categories_of,
    label_of,
    line_of,
    local_day,
)
from footcore.interchange.training_text import classify_training_text

__all__ = [
    "CalendarEntries",
    "CalendarEntry",
    "read_calendar_entries",
    "read_training_calendar",
]

MAX_PROBLEMS = 50
"""Problems listed one by one; past this the rest are counted in one last entry."""
SEARCHED = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))
"""Entries outside these days are never returned, whatever range is asked for."""
MAX_TIMES_A_DAY = 4
"""A repeat rule may place at most this many entries on one day (double runs fit)."""
_SUB_DAILY = frozenset({"SECONDLY", "MINUTELY", "HOURLY"})


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
    data: bytes, *, start: dt.date, end: dt.date, tz: str | None = None
) -> TrainingWeekGuess:
    """Guess run days, long-run day, hard days and races from `data` in [start, end].

    Entries are read by `read_calendar_entries` (same arguments and errors) and
    classified from their text by `training_text.classify_training_text`; entries
    that are not runs are left out of the guess.
    """
    found = read_calendar_entries(data, start=start, end=end, tz=tz)
    events: list[TrainingEvent] = []
    for entry in found.entries:
        tags = classify_training_text(entry.summary, entry.details, entry.categories)
        if tags:
            events.append(TrainingEvent(entry.date, entry.summary, tags, entry.line))
    return guess_training_week(events, found.problems)


def read_calendar_entries(
    data: bytes, *, start: dt.date, end: dt.date, tz: str | None = None
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
    scanned = scan_calendar(decode_calendar(data))
    try:
        calendars = icalendar.Calendar.from_ical(scanned.text, multiple=True)
    except Exception as exc:  # icalendar raises bare ValueErrors and worse
        raise unreadable(f"the calendar could not be read: {exc}") from exc
    problems = list(scanned.problems)
    entries: list[CalendarEntry] = []
    for calendar in calendars:
        calendar_zone = zone or _calendar_zone(calendar)
        for occurrence in _occurrences(calendar, start, end, problems):
            entry = _entry(occurrence, calendar_zone)
            if entry is not None and start <= entry.date <= end:
                entries.append(entry)
    entries.sort(key=lambda e: (e.date, e.summary, e.line or 0))
    return CalendarEntries(tuple(entries), tuple(_capped(problems)))


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def _calendar_zone(calendar: icalendar.Component) -> ZoneInfo | None:
    name = str(calendar.get("X-WR-TIMEZONE", "")).strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _occurrences(
    calendar: icalendar.Component,
    start: dt.date,
    end: dt.date,
    problems: list[Problem],
) -> Iterator[icalendar.Component]:
    """Occurrences of the calendar's usable events near [start, end]."""
    usable = [e for e in calendar.subcomponents if e.name == "VEVENT" and _usable(e, problems)]
    # A day of margin on each side: time zones move an occurrence across midnight.
    # The expansion itself overflows near year 1 and 9999; no training lives there.
    day = dt.timedelta(days=1)
    window = (max(start, SEARCHED[0]) - day, min(end, SEARCHED[1]) + 2 * day)
    try:
        yield from _expand(calendar, usable, window)
        return
    except Exception:  # noqa: S110 - one bad series: retry series by series below
        pass
    by_uid: dict[str, list[icalendar.Component]] = {}
    for index, event in enumerate(usable):
        by_uid.setdefault(str(event.get("UID", f"no-uid-{index}")), []).append(event)
    for series in by_uid.values():
        try:
            found = _expand(calendar, series, window)
        except Exception as exc:  # recurring_ical_events and dateutil raise many types
            problems.append(
                import_problem(
                    line_of(series[0]),
                    label_of(series[0]),
                    f"its dates or repeat rule could not be worked out ({exc}); skipped",
                )
            )
            continue
        yield from found


def _expand(
    calendar: icalendar.Component,
    events: list[icalendar.Component],
    window: tuple[dt.date, dt.date],
) -> list[icalendar.Component]:
    part = icalendar.Calendar()
    if "CALSCALE" in calendar:
        part["CALSCALE"] = calendar["CALSCALE"]
    if _calendar_zone(calendar) is not None:  # an unknown zone name would fail every series
        part["X-WR-TIMEZONE"] = calendar["X-WR-TIMEZONE"]
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            part.add_component(component)
    for event in events:
        part.add_component(event)
    found: list[icalendar.Component] = recurring_ical_events.of(part).between(*window)
    return found


def _usable(event: icalendar.Component, problems: list[Problem]) -> bool:
    """Whether an event can be placed in time; repairs what it safely can."""

    def skip(message: str) -> bool:
        problems.append(import_problem(line_of(event), label_of(event), message))
        return False

    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return False
    broken = {name.upper(): message for name, message in event.errors if name}
    for name in ("DTSTART", "RRULE", "RECURRENCE-ID"):
        if name in broken:
            return skip(f"its {name} could not be read ({broken[name]}); skipped")
    if broken_date_property(event.get("DTSTART")):
        return skip("it has no start date (DTSTART); skipped")
    if any(_times_a_day(rule) > MAX_TIMES_A_DAY for rule in _as_list(event.get("RRULE"))):
        return skip("it repeats more often than any training entry would; skipped")
    for name in ("DTEND", "DURATION", "EXDATE", "RDATE", "EXRULE"):
        if name in broken:
            kept = [v for v in _as_list(event[name]) if not isinstance(v, icalendar.vBroken)]
            del event[name]
            if kept:
                event[name] = kept if len(kept) > 1 else kept[0]
            problems.append(
                import_problem(
                    line_of(event),
                    label_of(event),
                    f"ignored its broken {name} ({broken[name]})",
                )
            )
    return True


def _times_a_day(rule: object) -> int:
    """How many times a day a repeat rule fires at most; huge for sub-daily rules.

    Checked before expanding, because `FREQ=MINUTELY` or a long BYMINUTE list
    would otherwise spin for minutes on a file nobody means as a training plan.
    """
    if not isinstance(rule, icalendar.vRecur):
        return 1
    if any(str(f).upper() in _SUB_DAILY for f in rule.get("FREQ", [])):
        return 24 * 60 * 60
    times = 1
    for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        times *= max(1, len(rule.get(part, [])))
    return times


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


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


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem("", f"... and {rest} more problems")]
