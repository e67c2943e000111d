"""Progress views computed from what was planned and what was logged: the adherence
calendar, streaks, weekly minutes, the pain trend and the assessment trends per side.

Inputs are small structural records, so any store (the web app, a JSON backup, the CLI)
can feed them. Everything is pure; `today` is an argument.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from footcore.domain.assessments import AssessmentResult, Grade, TestKind, headline
from footcore.domain.plan import SessionKind
from footcore.domain.vocab import Side

_KIND_ORDER = {kind: index for index, kind in enumerate(SessionKind)}


@dataclass(frozen=True, slots=True)
class PlannedSlot:
    """One planned session: a day and the kind of session (at most one of each per day)."""

    date: dt.date
    kind: SessionKind = SessionKind.STRENGTH


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """What the progress views need from one session log."""

    date: dt.date
    done_fraction: float
    """Share of the session's planned work done, 0.0 (skipped) to 1.0 (all of it)."""
    minutes: float
    pain_0_10: int | None = None
    """Worst pain during or right after the session; None when not asked."""
    kind: SessionKind = SessionKind.STRENGTH

    def __post_init__(self) -> None:
        if math.isnan(self.done_fraction) or not 0.0 <= self.done_fraction <= 1.0:
            raise ValueError(f"done_fraction must be 0.0-1.0, got {self.done_fraction}")
        if math.isnan(self.minutes) or not 0.0 <= self.minutes <= 24 * 60:
            raise ValueError(f"minutes must be 0-1440, got {self.minutes}")
        if self.pain_0_10 is not None and not 0 <= self.pain_0_10 <= 10:
            raise ValueError(f"pain_0_10 must be 0-10, got {self.pain_0_10}")


class Adherence(StrEnum):
    DONE = "done"
    PARTLY_DONE = "partly-done"
    MISSED = "missed"
    PLANNED = "planned"
    """Still ahead: a future day, or today before anything is logged."""
    EXTRA = "extra"
    """Logged on a day (or of a kind) that was not planned."""


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    date: dt.date
    kind: SessionKind
    status: Adherence
    done_fraction: float | None


@dataclass(frozen=True, slots=True)
class CalendarDay:
    date: dt.date
    status: Adherence
    """DONE, MISSED, PLANNED or EXTRA when every entry agrees, else PARTLY_DONE."""
    entries: tuple[CalendarEntry, ...]


def adherence_calendar(
    planned: Iterable[PlannedSlot], records: Iterable[SessionRecord], *, today: dt.date
) -> tuple[CalendarEntry, ...]:
    """One entry per planned session, plus unplanned sessions that were done, by date.

    A planned session is done when its log says all of it was done, partly done when
    some was, and missed when its log says none was or when its day has passed with no
    log. Today's unlogged sessions are still planned. Two logs for the same day and kind
    (a session restarted) count as the better one.
    """
    best: dict[tuple[dt.date, SessionKind], float] = {}
    for record in records:
        key = (record.date, record.kind)
        best[key] = max(best.get(key, 0.0), record.done_fraction)
    planned_keys = {(slot.date, slot.kind) for slot in planned}
    entries = [_planned_entry(key, best.get(key), today) for key in planned_keys]
    entries.extend(
        CalendarEntry(key[0], key[1], Adherence.EXTRA, fraction)
        for key, fraction in best.items()
        if key not in planned_keys and fraction > 0
    )
    return tuple(sorted(entries, key=lambda e: (e.date, _KIND_ORDER[e.kind])))


def _planned_entry(
    key: tuple[dt.date, SessionKind], fraction: float | None, today: dt.date
) -> CalendarEntry:
    day, kind = key
    if fraction is None:
        status = Adherence.MISSED if day < today else Adherence.PLANNED
    elif fraction >= 1.0:
        status = Adherence.DONE
    elif fraction > 0:
        status = Adherence.PARTLY_DONE
    else:
        status = Adherence.MISSED
    return CalendarEntry(day, kind, status, fraction)


def calendar_days(entries: Iterable[CalendarEntry]) -> tuple[CalendarDay, ...]:
    """The calendar folded to one cell per day, for the adherence chart."""
    by_day: dict[dt.date, list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.date].append(entry)
    days = []
    for day in sorted(by_day):
        group = by_day[day]
        if len(group) == 1:  # most days: one session
            status = group[0].status
        else:
            statuses = {entry.status for entry in group}
            status = statuses.pop() if len(statuses) == 1 else Adherence.PARTLY_DONE
        days.append(CalendarDay(day, status, tuple(group)))
    return tuple(days)


@dataclass(frozen=True, slots=True)
class Streaks:
    current: int
    """Planned sessions done in a row up to the latest one that is due."""
    longest: int


def streaks(
    entries: Iterable[CalendarEntry], *, kinds: Sequence[SessionKind] | None = None
) -> Streaks:
    """Runs of consecutive planned sessions done in full, optionally of some kinds only.

    Sessions still ahead neither extend nor break a run; unplanned extras are ignored;
    a partly done or missed session ends the run.
    """
    run = longest = 0
    for entry in entries:
        if kinds is not None and entry.kind not in kinds:
            continue
        if entry.status in (Adherence.PLANNED, Adherence.EXTRA):
            continue
        run = run + 1 if entry.status is Adherence.DONE else 0
        longest = max(longest, run)
    return Streaks(current=run, longest=longest)


def adherence_percent(entries: Iterable[CalendarEntry]) -> float | None:
    """Share of the planned sessions that are due which were done in full, 0-100; None
    when none is due yet."""
    due = [e for e in entries if e.status not in (Adherence.PLANNED, Adherence.EXTRA)]
    if not due:
        return None
    return 100 * sum(e.status is Adherence.DONE for e in due) / len(due)


_DAYS_BACK = tuple(dt.timedelta(days=n) for n in range(7))
_WEEK = dt.timedelta(weeks=1)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week holding `day`."""
    return day - _DAYS_BACK[day.weekday()]


@dataclass(frozen=True, slots=True)
class WeekMinutes:
    week_start: dt.date
    minutes: float


def weekly_minutes(
    records: Iterable[SessionRecord],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[WeekMinutes, ...]:
    """Minutes logged per Monday-to-Sunday week, every week from `start` (default: the
    first log) to `end` (default: the last log), with 0 for weeks without a log."""
    return minutes_per_week(by_week(records), start=start, end=end)


class WeekLogs:
    """One week's logs folded: the minutes (added in the logs' order) and the pain
    answers. `by_week` makes them in one pass for both `weekly_minutes` and `pain_trend`."""

    __slots__ = ("minutes", "pains")

    def __init__(self) -> None:
        self.minutes = 0.0
        self.pains: list[int] = []


def by_week(records: Iterable[SessionRecord]) -> dict[dt.date, WeekLogs]:
    """The records folded per Monday, in one pass."""
    weeks: dict[dt.date, WeekLogs] = {}
    for record in records:
        monday = week_start(record.date)
        week = weeks.get(monday)
        if week is None:
            week = weeks[monday] = WeekLogs()
        week.minutes += record.minutes
        if record.pain_0_10 is not None:
            week.pains.append(record.pain_0_10)
    return weeks


def minutes_per_week(
    weeks: dict[dt.date, WeekLogs], *, start: dt.date | None, end: dt.date | None
) -> tuple[WeekMinutes, ...]:
    """`weekly_minutes` from the records already folded by `by_week`."""
    if start is None and not weeks:
        return ()
    first = week_start(start) if start is not None else min(weeks)
    last = week_start(end) if end is not None else max(weeks, default=first)
    out = []
    monday = first
    while monday <= last:
        week = weeks.get(monday)
        out.append(WeekMinutes(monday, 0.0 if week is None else week.minutes))
        monday += _WEEK
    return tuple(out)


@dataclass(frozen=True, slots=True)
class WeekPain:
    week_start: dt.date
    max_0_10: int
    mean_0_10: float
    sessions: int
    """Logs that week with a pain answer."""


def pain_trend(records: Iterable[SessionRecord]) -> tuple[WeekPain, ...]:
    """Worst and mean session pain per week, for weeks with at least one pain answer."""
    return pain_per_week(by_week(records))


def pain_per_week(weeks: dict[dt.date, WeekLogs]) -> tuple[WeekPain, ...]:
    """`pain_trend` from the records already folded by `by_week`."""
    # `sum / len` is `fmean` for whole numbers (both exact, then one rounding), without
    # its checks: a window holds a dozen weeks.
    return tuple(
        WeekPain(monday, max(week.pains), sum(week.pains) / len(week.pains), len(week.pains))
        for monday, week in sorted(weeks.items())
        if week.pains
    )


@dataclass(frozen=True, slots=True)
class TrendPoint:
    date: dt.date
    value: float | Grade
    """The headline value: the best trial for timed tests."""


def assessment_trends(
    results: Iterable[AssessmentResult],
) -> dict[tuple[TestKind, Side | None], tuple[TrendPoint, ...]]:
    """Each test's results over time, one series per test and side, oldest first."""
    series: dict[tuple[TestKind, Side | None], list[AssessmentResult]] = defaultdict(list)
    for result in results:
        series[(result.kind, result.side)].append(result)
    return {
        key: tuple(TrendPoint(r.date, headline(r.value)) for r in sorted(rs, key=lambda r: r.date))
        for key, rs in series.items()
    }
