"""Small readers for one VEVENT (or one expanded occurrence of it) from `icalendar`.

`icalendar` hands back property objects whose type depends on how well the source
file was written (a list when a property repeats, `vBroken` when it could not be
parsed). These helpers turn them into plain values or None, never raising.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from footcore.interchange.ics_lines import LINE_PROPERTY

_LABEL_MAX = 60


def line_of(component: icalendar.Component) -> int | None:
    """The line of the source file where the event starts (see `ics_lines`)."""
    value = str(component.get(LINE_PROPERTY, "")).strip()
    return int(value) if value.isdigit() else None


def label_of(component: icalendar.Component) -> str | None:
    """A short name for the event in problem reports: its title, else its UID."""
    for name in ("SUMMARY", "UID"):
        text = " ".join(str(component.get(name, "")).split())
        if text:
            return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 3] + "..."
    return None


def categories_of(component: icalendar.Component) -> tuple[str, ...]:
    """CATEGORIES as plain strings, however many CATEGORIES lines there were."""
    raw = component.get("CATEGORIES")
    values = raw if isinstance(raw, list) else [raw] if raw is not None else []
    found: list[str] = []
    for value in values:
        cats = getattr(value, "cats", None)
        if isinstance(cats, list | tuple):
            found.extend(str(c) for c in cats)
        elif value is not None:
            found.append(str(value))
    return tuple(found)


def broken_date_property(value: object) -> bool:
    """True when a DTSTART-like value is missing or holds no date."""
    return _date_value(value) is None


def local_day(value: object, zone: ZoneInfo | None) -> dt.date | None:
    """The calendar day of a DTSTART value, in `zone` when the value has a time zone.

    Floating times (no zone) and all-day dates are the runner's own day already.
    """
    moment = _date_value(value)
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None and zone is not None:
            moment = moment.astimezone(zone)
        return moment.date()
    return moment


def _date_value(value: object) -> dt.date | None:
    if isinstance(value, list):
        value = value[0] if value else None
    moment = getattr(value, "dt", None)
    return moment if isinstance(moment, dt.date) else None
