"""The planner: a runner's profile and the catalog in, a multi-week plan out.

footcore first proposes a prescription (`prescribe.propose_prescription`): concern
protocols at their source's dose and frequency for their whole course, the keystones
(short foot, posterior tibialis work), seed 004's warm-up drills and seed 000's
variety. The scheduler (`plan_builder`) places it in 2-3 barefoot strength sessions a
week of about the asked minutes, never on a race day, in the two days before a race,
the day after a race or the day before the long run, never back to back; warm-ups go
on run days. Week one holds five exercises, later weeks at most two new ones; every
fourth week cuts sets; the 7 days before a race hold only short, easy sessions with
nothing new and no heavy load. Same inputs, same plan.

A retest of the foot self-tests is planned every 4 weeks, at least 5 days before a
race and never the day after one (`retests.retest_sessions`). What could not be
honoured is listed in `Plan.warnings`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from types import MappingProxyType

from footcore.domain.catalog import Catalog
from footcore.domain.plan import ExerciseAdjustment, Plan, PlannedSession, PlanWeek, SessionKind
from footcore.domain.plan_builder import PlanBuilder
from footcore.domain.plan_serialize import plan_from_dict as plan_from_dict
from footcore.domain.plan_serialize import plan_to_dict as plan_to_dict
from footcore.domain.prescribe import propose_prescription
from footcore.domain.prescription import Prescription
from footcore.domain.profile import Profile
from footcore.domain.scheduling import week_kind as week_kind
from footcore.domain.sessions import target_s as target_s
from footcore.domain.steering import Emphasis

_NO_ADJUSTMENTS: Mapping[str, ExerciseAdjustment] = MappingProxyType({})


def build_plan(
    profile: Profile,
    catalog: Catalog,
    *,
    adjustments: Mapping[str, ExerciseAdjustment] = _NO_ADJUSTMENTS,
    emphasis: Sequence[str] = (),
    prescription: Prescription | None = None,
    idle_weeks: Collection[dt.date] = (),
) -> Plan:
    """The whole plan for `profile` (see the module docstring for the rules).

    `adjustments` (keyed by exercise id) move an exercise's level by `level_delta`,
    or pause it, for sessions on or after their `since` date. `emphasis` lists
    exercise ids a self-test brought forward: they come first in the variety.
    `prescription` is what to place; without one, footcore proposes it from the
    profile (`prescribe.propose_prescription`). `idle_weeks` are the Mondays of past
    plan weeks in which no strength session was logged: they do not count toward a step.
    """
    if prescription is None:
        prescription = propose_prescription(profile, emphases(emphasis), catalog)
    return PlanBuilder(profile, catalog, adjustments, prescription, idle_weeks).plan()


WHOLE_PLAN = "*"
"""In a list of emphasised exercise ids: a self-test (a low FAAM) emphasised the whole plan."""


def emphases(exercise_ids: Sequence[str]) -> tuple[Emphasis, ...]:
    """Exercise ids brought forward, as the emphases `propose_prescription` reads."""
    return tuple(
        Emphasis(exercise=None if i == WHOLE_PLAN else i, reasons=(), kinds=())
        for i in exercise_ids
    )


def sessions_from(plan: Plan, day: dt.date) -> tuple[PlannedSession, ...]:
    """Every session on or after `day`, in date order."""
    return tuple(s for s in plan.sessions() if s.date >= day)


def next_session(
    plan: Plan, day: dt.date, kind: SessionKind | None = None
) -> PlannedSession | None:
    """The first session on or after `day` (of `kind`, when given)."""
    return next((s for s in sessions_from(plan, day) if kind in (None, s.kind)), None)


def session_to_play(
    sessions: Sequence[PlannedSession], kind: SessionKind | None = None
) -> PlannedSession | None:
    """Which of a day's sessions to play or log: the one of `kind` when given, else the
    strength session, else the first planned (footcore-design)."""
    if kind is not None:
        return next((s for s in sessions if s.kind is kind), None)
    strength = next((s for s in sessions if s.kind is SessionKind.STRENGTH), None)
    return strength or next(iter(sessions), None)


def week_of(plan: Plan, day: dt.date) -> PlanWeek | None:
    """The plan week holding `day`, or None outside the plan."""
    for week in plan.weeks:
        sunday = week.start + dt.timedelta(days=6 - week.start.weekday())
        if week.start <= day <= sunday:
            return week
    return None
