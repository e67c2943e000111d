"""The plan's weeks: Monday to Sunday, week one from the plan's first day, and which kind
each week is (a build week, every fourth one lighter, a race week before a race)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from footcore.domain.plan import WeekKind
from footcore.domain.profile import Profile

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class WeekSpan:
    index: int
    """1-based."""
    start: dt.date
    """The Monday, or the plan's first day in week one."""
    end: dt.date
    """The Sunday."""

    def days(self) -> tuple[dt.date, ...]:
        return _days(self.start, self.end)


@lru_cache(maxsize=4096)
def _days(start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """The dates from `start` to `end`: the planner asks for every week's several times."""
    return tuple(start + i * ONE_DAY for i in range((end - start).days + 1))


def week_spans(profile: Profile) -> tuple[WeekSpan, ...]:
    """The plan's Monday-to-Sunday weeks; week one starts on `profile.start`."""
    return _spans(profile.start, profile.weeks)


@lru_cache(maxsize=1024)
def _spans(start: dt.date, weeks: int) -> tuple[WeekSpan, ...]:
    """Every plan of this start and length has these weeks (frozen values, shared)."""
    first_monday = start - start.weekday() * ONE_DAY
    spans = []
    for i in range(weeks):
        monday = first_monday + dt.timedelta(days=7 * i)
        spans.append(WeekSpan(i + 1, max(monday, start), monday + 6 * ONE_DAY))
    return tuple(spans)


LIGHTER_EVERY = 4
"""footcore-design: every fourth week is lighter, so the body absorbs the work."""


TAPER_DAYS = 7
"""footcore's choice: the 7 days before a race hold only short, easy sessions."""


def taper_race(day: dt.date, profile: Profile) -> dt.date | None:
    """The race `day` tapers for (1-7 days before it), or None."""
    return next((r for r in profile.races if 0 < (r - day).days <= TAPER_DAYS), None)


@lru_cache(maxsize=1024)
def _taper_days(races: tuple[dt.date, ...]) -> frozenset[dt.date]:
    """Every day `taper_race` names a race for."""
    return frozenset(race - k * ONE_DAY for race in races for k in range(1, TAPER_DAYS + 1))


def week_kind(
    span: WeekSpan, profile: Profile, strength_days: Sequence[dt.date] | None = None
) -> WeekKind:
    """RACE when a strength day of the week falls in the 7 days before a race (without
    `strength_days`: when any day of the week does), LIGHTER every fourth week, else BUILD."""
    days = span.days() if strength_days is None else strength_days
    if profile.races:
        taper = _taper_days(profile.races)
        if any(day in taper for day in days):
            return WeekKind.RACE
    if span.index % LIGHTER_EVERY == 0:
        return WeekKind.LIGHTER
    return WeekKind.BUILD
