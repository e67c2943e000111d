"""Which days of a runner's week hold the foot-strength sessions and the warm-ups.

Hard rules: never on a race day, in the two days before a race, the day after a race
or the day before the long run, never before the plan starts, and never two strength
days in a row (also across the end of a week). Soft rules, in order: avoid demanding
days (a hard workout, the long run), then spread the sessions as evenly as the week
allows. All of it is footcore-design, built on seed-000's "2 to 3 times a week" and
the return-to-run rule of at least a day between loads (evidence.md §3.4).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from footcore.domain.plan_weeks import ONE_DAY as ONE_DAY
from footcore.domain.plan_weeks import WeekSpan as WeekSpan
from footcore.domain.plan_weeks import week_kind as week_kind
from footcore.domain.plan_weeks import week_spans as week_spans
from footcore.domain.profile import Profile

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""English day names by `date.weekday()`: footcore's text is English whatever the
process locale (and a table is cheaper than `strftime`, asked hundreds of times a plan)."""


def day_name(day: dt.date) -> str:
    return DAY_NAMES[day.weekday()]


def short_date(day: dt.date) -> str:
    return f"{DAY_NAMES[day.weekday()][:3]} {day.isoformat()}"


class RunningWeek:
    """Answers questions about single days of a runner's calendar."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        # Plain sets of weekday numbers and dates: the planner asks these for every
        # day of every week, so they must be cheap.
        self._runs = frozenset(d.number for d in profile.run_days)
        self._hard = frozenset(d.number for d in profile.hard_days)
        self._long = None if profile.long_run_day is None else profile.long_run_day.number
        self._races = frozenset(profile.races)
        self.run_weekdays = self._runs
        self.races = self._races
        self._warm_up_reasons: dict[tuple[int, bool], str] = {}
        # The days a race blocks (itself, the two before, the one after) and the weekday
        # before the long run, for `day_shape`.
        self._near_race = frozenset(r + k * ONE_DAY for r in profile.races for k in (-2, -1, 0, 1))
        self._after_race = frozenset(r + ONE_DAY for r in profile.races)
        self._before_long = None if self._long is None else (self._long - 1) % 7
        cost = [0] * 7
        for number in range(7):
            cost[number] = 2 if number in self._hard else 1 if number == self._long else 0
        self._weekday_cost = tuple(cost)
        self._week_shape = tuple(
            -1 if number == self._before_long else cost[number] for number in range(7)
        )
        """`day_shape` of Monday to Sunday in a week no race comes near."""
        self._race_marks = tuple(sorted(self._near_race | self._after_race))
        self._race_days = tuple(sorted(self._races))
        self._run_offsets = tuple(sorted(self._runs))
        """The run days' offsets from Monday."""

    def week_shape(self, days: Sequence[dt.date]) -> tuple[int, ...]:
        """`day_shape` of each of `days`, consecutive days of one Monday-to-Sunday week."""
        if _whole_week(days) and not _any_within(self._race_marks, days[0], days[-1]):
            return self._week_shape
        return tuple(map(self.day_shape, days))

    def warm_up_days(self, days: Sequence[dt.date]) -> tuple[dt.date, ...]:
        """The run days and race days of `days`, consecutive days of one week."""
        if _whole_week(days) and not _any_within(self._race_days, days[0], days[-1]):
            return tuple([days[i] for i in self._run_offsets])
        runs, races = self._runs, self._races
        return tuple(d for d in days if d.weekday() in runs or d in races)

    def is_race(self, day: dt.date) -> bool:
        return day in self._races

    def is_run_day(self, day: dt.date) -> bool:
        return day.weekday() in self._runs

    def is_long_run(self, day: dt.date) -> bool:
        return day.weekday() == self._long

    def is_hard(self, day: dt.date) -> bool:
        return day.weekday() in self._hard

    def blocked_because(self, day: dt.date) -> str | None:
        """Why a strength session may not fall on `day`, or None when it may."""
        if self.is_race(day):
            return "race day"
        if self.is_race(day + ONE_DAY):
            return "the day before a race"
        if self.is_race(day + 2 * ONE_DAY):
            return "two days before a race"
        if self.is_race(day - ONE_DAY):
            return "the day after a race"
        if self.is_long_run(day + ONE_DAY):
            return "the day before your long run"
        return None

    def is_blocked(self, day: dt.date) -> bool:
        """`blocked_because(day) is not None`, without the words."""
        return day in self._near_race or day.weekday() == self._before_long

    def demanding_because(self, day: dt.date) -> str | None:
        """Why `day` is better avoided (but allowed), or None for an easy day."""
        if self.is_race(day - ONE_DAY):
            return "the day after your race"
        if self.is_long_run(day):
            return "your long-run day"
        if self.is_hard(day):
            return "a hard-workout day"
        return None

    def demand_cost(self, day: dt.date) -> int:
        """How strongly to avoid `day`: a hard workout or the day after a race weighs
        more than the long-run day, whose effort is steady (footcore-design)."""
        if self.is_race(day - ONE_DAY) or self.is_hard(day):
            return 2
        return 1 if self.is_long_run(day) else 0

    def day_shape(self, day: dt.date) -> int:
        """-1 when `blocked_because(day)` names a reason, else `demand_cost(day)`: what
        the choice of strength days needs of a day, asked of every day of a plan."""
        weekday = day.weekday()
        if day in self._near_race or weekday == self._before_long:
            return -1
        return 2 if day in self._after_race else self._weekday_cost[weekday]

    def describe(self, day: dt.date) -> str:
        """What kind of day this is for a strength session, in a few words."""
        demanding = self.demanding_because(day)
        if demanding is not None:
            return f"{demanding} (no easier day fit), so do it after the run"
        if self.is_run_day(day):
            return "an easy run day, so do it after the run"
        return "a day off running"

    def warm_up_reason(self, day: dt.date) -> str:
        # Only the weekday and a race make a difference: each text is written once.
        key = (day.weekday(), self.is_race(day))
        found = self._warm_up_reasons.get(key)
        if found is None:
            found = self._warm_up_reasons[key] = self._warm_up_text(day)
        return found

    def _warm_up_text(self, day: dt.date) -> str:
        if self.is_race(day):
            what = "your race"
        elif self.is_long_run(day):
            what = "your long run"
        elif self.is_hard(day):
            what = "your hard workout"
        else:
            what = "your run"
        return (
            f"{day_name(day)}: a short warm-up before {what}: toe yoga, the short foot and "
            "the big-toe tap (seed 004 names them; the length is footcore's choice)"
        )


@dataclass(frozen=True, slots=True)
class DayChoice:
    days: tuple[dt.date, ...]
    shortfall: str | None
    """Why fewer sessions than asked fit this week, or None."""


def choose_strength_days(
    calendar: RunningWeek, span: WeekSpan, wanted: int, previous: dt.date | None
) -> DayChoice:
    """Pick up to `wanted` strength days in `span` (see the module rules).

    `previous` is the last strength day before this week, so no session lands the
    day after it. Among the allowed sets of days the one with the fewest demanding
    days wins, then the largest smallest gap, then the most even gaps (counting the
    gap from `previous`, and the gap into next week as if it repeated this one),
    then the earliest dates.
    """
    days = span.days()
    # The choice depends only on which days are allowed, what each costs and the gap
    # from `previous`: most weeks of a plan look alike, so each shape is solved once.
    shape = calendar.week_shape(days)
    gap = None if previous is None else (days[0] - previous).days
    offsets = _best_offsets(shape, wanted, gap)
    chosen = tuple(days[i] for i in offsets)
    if len(chosen) == wanted:
        return DayChoice(chosen, None)
    return DayChoice(chosen, _shortfall(calendar, span, len(chosen), wanted) if wanted else None)


@lru_cache(maxsize=1024)
def _best_offsets(shape: tuple[int, ...], wanted: int, gap: int | None) -> tuple[int, ...]:
    """The offsets (days after the week's first) of the best strength days: `shape`
    gives each day's demand cost, or -1 when it is blocked; `gap` is the days from the
    previous strength day to the week's first day."""
    allowed = [i for i, cost in enumerate(shape) if cost >= 0 and (gap is None or i + gap >= 2)]
    for count in range(wanted, 0, -1):
        best = _best_combination(shape, allowed, count, gap)
        if best is not None:
            return best
    return ()


def _best_combination(
    shape: tuple[int, ...], allowed: Sequence[int], count: int, gap: int | None
) -> tuple[int, ...] | None:
    best: tuple[int, ...] | None = None
    best_key: tuple[int, int, int, tuple[int, ...]] | None = None
    for combo in itertools.combinations(allowed, count):
        inner = [b - a for a, b in itertools.pairwise(combo)]
        if any(g < 2 for g in inner):
            continue
        gaps = [*inner, combo[0] - combo[-1] + 7]
        if gap is not None:
            gaps.append(combo[0] + gap)
        demanding = sum(shape[i] for i in combo)
        key = (demanding, -min(gaps), sum(g * g for g in gaps), combo)
        if best_key is None or key < best_key:
            best, best_key = combo, key
    return best


def _shortfall(calendar: RunningWeek, span: WeekSpan, count: int, wanted: int) -> str:
    causes = [
        f"{short_date(d)} is {why}"
        for d in span.days()
        if (why := calendar.blocked_because(d)) is not None
    ]
    if span.start.weekday() != 0:
        causes.insert(0, f"the plan starts on {short_date(span.start)}")
    causes.append("strength days are never back to back")
    return (
        f"Week {span.index} ({span.start.isoformat()}): room for {count} of {wanted} "
        f"strength sessions: {'; '.join(causes)}."
    )


def warm_up_days(calendar: RunningWeek, span: WeekSpan) -> tuple[dt.date, ...]:
    """Run days and race days in `span`: each gets the short activation warm-up."""
    return calendar.warm_up_days(span.days())


def _whole_week(days: Sequence[dt.date]) -> bool:
    """Seven days from a Monday (the planner's weeks are consecutive days)."""
    return len(days) == 7 and days[0].weekday() == 0


def _any_within(marks: Sequence[dt.date], first: dt.date, last: dt.date) -> bool:
    """Whether any of the sorted `marks` falls from `first` to `last`."""
    i = bisect.bisect_left(marks, first)
    return i < len(marks) and marks[i] <= last
