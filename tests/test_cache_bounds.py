"""Every cache in footcore is bounded, so a long-running server levels off in memory.

A soak once grew a worker from 127 to 144 MB in 10 minutes: caches keyed by what
users send (search text, chart data) kept every entry. This finds every
`functools` cache in every footcore module and checks it has a size limit, unless
its function takes no arguments (one entry, ever).
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil

from icalendar.timezone import tzp

import footcore
from footcore.interchange.ics_import import read_calendar_entries
from footcore.interchange.ics_parse import MAX_CACHED_ZONES


def _caches() -> list[tuple[str, object]]:
    found = []
    for info in pkgutil.walk_packages(footcore.__path__, "footcore."):
        if ".migrations" in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            cached = callable(value) and hasattr(value, "cache_parameters")
            if cached and getattr(value, "__module__", "") == info.name:
                found.append((f"{info.name}.{name}", value))
    return found


def test_every_cache_that_takes_arguments_has_a_size_limit() -> None:
    caches = _caches()
    assert len(caches) >= 5  # the library, the charts, the profile parser, ...
    unbounded = [
        name
        for name, fn in caches
        if fn.cache_parameters()["maxsize"] is None  # type: ignore[attr-defined]
        and inspect.signature(fn.__wrapped__).parameters  # type: ignore[attr-defined]
    ]
    assert unbounded == []


def test_icalendars_zone_cache_stays_bounded_across_uploads() -> None:
    for i in range(MAX_CACHED_ZONES * 3):
        data = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\n"
            f"TZID:Made/Up_{i}\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
            "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            "END:VCALENDAR\r\n"
        ).encode()
        read_calendar_entries(data, start=dt.date(2024, 1, 1), end=dt.date(2024, 2, 1))
    assert len(tzp._TZP__tz_cache) <= MAX_CACHED_ZONES + 1  # type: ignore[attr-defined]
