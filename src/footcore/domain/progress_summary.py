"""Everything the progress page, the PDF report and `footcore progress` show, in one value.

`summarize` folds planned sessions, session records and self-test results into a
`ProgressSummary` over a window of whole Monday-to-Sunday weeks ending with the current
week: the adherence calendar, streaks, weekly minutes, the weekly pain trend, and per
test the trend of each side, the latest result against its published reference
(`norms.compare`), the change since the previous test (`differences.change`) and the
latest side-to-side gap (`differences.asymmetry`). Pure: `today` is an argument.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from footcore.domain.assessments import (
    DEFINITIONS,
    AssessmentResult,
    Grade,
    TestKind,
    Unit,
    headline,
)
from footcore.domain.differences import Asymmetry, Change, asymmetry
from footcore.domain.latest import Latest, by_date, latest_results
from footcore.domain.norms import Interpretation, Reference, compare
from footcore.domain.progress import (
    Adherence,
    CalendarDay,
    CalendarEntry,
    PlannedSlot,
    SessionRecord,
    Streaks,
    TrendPoint,
    WeekMinutes,
    WeekPain,
    adherence_calendar,
    adherence_percent,
    assessment_trends,
    by_week,
    calendar_days,
    minutes_per_week,
    pain_per_week,
    streaks,
    week_start,
)
from footcore.domain.vocab import Sex, Side

WINDOW_WEEKS = 12
"""How far back the summary looks: about three retest cycles of four weeks."""
TREND_POINTS = 12
"""footcore's choice: a self-test trend shows the last 12 results of each test and side
(about a year of retests every 4 weeks), so the picture, and what is read to draw it,
stays the same size however long the history grows."""

_TEST_ORDER = {kind: index for index, kind in enumerate(TestKind)}
_WEEK = tuple(dt.timedelta(days=n) for n in range(7))
_WEEK_STEP = dt.timedelta(weeks=1)
_SIDE_ORDER = {None: 0, Side.LEFT: 1, Side.RIGHT: 2}


@dataclass(frozen=True, slots=True)
class LatestResult:
    side: Side | None
    date: dt.date
    value: float | Grade
    """The headline value (best trial for timed tests)."""
    interpretation: Interpretation
    change: Change | None
    """Against the previous result of the same test and side; None for a first test."""


@dataclass(frozen=True, slots=True)
class TestTrend:
    __test__ = False  # not a pytest test class, despite the name

    kind: TestKind
    name: str
    unit: Unit
    series: tuple[tuple[Side | None, tuple[TrendPoint, ...]], ...]
    """One series per side (left before right), oldest point first."""
    latest: tuple[LatestResult, ...]
    reference: Reference | None
    """The published value the latest result is compared with, if there is one."""
    asymmetry: Asymmetry | None
    """Left against right on the latest day both sides were tested."""


@dataclass(frozen=True, slots=True)
class GridDay:
    date: dt.date
    status: Adherence | None
    """None for a rest day (nothing planned, nothing logged)."""
    is_today: bool
    done_fraction: float | None = None
    """For a day of unplanned sessions only: the largest share of one done."""


@dataclass(frozen=True, slots=True)
class Tally:
    """The session counts every view shows (page, PDF report, CLI), made once.

    Every logged session counts once, by the share of it done: in full (`done`),
    partly (`partly`), or, for a planned one whose day passed with nothing done,
    `missed`. Sessions logged on a day or of a kind that was not planned count the
    same way and are also counted in `unplanned`; `ahead` is what is still to come.
    """

    done: int
    partly: int
    missed: int
    ahead: int
    unplanned: int
    logged: int
    """Sessions with a log in the window (whatever was done)."""
    minutes: float


def tally(calendar: Sequence[CalendarEntry], minutes: Sequence[WeekMinutes]) -> Tally:
    """Fold the calendar (and the weekly minutes) into the one set of counts."""
    done = partly = missed = ahead = unplanned = logged = 0
    for entry in calendar:
        status = entry.status
        if entry.done_fraction is not None:
            logged += 1
        if status is Adherence.EXTRA:
            unplanned += 1
            fraction = entry.done_fraction or 0.0
            status = Adherence.DONE if fraction >= 1.0 else Adherence.PARTLY_DONE
        if status is Adherence.DONE:
            done += 1
        elif status is Adherence.PARTLY_DONE:
            partly += 1
        elif status is Adherence.MISSED:
            missed += 1
        else:
            ahead += 1
    return Tally(done, partly, missed, ahead, unplanned, logged, sum(w.minutes for w in minutes))


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    today: dt.date
    start: dt.date
    """The Monday the window starts."""
    end: dt.date
    """The Sunday of the current week."""
    calendar: tuple[CalendarEntry, ...]
    days: tuple[CalendarDay, ...]
    streaks: Streaks
    adherence_percent: float | None
    weekly_minutes: tuple[WeekMinutes, ...]
    pain: tuple[WeekPain, ...]
    tests: tuple[TestTrend, ...]
    tally: Tally

    @property
    def is_empty(self) -> bool:
        """Nothing planned, logged or tested yet: a new runner."""
        return not self.calendar and not self.tests and not self.has_minutes

    @property
    def has_minutes(self) -> bool:
        return any(week.minutes for week in self.weekly_minutes)

    def count(self, status: Adherence) -> int:
        return sum(entry.status is status for entry in self.calendar)

    @property
    def total_minutes(self) -> float:
        return sum(week.minutes for week in self.weekly_minutes)

    @property
    def flagged(self) -> tuple[Asymmetry, ...]:
        return tuple(t.asymmetry for t in self.tests if t.asymmetry and t.asymmetry.flagged)

    def week_days(self) -> Iterator[tuple[dt.date, ...]]:
        """The dates of each Monday-to-Sunday week of the window, oldest first."""
        monday = self.start
        while monday <= self.end:
            yield tuple(monday + step for step in _WEEK)
            monday += _WEEK_STEP

    def weeks(self) -> tuple[tuple[GridDay, ...], ...]:
        """The calendar as rows of Monday-to-Sunday days, for a grid."""
        by_day = {day.date: day for day in self.days}
        rows = []
        for week in self.week_days():
            cells = []
            for date in week:
                status, fraction = grid_mark(by_day.get(date))
                cells.append(GridDay(date, status, date == self.today, fraction))
            rows.append(tuple(cells))
        return tuple(rows)


def grid_mark(day: CalendarDay | None) -> tuple[Adherence | None, float | None]:
    """A grid cell's status (None: a rest day) and, for a day of unplanned sessions
    only, the largest share of one done (`GridDay`)."""
    if day is None:
        return None, None
    if day.status is Adherence.EXTRA:
        return day.status, max((e.done_fraction or 0.0) for e in day.entries)
    return day.status, None


def summarize(
    planned: Iterable[PlannedSlot],
    records: Iterable[SessionRecord],
    results: Iterable[AssessmentResult],
    *,
    today: dt.date,
    age: float | None = None,
    sex: Sex | None = None,
    window_weeks: int = WINDOW_WEEKS,
) -> ProgressSummary:
    """The progress picture from the first planned or logged day (at most `window_weeks`
    back) to the end of the current week.

    Sessions outside the window are left out; self-test results are kept from any date
    up to `today` (retests are 4 weeks apart, so trends need the older ones too). Norms
    need `age` and `sex` where the published values depend on them.
    """
    if window_weeks < 1:
        raise ValueError(f"window_weeks must be at least 1, got {window_weeks}")
    end = week_start(today) + dt.timedelta(days=6)
    earliest = week_start(today) - dt.timedelta(weeks=window_weeks - 1)
    slots = [s for s in planned if earliest <= s.date <= end]
    logs = [r for r in records if earliest <= r.date <= end]
    first = min([s.date for s in slots] + [r.date for r in logs], default=today)
    start = week_start(first)
    calendar = adherence_calendar(slots, logs, today=today)
    weeks = by_week(logs)
    minutes = minutes_per_week(weeks, start=start, end=today)
    return ProgressSummary(
        today=today,
        start=start,
        end=end,
        calendar=calendar,
        days=tuple(_without_extras(day) for day in calendar_days(calendar)),
        streaks=streaks(calendar),
        adherence_percent=adherence_percent(calendar),
        weekly_minutes=minutes,
        pain=pain_per_week(weeks),
        tests=test_trends([r for r in results if r.date <= today], age=age, sex=sex),
        tally=tally(calendar, minutes),
    )


def _without_extras(day: CalendarDay) -> CalendarDay:
    """A day's status from its planned sessions alone: an extra session on a day whose
    planned sessions were all done does not make the day look partly done."""
    if len(day.entries) == 1:
        return day
    planned = {e.status for e in day.entries if e.status is not Adherence.EXTRA}
    if not planned or len(planned) == len({e.status for e in day.entries}):
        return day
    status = planned.pop() if len(planned) == 1 else Adherence.PARTLY_DONE
    return CalendarDay(day.date, status, day.entries)


def test_trends(
    results: Sequence[AssessmentResult], *, age: float | None, sex: Sex | None
) -> tuple[TestTrend, ...]:
    """Per test (in the catalogue's order): the series per side (its last `TREND_POINTS`
    results), the latest results interpreted, and the latest side-to-side comparison."""
    by_key: dict[tuple[TestKind, Side | None], list[AssessmentResult]] = defaultdict(list)
    for result in by_date(results):
        by_key[(result.kind, result.side)].append(result)
    latest_of = latest_results(results)
    trends = assessment_trends(results)
    kinds = sorted({kind for kind, _ in by_key}, key=_TEST_ORDER.__getitem__)
    out = []
    for kind in kinds:
        sides = sorted((s for k, s in by_key if k is kind), key=_SIDE_ORDER.__getitem__)
        latest = tuple(_interpreted(latest_of[(kind, side)], age, sex) for side in sides)
        reference = next((r.interpretation.reference for r in latest), None)
        out.append(
            TestTrend(
                kind=kind,
                name=DEFINITIONS[kind].name,
                unit=DEFINITIONS[kind].unit,
                series=tuple((side, trends[(kind, side)][-TREND_POINTS:]) for side in sides),
                latest=latest,
                reference=reference,
                asymmetry=_latest_asymmetry(kind, by_key),
            )
        )
    return tuple(out)


def _interpreted(latest: Latest, age: float | None, sex: Sex | None) -> LatestResult:
    last = latest.result
    shown = headline(last.value)
    return LatestResult(
        side=last.side,
        date=last.date,
        value=shown if isinstance(shown, Grade) else float(shown),
        interpretation=compare(last.kind, last.value, age, sex, last.surface),
        change=latest.change(),
    )


def _latest_asymmetry(
    kind: TestKind, by_key: dict[tuple[TestKind, Side | None], list[AssessmentResult]]
) -> Asymmetry | None:
    if not DEFINITIONS[kind].per_side:
        return None
    left = {r.date: r for r in by_key.get((kind, Side.LEFT), [])}
    right = {r.date: r for r in by_key.get((kind, Side.RIGHT), [])}
    both = sorted(set(left) & set(right))
    if not both:
        return None
    day = both[-1]
    if not left[day].comparable(right[day]):
        return None  # one foot on the incline, one on the floor: not a side-to-side gap
    return asymmetry(left[day].value, right[day].value, kind)
