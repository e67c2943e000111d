"""The planner: a runner's profile and the catalog in, a multi-week plan out.

It puts 2-3 barefoot strength sessions of about the asked minutes into each
Monday-to-Sunday week (seed-000), a short activation warm-up on every run day
(seed-004), starts with five exercises and rotates new ones in each week while
keystones and posterior tibialis work stay, progresses each exercise by one level
per build week it was done in, eases off every fourth week and in race weeks, and
writes down why for every day and every exercise. Same inputs, same plan: nothing
here is random or depends on set iteration order.

A retest of the foot self-tests is planned every 4 weeks (`steering.retest_dates`),
moved off race days and the eves of races and long runs (`retests.retest_sessions`).

Warm-ups go on every run day (and race day), strength day or not: they prepare the
run, while the strength session is separate work done after it (footcore-design).
What could not be honoured (fewer sessions, a starting five that does not fit,
exercises left out for pain or equipment, pauses) is listed in `Plan.warnings`.

The rules live in `scheduling` (days), `rotation` (exercises), `progression`
(levels), `sessions` (filling a session), `timing` (seconds) and `reasons` (the
sentences); `plan_builder` walks the weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from footcore.domain.catalog import Catalog
from footcore.domain.plan import ExerciseAdjustment, Plan, PlannedSession, PlanWeek, SessionKind
from footcore.domain.plan_builder import PlanBuilder
from footcore.domain.plan_serialize import plan_from_dict as plan_from_dict
from footcore.domain.plan_serialize import plan_to_dict as plan_to_dict
from footcore.domain.profile import Profile
from footcore.domain.scheduling import week_kind as week_kind
from footcore.domain.sessions import target_s as target_s

_NO_ADJUSTMENTS: Mapping[str, ExerciseAdjustment] = MappingProxyType({})


def build_plan(
    profile: Profile,
    catalog: Catalog,
    *,
    adjustments: Mapping[str, ExerciseAdjustment] = _NO_ADJUSTMENTS,
    emphasis: Sequence[str] = (),
) -> Plan:
    """The whole plan for `profile` (see the module docstring for the rules).

    `adjustments` (keyed by exercise id) move an exercise's level by `level_delta`,
    or pause it, for sessions on or after their `since` date. `emphasis` lists
    exercise ids a self-test brought forward: they enter earlier and their reason
    says so. Ids the catalog lacks are ignored.
    """
    return PlanBuilder(profile, catalog, adjustments, emphasis).plan()


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
