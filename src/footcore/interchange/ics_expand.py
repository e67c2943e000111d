"""Expand a calendar's events into occurrences, within budgets of time and count.

`recurring-ical-events` walks a repeat rule from its DTSTART, so an old start, a
sub-daily rule or an absurd event length costs work before the first occurrence
in range. The checks in `usable_event` refuse those before expanding; `Budget`
stops the expansion itself when it runs past its time or its count.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]  # ships no py.typed

from footcore.domain.problems import Invalid, Problem
from footcore.domain.profile import time_zone
from footcore.domain.training_calendar import import_problem
from footcore.interchange.ics_lines import unreadable
from footcore.interchange.ics_occurrence import broken_date_property, label_of, line_of, local_day

MAX_OCCURRENCES = 5_000
"""Entries read at most: four a day for three years; the rest is reported, not read."""
DEFAULT_BUDGET_S = 1.5
"""CPU seconds one calendar may cost before reading stops with an error."""
MAX_RULE_STEPS = 200_000
"""Occurrences a repeat rule may generate from its DTSTART to the end of the range
(the expansion walks them all, even those before the range)."""
SEARCHED = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))
"""Entries outside these days are never returned, whatever range is asked for."""
MAX_TIMES_A_DAY = 4
"""A repeat rule may place at most this many entries on one day (double runs fit)."""
_SUB_DAILY = frozenset({"SECONDLY", "MINUTELY", "HOURLY"})


@dataclass
class Budget:
    """CPU seconds of this thread (not wall time: on a busy server, neighbours would
    count) and occurrences left for one calendar."""

    deadline: float
    budget_s: float
    left: int = MAX_OCCURRENCES
    capped: bool = False

    def check(self) -> None:
        if time.thread_time() > self.deadline:
            raise unreadable(
                f"reading stopped after {self.budget_s:g} CPU seconds: the calendar is too "
                "large or its repeat rules too complex"
            )


def calendar_zone(calendar: icalendar.Component) -> ZoneInfo | None:
    name = str(calendar.get("X-WR-TIMEZONE", "")).strip()
    return time_zone(name) if name else None


def occurrences(
    calendar: icalendar.Component,
    start: dt.date,
    end: dt.date,
    problems: list[Problem],
    skipped: Mapping[int, tuple[int, str]],
    budget: Budget,
) -> Iterator[icalendar.Component]:
    """Occurrences of the calendar's usable events near [start, end]."""
    # A day of margin on each side: time zones move an occurrence across midnight.
    # The expansion itself overflows near year 1 and 9999; no training lives there.
    day = dt.timedelta(days=1)
    window = (max(start, SEARCHED[0]) - day, min(end, SEARCHED[1]) + 2 * day)
    usable = [
        e
        for e in calendar.subcomponents
        if e.name == "VEVENT" and usable_event(e, problems, skipped, window[1])
    ]
    try:
        yield from _expand(calendar, usable, window, budget)
        return
    except Invalid:  # out of budget: never retried
        raise
    except Exception:  # noqa: S110 - one bad series: retry series by series below
        pass
    by_uid: dict[str, list[icalendar.Component]] = {}
    for index, event in enumerate(usable):
        by_uid.setdefault(str(event.get("UID", f"no-uid-{index}")), []).append(event)
    for series in by_uid.values():
        try:
            found = _expand(calendar, series, window, budget)
        except Invalid:  # out of budget: never retried
            raise
        except Exception as exc:  # recurring_ical_events and dateutil raise many types
            problems.append(
                import_problem(
                    line=line_of(series[0]),
                    event=label_of(series[0]),
                    message=f"its dates or repeat rule could not be worked out ({exc}); skipped",
                )
            )
            continue
        yield from found


def _expand(
    calendar: icalendar.Component,
    events: list[icalendar.Component],
    window: tuple[dt.date, dt.date],
    budget: Budget,
) -> list[icalendar.Component]:
    """Occurrences in `window`, at most `budget.left` of them, checking the time as it goes."""
    part = icalendar.Calendar()
    if "CALSCALE" in calendar:
        part["CALSCALE"] = calendar["CALSCALE"]
    if calendar_zone(calendar) is not None:  # an unknown zone name would fail every series
        part["X-WR-TIMEZONE"] = calendar["X-WR-TIMEZONE"]
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            part.add_component(component)
    for event in events:
        part.add_component(event)
    with warnings.catch_warnings():
        # dateutil deprecates COUNT together with UNTIL, which `_end_rule_by` may add.
        warnings.simplefilter("ignore", DeprecationWarning)
        return _expand_part(part, window, budget)


@contextmanager
def _watched(budget: Budget) -> Iterator[None]:
    """Check the budget from inside the expansion, on every 512th function call.

    dateutil walks a rule that never matches (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`)
    to the year 9999 without returning, so a check between occurrences never runs.
    A profile hook of this thread only (`sys.setprofile`) sees its calls and raises
    `Invalid` inside the walk when the time is up. The hook triples the cost of
    what it watches, so it watches only the walk, never the copying of an occurrence.
    """
    calls = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        calls += 1
        if calls & 511 == 0:
            budget.check()

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield
    finally:
        sys.setprofile(previous)


def _expand_part(
    part: icalendar.Component, window: tuple[dt.date, dt.date], budget: Budget
) -> list[icalendar.Component]:
    with _watched(budget):
        query = recurring_ical_events.of(part)
        first, last = query.to_datetime(window[0]), query.to_datetime(window[1])
        series_list = list(query.series)
    found: list[icalendar.Component] = []
    left = budget.left
    for series in series_list:
        budget.check()
        with _watched(budget):
            walk = iter(series.between(first, last))
        while left > 0:
            with _watched(budget):
                occurrence = next(walk, None)
            if occurrence is None:
                break
            found.append(occurrence.as_component(False))
            left -= 1
            if left % 256 == 0:
                budget.check()
        else:
            with _watched(budget):
                if next(walk, None) is not None:
                    budget.capped = True
    budget.left = left
    return found


def usable_event(
    event: icalendar.Component,
    problems: list[Problem],
    skipped: Mapping[int, tuple[int, str]],
    until: dt.date,
) -> bool:
    """Whether an event can be placed in time; repairs what it safely can."""

    def skip(message: str, line: int | None = None) -> bool:
        problems.append(import_problem(line or line_of(event), label_of(event), message))
        return False

    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return False
    fault = skipped.get(line_of(event) or 0)
    if fault is not None:
        return skip(f"{fault[1]}; skipped", fault[0])
    broken = {name.upper(): message for name, message in event.errors if name}
    for name in ("DTSTART", "RRULE", "RECURRENCE-ID"):
        if name in broken:
            return skip(f"its {name} could not be read ({broken[name]}); skipped")
    if broken_date_property(event.get("DTSTART")):
        return skip("it has no start date (DTSTART); skipped")
    rules = _as_list(event.get("RRULE"))
    if any(_times_a_day(rule) > MAX_TIMES_A_DAY for rule in rules):
        return skip("it repeats more often than any training entry would; skipped")
    first = local_day(event.get("DTSTART"), None)
    if rules and first is not None:
        if first < SEARCHED[0]:
            return skip(f"it repeats from {first.year}, before {SEARCHED[0].year}; skipped")
        if first > until:
            return False  # starts after the range: nothing to read, nothing wrong
        steps = (until - first).days * max(_times_a_day(rule) for rule in rules)
        if steps > MAX_RULE_STEPS:
            return skip("it repeats too often for too long to be read; skipped")
    start_value = getattr(event.get("DTSTART"), "dt", None)
    for name in ("RRULE", "EXRULE"):
        for rule in _as_list(event.get(name)):
            _end_rule_by(rule, start_value, until)
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


def _end_rule_by(rule: object, start: object, until: dt.date) -> None:
    """Make a repeat rule end by `until` at the latest.

    dateutil walks a rule period by period until it matches; a rule that never
    matches (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) is walked to the year 9999, for
    many seconds. Nothing after the range is read, so ending the rule there
    changes no occurrence that is.
    """
    if not isinstance(rule, icalendar.vRecur):
        return
    bound: dt.date
    if isinstance(start, dt.datetime):
        bound = dt.datetime.combine(until, dt.time(), tzinfo=dt.UTC if start.tzinfo else None)
    else:
        bound = until
    for old in rule.get("UNTIL", []):
        day = old.date() if isinstance(old, dt.datetime) else old
        if isinstance(day, dt.date) and day <= until:
            return
    rule["UNTIL"] = [bound]


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
