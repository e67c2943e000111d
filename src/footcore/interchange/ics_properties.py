"""Checks of one iCalendar property line, made before `icalendar` sees the file.

`ics_lines` calls these for every content line inside a component, so a bad value
is reported with the line it is on and dropped, instead of failing the whole file
(`icalendar` is lenient inside VEVENT only: `TZOFFSETFROM:+5328` in a VTIMEZONE or
`TRIGGER:PT-2H` in a VALARM rejects everything) or turning into an unreadable
`vBroken` with no line. Values are parsed with `icalendar`'s own value types, so a
line passes here exactly when `icalendar` could read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import icalendar
from icalendar.parser import Parameters

MAX_SPAN_DAYS = 366
"""footcore-design: no training entry lasts a year. A DTEND far from DTSTART (one
file had it 1000 years before) makes the expansion walk every day in between."""

SINGLE_IN_EVENT = frozenset(
    {
        "DTSTAMP",
        "UID",
        "DTSTART",
        "DTEND",
        "DURATION",
        "RECURRENCE-ID",
        "RRULE",
        "SUMMARY",
        "DESCRIPTION",
        "STATUS",
        "CLASS",
        "CREATED",
        "LAST-MODIFIED",
        "LOCATION",
        "ORGANIZER",
        "PRIORITY",
        "SEQUENCE",
        "TRANSP",
        "URL",
        "GEO",
    }
)
"""Properties RFC 5545 allows once in a VEVENT (RRULE: "SHOULD NOT" repeat). A
second DTSTART used to reach the expansion as a list ("'list' object has no
attribute 'dt'") and lose the event."""

FATAL_IN_EVENT = frozenset({"DTSTART", "RRULE", "RECURRENCE-ID"})
"""Without a readable one of these, an event cannot be placed in time."""

_UNCHECKED = frozenset({"CATEGORIES", "FREEBUSY", "BEGIN", "END"})
_TEXT_ONLY = frozenset({"CATEGORIES"})
"""Parsed by `icalendar` with special rules; their text is never fatal."""


@dataclass(frozen=True, slots=True)
class Checked:
    """A property line that parsed, with the value `icalendar` made of it."""

    name: str
    value: object


def check_property(name: str, params: Parameters, raw: str) -> Checked | str:
    """The parsed value of the property line, or why it cannot be used.

    `name` is upper case. Time zones (TZID) are not resolved here: a file's own
    VTIMEZONE is only known once the whole file is read.
    """
    if name in _TEXT_ONLY and params.value not in (None, "TEXT"):
        return f"its {name} has VALUE={params.value}; it is text"
    if name in _UNCHECKED or name.startswith("X-"):
        return Checked(name, None)
    factory: Any = icalendar.Component.types_factory.for_property(name, params.value)
    try:
        value = factory.from_ical(raw)
    except Exception as exc:  # icalendar raises ValueError, TypeError and its own errors
        return f"its {name} could not be read ({_short(exc)})"
    if name in ("RRULE", "EXRULE"):
        problem = _rule_problem(name, value)
        if problem:
            return problem
    return Checked(name, value)


def span_problem(start: object, end: object, duration: object) -> str | None:
    """Why an event's length is absurd (see `MAX_SPAN_DAYS`), or None."""
    begin = _day(start)
    if begin is None:
        return None
    if isinstance(duration, dt.timedelta):
        days = duration.total_seconds() / 86_400
        name = "DURATION"
    else:
        finish = _day(end)
        if finish is None:
            return None
        days = (finish - begin).days
        name = "DTEND"
    if abs(days) > MAX_SPAN_DAYS:
        side = "before" if days < 0 else "after"
        return f"its {name} is {abs(round(days))} days {side} its start, not a training entry"
    return None


def _rule_problem(name: str, rule: object) -> str | None:
    if not isinstance(rule, icalendar.vRecur):
        return None
    if not rule.get("FREQ"):
        return f"its {name} has no FREQ"
    for part, least in (("INTERVAL", 1), ("COUNT", 0)):
        for value in rule.get(part, []):
            if not isinstance(value, int) or value < least:
                return f"its {name} has {part}={value}; it must be at least {least}"
    return None


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."
