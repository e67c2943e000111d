"""Parse scanned iCalendar text with `icalendar`, one component at a time when it must.

`ics_lines` checks every property before this runs, so the whole text almost always
parses in one go. When it does not (`icalendar` has rules of its own, such as a
typed CATEGORIES), the text is parsed again piece by piece: the calendar's own
properties, then each component inside it. A piece that still fails is left out
with a problem naming the line it starts on, and the rest is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import icalendar
from icalendar.timezone import tzp

from footcore.domain.problems import Problem
from footcore.domain.training_calendar import import_problem

_Numbered = Sequence[tuple[int, str]]

MAX_CACHED_ZONES = 64
"""`icalendar` keeps every VTIMEZONE it parses, by TZID, for the life of the process
(a dict that only grows): an upload with many made-up TZIDs would stay in memory for
good. Past this many, the cache is emptied (see `bound_zone_cache`)."""


def bound_zone_cache() -> None:
    """Empty `icalendar`'s zone cache once it holds more than `MAX_CACHED_ZONES`.

    `use_zoneinfo()` is icalendar's public way to start over with the provider
    footcore uses anyway; it replaces the cache with an empty one.
    """
    cached = getattr(tzp, "_TZP__tz_cache", None)
    if cached is not None and len(cached) > MAX_CACHED_ZONES:
        tzp.use_zoneinfo()


def parse_calendars(
    text: str, numbered: _Numbered, problems: list[Problem]
) -> list[icalendar.Component]:
    """The VCALENDARs of `text` (whose lines and their file lines are `numbered`)."""
    bound_zone_cache()
    try:
        found: list[icalendar.Component] = [*icalendar.Calendar.from_ical(text, multiple=True)]
        return found
    except Exception:  # noqa: S110 - icalendar raises many types; retried piece by piece
        pass
    calendars: list[icalendar.Component] = []
    for head, children in _split(numbered):
        calendar = _parse_head(head, problems)
        for child in children:
            try:
                part = icalendar.Calendar.from_ical(_wrap(child))
                calendar.subcomponents.extend(part.subcomponents)
            except Exception as exc:  # the same many types, one component at a time
                name = child[0][1].partition(":")[2]
                problems.append(
                    import_problem(
                        child[0][0], None, f"this {name} could not be read ({exc}); skipped"
                    )
                )
        calendars.append(calendar)
    return calendars


def _split(numbered: _Numbered) -> list[tuple[list[tuple[int, str]], list[list[tuple[int, str]]]]]:
    """Per VCALENDAR: its own property lines, and the lines of each component in it."""
    calendars: list[tuple[list[tuple[int, str]], list[list[tuple[int, str]]]]] = []
    depth = 0
    for number, line in numbered:
        upper = line.upper()
        if upper.startswith("BEGIN:"):
            depth += 1
            if depth == 1:
                calendars.append(([], []))
                continue
            if depth == 2:
                calendars[-1][1].append([])
        elif upper.startswith("END:"):
            depth -= 1
            if depth == 0:
                continue
        if not calendars:
            continue
        if depth == 1 and not upper.startswith("END:"):
            calendars[-1][0].append((number, line))
        else:
            calendars[-1][1][-1].append((number, line))
    return calendars


def _parse_head(head: list[tuple[int, str]], problems: list[Problem]) -> icalendar.Component:
    kept: list[tuple[int, str]] = []
    for number, line in head:
        try:
            icalendar.Calendar.from_ical(_wrap([(number, line)]))
        except Exception as exc:  # the same many types, one line at a time
            problems.append(import_problem(number, None, f"could not be read ({exc}); skipped"))
            continue
        kept.append((number, line))
    try:
        calendar: icalendar.Component = icalendar.Calendar.from_ical(_wrap(kept))
    except Exception as exc:  # lines that parse alone but not together
        problems.append(import_problem(head[0][0], None, f"the calendar's own lines ({exc})"))
        calendar = icalendar.Calendar()
    return calendar


def _wrap(lines: _Numbered) -> str:
    body = "".join(line + "\r\n" for _, line in lines)
    return "BEGIN:VCALENDAR\r\n" + body + "END:VCALENDAR\r\n"
