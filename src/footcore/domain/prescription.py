"""A runner's prescription: what to do, how much, how often, for how long and why.

The planner proposes one from the profile and the self-tests (`prescribe`); a
clinician edits the same object later. The scheduler (`plan_builder`) places it in
the running week. Every version records who changed it, when and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from footcore.domain.catalog import Dose
from footcore.domain.vocab import Concern


class Frequency(StrEnum):
    PER_WEEK = "per-week"
    """`per_week` strength sessions a week."""
    EVERY_SECOND_DAY = "every-second-day"
    """Every strength session: strength days are never back to back, so three a week
    is as close to every second day as the schedule allows."""
    DAILY = "daily"
    """Every warm-up and every strength session on a day without a run."""
    WARM_UP = "warm-up"
    """In the warm-up of every run day."""


class PrescribedSide(StrEnum):
    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"


class RxRole(StrEnum):
    CONCERN_PROTOCOL = "concern-protocol"
    """Serves a concern; stays for its whole course at its frequency."""
    KEYSTONE = "keystone"
    """Stays every week (the short foot, posterior tibialis work)."""
    SEED_VARIETY = "seed-variety"
    """Seed 000's rotation: fills the rest of the session, 1-2 new a week."""
    WARM_UP = "warm-up"
    """Part of the activation warm-up before a run."""


class Progression(StrEnum):
    COURSE = "course"
    """The protocol's own table of stages, week by week of its course, taken only
    while the reps are managed and pain allows; otherwise the easier version."""
    LADDER = "ladder"
    """One step along the exercise's ladder per build week it was done in
    (footcore's choice), held by the adaptation rules when it is too hard or hurts."""
    FIXED = "fixed"
    """The dose stays as prescribed (stretches, warm-up drills)."""


@dataclass(frozen=True, slots=True)
class Stage:
    """One row of a protocol's table: from course week `from_week` on, this rung at this dose."""

    from_week: int
    variant: str
    dose: Dose


@dataclass(frozen=True, slots=True)
class PrescribedExercise:
    exercise: str
    """Catalog id."""
    stages: tuple[Stage, ...]
    """At least one; the first is the starting rung and dose."""
    frequency: Frequency
    role: RxRole
    reason: str
    """Why it is prescribed, in plain words."""
    citation: str
    """Citation key of the source behind the reason and dose."""
    per_week: int = 1
    """Sessions a week for `Frequency.PER_WEEK`."""
    side: PrescribedSide = PrescribedSide.BOTH
    course_weeks: int | None = None
    """Length of the protocol's course in weeks, or None for open-ended."""
    progression: Progression = Progression.LADDER
    criterion: str = ""
    """What must hold before it steps up, in plain words."""
    regression: Stage | None = None
    """The easier version when the stage's reps cannot be done (e.g. both legs)."""
    concern: Concern | None = None
    easy: Stage | None = None
    """The version used in the week before a race, without heavy load."""
    note: str = ""
    """A clinician's note to the runner about this exercise."""
    pinned: bool = False
    """A clinician pinned it: it is placed in every session it is due, even past the
    session's length, like a concern protocol."""

    @property
    def variant(self) -> str:
        return self.stages[0].variant

    @property
    def dose(self) -> Dose:
        return self.stages[0].dose

    def stage_for(self, course_week: int) -> Stage:
        """The stage in force in `course_week` (1-based); the last one past the course."""
        found = self.stages[0]
        for stage in self.stages:
            if stage.from_week <= course_week:
                found = stage
        return found


@dataclass(frozen=True, slots=True)
class Change:
    """Who changed the prescription, when and why."""

    version: int
    by: str
    """`footcore` for a proposal, else the clinician's or runner's name."""
    on: dt.date
    why: str


@dataclass(frozen=True, slots=True)
class Prescription:
    items: tuple[PrescribedExercise, ...]
    notes: tuple[str, ...] = ()
    """What each pain site and concern changed, or that it changed nothing."""
    warnings: tuple[str, ...] = ()
    """What the asked minutes or sessions cannot hold, with the fix."""
    variety: tuple[str, ...] = ()
    """Seed 000 exercises the runner may rotate through, best first."""
    emphasis: tuple[str, ...] = ()
    """Variety exercises a self-test brought forward."""
    caps: tuple[tuple[str, str], ...] = ()
    """(exercise id, highest rung allowed) while a pain lasts."""
    steady: bool = False
    start_on: dt.date | None = None
    """The program's start, as a clinician set it (None: the profile's start)."""
    review_on: dt.date | None = None
    """The clinician's next review."""
    """A low FAAM score: ladders climb at half speed and at most one new exercise a week
    (footcore's choice)."""
    history: tuple[Change, ...] = ()

    @property
    def by_clinician(self) -> bool:
        """The current version is a person's edit, not footcore's proposal."""
        return bool(self.history) and self.history[-1].by != "footcore"

    @property
    def version(self) -> int:
        return self.history[-1].version if self.history else 0

    def item(self, exercise_id: str) -> PrescribedExercise | None:
        return next((i for i in self.items if i.exercise == exercise_id), None)

    def with_role(self, *roles: RxRole) -> tuple[PrescribedExercise, ...]:
        return tuple(i for i in self.items if i.role in roles)

    def revised(self, *, by: str, on: dt.date, why: str, **changes: object) -> Prescription:
        """A new version with `changes` applied and the change recorded."""
        change = Change(self.version + 1, by, on, why)
        return replace(self, history=(*self.history, change), **changes)  # type: ignore[arg-type]

    def same_content(self, other: Prescription) -> bool:
        return (
            self.items,
            self.notes,
            self.warnings,
            self.variety,
            self.caps,
            self.emphasis,
            self.steady,
        ) == (
            other.items,
            other.notes,
            other.warnings,
            other.variety,
            other.caps,
            other.emphasis,
            other.steady,
        )


def plain_rm(rm: int) -> str:
    """`12RM` in plain words."""
    return f"a load you can lift {rm} times, no more"
