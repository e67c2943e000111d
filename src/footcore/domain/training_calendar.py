"""What a runner's own training calendar says about their week, as plain values.

An importer (see `footcore.interchange.ics_import`) turns calendar entries into
`TrainingEvent`s; `guess_training_week` sums them up into the usual run days,
long-run day, hard days and race dates the planner needs. The guess is shown to
the runner to confirm: it is a starting point, never a silent setting.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from footcore.domain.problems import Problem
from footcore.domain.vocab import Weekday


class TrainingTag(StrEnum):
    """What one calendar entry looks like to footcore (an entry may carry several)."""

    RUN = "run"
    LONG_RUN = "long-run"
    HARD = "hard"
    """Intervals, tempo, threshold, hills, track, fartlek, race-pace work."""
    RACE = "race"


@dataclass(frozen=True, slots=True)
class TrainingEvent:
    """One occurrence of a calendar entry that looks like running."""

    date: dt.date
    """The day in the runner's time zone."""
    summary: str
    tags: frozenset[TrainingTag]
    line: int | None = None
    """Line of the file where the entry starts, to point the runner at it."""


def import_problem(line: int | None, event: str | None, message: str) -> Problem:
    """An entry (or a stretch of the file) the importer skipped or repaired, located
    by its line and, when known, the entry's title (or UID): `line 12, 'Tempo'`."""
    where = [f"line {line}"] if line is not None else []
    if event:
        where.append(repr(event))
    return Problem(", ".join(where), message)


@dataclass(frozen=True, slots=True)
class TrainingWeekGuess:
    run_days: tuple[Weekday, ...]
    """Weekdays holding a run in at least half of the weeks that hold any run, plus
    the long-run day; Monday first."""
    long_run_day: Weekday | None
    """The weekday most long runs fall on, or None when none was recognised."""
    hard_days: tuple[Weekday, ...]
    """Weekdays holding a hard session in at least half of the weeks with runs."""
    race_dates: tuple[dt.date, ...]
    events: tuple[TrainingEvent, ...]
    """Every recognised running occurrence, by date: the evidence behind the guess."""
    problems: tuple[Problem, ...] = ()
    weeks_seen: int = 0
    """Calendar weeks (Monday to Sunday) holding at least one recognised run."""


def guess_training_week(
    events: Iterable[TrainingEvent], problems: Iterable[Problem] = ()
) -> TrainingWeekGuess:
    """Sum occurrences up into the runner's usual week.

    A weekday counts as a usual run (or hard) day when it held one in at least half
    of the weeks that held any run: a one-off Friday session in a two-month block
    does not move the runner's week, a habit does (`footcore-design`). Weeks without
    any run (holidays, illness) are left out of the count so they do not dilute it.
    Ties for the long-run day go to the later weekday, where long runs usually sit.
    """
    ordered = tuple(sorted(events, key=lambda e: (e.date, e.summary)))
    week_keys = {_week_key(e.date) for e in ordered}
    weeks = len(week_keys)

    def habitual(tag: TrainingTag) -> tuple[Weekday, ...]:
        seen: dict[int, set[tuple[int, int]]] = {}
        for event in ordered:
            if tag in event.tags:
                seen.setdefault(event.date.weekday(), set()).add(_week_key(event.date))
        return tuple(
            Weekday.of(day) for day in sorted(seen) if 2 * len(seen[day]) >= weeks and weeks
        )

    long_runs = Counter(e.date.weekday() for e in ordered if TrainingTag.LONG_RUN in e.tags)
    long_run_day = (
        Weekday.of(max(long_runs, key=lambda day: (long_runs[day], day))) if long_runs else None
    )
    races = tuple(sorted({e.date for e in ordered if TrainingTag.RACE in e.tags}))
    # A profile needs the long-run day (and every hard day) among the run days; hard
    # days already are, as every hard event is a run and the threshold is the same.
    run_days = set(habitual(TrainingTag.RUN)) | ({long_run_day} if long_run_day else set())
    return TrainingWeekGuess(
        run_days=tuple(sorted(run_days, key=lambda day: day.number)),
        long_run_day=long_run_day,
        hard_days=habitual(TrainingTag.HARD),
        race_dates=races,
        events=ordered,
        problems=tuple(problems),
        weeks_seen=weeks,
    )


def _week_key(day: dt.date) -> tuple[int, int]:
    iso = day.isocalendar()
    return (iso.year, iso.week)
