"""A runner's multi-week plan as plain, frozen values (built by `planning`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from footcore.domain.catalog import Dose


class SessionKind(StrEnum):
    STRENGTH = "strength"
    """The 2-3 weekly foot-strength sessions of about the asked minutes (barefoot)."""
    ACTIVATION = "activation"
    """The 2-3 minute warm-up before a run (toe yoga, short foot, big-toe tap)."""
    ASSESSMENT = "assessment"
    """A scheduled retest of the self-assessments."""


class WeekKind(StrEnum):
    BUILD = "build"
    LIGHTER = "lighter"
    """Every fourth week: less volume so the body can absorb the work."""
    RACE = "race"
    """A week holding a race: light and short."""


@dataclass(frozen=True, slots=True)
class PlanItem:
    exercise: str
    """Exercise id in the catalog."""
    variant: str
    """Variant id: the rung of the exercise's ladder used this time."""
    dose: Dose
    reason: str
    """Why this exercise, this rung and this dose, in a short sentence."""


@dataclass(frozen=True, slots=True)
class PlannedSession:
    date: dt.date
    kind: SessionKind
    items: tuple[PlanItem, ...]
    estimated_s: int
    reason: str = ""
    """Why this day (or, for an activation, which run it warms up for)."""


@dataclass(frozen=True, slots=True)
class PlanWeek:
    index: int
    """1-based week number."""
    start: dt.date
    """The Monday of the week (or the plan's start day for week one)."""
    kind: WeekKind
    sessions: tuple[PlannedSession, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    weeks: tuple[PlanWeek, ...]
    warnings: tuple[str, ...] = ()

    def sessions(self) -> tuple[PlannedSession, ...]:
        return tuple(s for w in self.weeks for s in w.sessions)

    def on(self, day: dt.date) -> tuple[PlannedSession, ...]:
        return tuple(s for s in self.sessions() if s.date == day)


@dataclass(frozen=True, slots=True)
class ExerciseAdjustment:
    """A change the adaptation rules made to one exercise, applied to future sessions.

    `level_delta` moves the exercise along its progression (positive: harder, first
    more dose then the next rung up; negative: easier). `paused` drops it from the
    plan until the runner is cleared. The planner shows `reason` next to the item.
    """

    exercise: str
    level_delta: int
    paused: bool
    reason: str
    since: dt.date
    holds: tuple[dt.date, ...] = ()
    """Days whose session did not meet the step-up criterion: a plan week holding one
    does not count toward the exercise's next step (for the whole program's row,
    `criteria.PROGRAM`, every exercise's)."""
