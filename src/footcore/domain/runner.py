"""Every change to a runner's state, and the one function that decides what follows.

The adapter reads the runner's state once, calls `decide` with the change, and writes
what the `Decision` says in one transaction. `decide` folds the change into the
adaptation state (`runner_state`), works out whether the plan's inputs changed, and if
so builds the new plan, which is stored from `replan_from` on unless it is the plan
already stored (`StoredPlan`). It owns the rule that
the past, and a session already logged, are never rewritten: sessions before today
never change, and when anything is logged today the new plan starts tomorrow.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from footcore.domain.adaptation import RuleDecision
from footcore.domain.assessments import AssessmentResult
from footcore.domain.catalog import Catalog
from footcore.domain.logbook import Clearance, MorningCheck, Screen, SessionLog
from footcore.domain.plan import ExerciseAdjustment, Plan, PlannedSession
from footcore.domain.plan_serialize import SessionKey, plan_digest, session_digests
from footcore.domain.planning import WHOLE_PLAN, build_plan
from footcore.domain.prescription import Prescription
from footcore.domain.profile import Profile, profile_to_dict
from footcore.domain.runner_state import (
    History,
    RunnerState,
    clearance_history_day,
    correction_history_day,
    fold_check,
    fold_clearance,
    fold_correction,
    fold_log,
    fold_screen,
    history_day,
    refold_day,
)
from footcore.domain.runner_view import adjustments, logged_on
from footcore.domain.scheduling import week_spans
from footcore.domain.steering import emphasis_from_results
from footcore.domain.stop import screen_before_loading


@dataclass(frozen=True, slots=True)
class ProfileSaved:
    profile: Profile
    results: tuple[AssessmentResult, ...] = ()
    """Every stored self-test result: the profile's age and sex change how they read."""


@dataclass(frozen=True, slots=True)
class SessionLogged:
    log: SessionLog


@dataclass(frozen=True, slots=True)
class SessionCorrected:
    """A correction (`corrections.decide_log` said CORRECT): `log` is the session's new
    version; the one it replaces is already marked replaced in the stored history."""

    log: SessionLog


@dataclass(frozen=True, slots=True)
class MorningChecked:
    check: MorningCheck


@dataclass(frozen=True, slots=True)
class RedFlagsAnswered:
    screen: Screen
    """The stored screen, its findings decided (`stop.screen_findings`)."""


@dataclass(frozen=True, slots=True)
class Cleared:
    clearance: Clearance


@dataclass(frozen=True, slots=True)
class SelfTested:
    results: tuple[AssessmentResult, ...]
    """Every stored self-test result, the new ones included."""


@dataclass(frozen=True, slots=True)
class PrescriptionEdited:
    """A clinician's new version of the prescription (`prescription_edit.apply_edit`)."""

    prescription: Prescription


Change = (
    ProfileSaved
    | SessionLogged
    | SessionCorrected
    | MorningChecked
    | RedFlagsAnswered
    | Cleared
    | SelfTested
    | PrescriptionEdited
)


@dataclass(frozen=True, slots=True)
class StoredPlan:
    """Which plan the stored sessions follow: the sessions from `written_from` on are
    the sessions of the plan with this `digest` (`plan_serialize.plan_digest`)."""

    digest: str
    written_from: dt.date


@dataclass(frozen=True, slots=True)
class Decision:
    state: RunnerState
    decisions: tuple[RuleDecision, ...]
    """What the rules decided from this change (per exercise)."""
    plan: Plan | None
    """The new plan when its inputs changed, else None (nothing to rewrite)."""
    replan_from: dt.date | None
    """The first day whose sessions `plan` replaces; None when `plan` is None."""
    plan_inputs: str
    """The digest of the inputs the stored plan follows from."""
    stored: StoredPlan | None = None
    """What the stored sessions are after this decision (None: no plan yet)."""
    session_digests: Mapping[SessionKey, str] = field(default_factory=dict)
    """`plan_serialize.session_digests` of `plan` (empty when `plan` is None)."""

    def sessions(self) -> tuple[PlannedSession, ...]:
        """The sessions to store: the new plan's from `replan_from` on."""
        if self.plan is None or self.replan_from is None:
            return ()
        start = self.replan_from
        return tuple(s for s in self.plan.sessions() if s.date >= start)


def history_needed(state: RunnerState, change: Change) -> dt.date | None:
    """The day from which `decide` needs the stored events (this change's included).

    None, the usual answer, means the change folds on top of the state alone.
    `datetime.date.min` means the whole history.
    """
    if isinstance(change, SessionLogged):
        return history_day(state, change.log)
    if isinstance(change, SessionCorrected):
        return correction_history_day(state, change.log)
    if isinstance(change, MorningChecked):
        return refold_day(state, change.check.session_date)
    if isinstance(change, Cleared):
        return clearance_history_day(state, change.clearance.date)
    return None


def decide(
    state: RunnerState,
    change: Change,
    *,
    today: dt.date,
    profile: Profile | None,
    plan_inputs: str,
    catalog: Catalog,
    tail: History | None = None,
    prescription: Prescription | None = None,
    stored: StoredPlan | None = None,
) -> Decision:
    """Fold `change` into `state` and replan when the plan's inputs changed.

    `profile` is the stored one (a `ProfileSaved` change brings its own), `plan_inputs`
    the digest the stored plan follows from, `tail` the events `history_needed` asked
    for. `prescription` is a clinician's current version, which the plan places as it
    is (a `PrescriptionEdited` change brings the new one); None means footcore proposes.
    `stored` says which plan the stored sessions are: a new plan equal to it, from a
    day it covers, is not written again (most logs change an input, such as the days
    a step up is held, but not the plan). A change to the profile, the self-tests or
    the prescription always writes its plan: what footcore proposes follows from those.
    Raises ValueError on an invalid log or check (the adapters reject those first).
    """
    names = {e.id: e.name for e in catalog.exercises}
    made: tuple[RuleDecision, ...] = ()
    if isinstance(change, SessionLogged):
        state, made = fold_log(state, change.log, names, tail)
    elif isinstance(change, SessionCorrected):
        state, made = fold_correction(state, change.log, names, tail or History())
    elif isinstance(change, MorningChecked):
        state, made = fold_check(state, change.check, names, tail or History())
    elif isinstance(change, RedFlagsAnswered):
        state = fold_screen(state, change.screen)
    elif isinstance(change, Cleared):
        state = fold_clearance(state, change.clearance, names, tail)
    elif isinstance(change, ProfileSaved):
        profile = change.profile
        owed = screen_before_loading(profile.pain, profile.concerns)
        state = replace(
            state, emphasis=emphasis(change.results, profile), screen_before_loading=owed
        )
    elif isinstance(change, PrescriptionEdited):
        prescription = change.prescription
    else:
        state = replace(state, emphasis=emphasis(change.results, profile))
    if profile is None:
        return Decision(state, made, None, None, plan_inputs, stored)
    changes = adjustments(state)
    idle = idle_weeks(profile, state.trained_weeks, today)
    key = plan_inputs_key(profile, changes, state.emphasis, catalog, prescription, idle)
    if key == plan_inputs:
        return Decision(state, made, None, None, plan_inputs, stored)
    plan = build_plan(
        profile,
        catalog,
        adjustments=changes,
        emphasis=state.emphasis,
        prescription=prescription,
        idle_weeks=idle,
    )
    start = replan_from(state, today)
    rows = session_digests(plan)
    digest = plan_digest(plan, rows)
    if (
        stored is not None
        and stored.digest == digest
        and stored.written_from <= start
        and not isinstance(change, ProfileSaved | SelfTested | PrescriptionEdited)
    ):
        return Decision(state, made, None, None, key, stored)
    return Decision(state, made, plan, start, key, StoredPlan(digest, start), rows)


def idle_weeks(
    profile: Profile, trained_weeks: tuple[dt.date, ...], today: dt.date
) -> tuple[dt.date, ...]:
    """The Mondays of the plan weeks that ended before `today`'s week with no strength
    session logged. Derived on every decision, never stored: the weeks ahead stay a
    forecast that assumes the planned sessions happen."""
    this_monday = today - dt.timedelta(days=today.weekday())
    trained = frozenset(trained_weeks)
    return tuple(
        monday
        for span in week_spans(profile)
        if span.end < this_monday and (monday := span.end - dt.timedelta(days=6)) not in trained
    )


def replan_from(state: RunnerState, today: dt.date) -> dt.date:
    """Today, unless a session is logged today: then tomorrow, so it stays as it was."""
    return today + dt.timedelta(days=1) if logged_on(state, today) else today


def emphasis(results: tuple[AssessmentResult, ...], profile: Profile | None) -> tuple[str, ...]:
    """Exercise ids the latest self-tests bring forward in the plan (footcore-design)."""
    age, sex = (None, None) if profile is None else (profile.age, profile.sex)
    found = emphasis_from_results(results, age, sex)
    return tuple(WHOLE_PLAN if e.exercise is None else e.exercise for e in found)


def plan_inputs_key(
    profile: Profile,
    changes: Mapping[str, ExerciseAdjustment],
    emphasis: tuple[str, ...],
    catalog: Catalog,
    prescription: Prescription | None = None,
    idle_weeks: tuple[dt.date, ...] = (),
) -> str:
    """A digest of everything `build_plan` reads: equal digests, equal plans."""
    first, last = profile.start, profile.end
    inputs: dict[str, object] = {
        "profile": profile_to_dict(profile),
        "adjustments": sorted(
            planned for a in changes.values() if (planned := _as_planned(a, first, last))
        ),
        "emphasis": list(emphasis),
        "catalog": catalog.ids(),
    }
    if idle_weeks:
        inputs["idle_weeks"] = [d.isoformat() for d in idle_weeks]
    if prescription is not None:
        # Only a clinician's version is an input; footcore's follows from the rest.
        inputs["prescription"] = prescription.version
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def _as_planned(
    adjustment: ExerciseAdjustment, first: dt.date, last: dt.date
) -> list[object] | None:
    """What `build_plan` reads of an adjustment for a plan from `first` to `last`.

    Holds count in the plan week they fall in, so only those inside the plan matter. A
    level change or a pause applies from `since` on, and any `since` before the plan's
    first day applies to every day of it alike (a pause names its day in a warning, so
    it is kept as it is). An adjustment that neither moves the level nor pauses shows
    no reason and no day: only its holds remain, and with none it is no input at all
    (None). So a log dated long before the plan, or one that only changes such words,
    leaves the plan's inputs as they were.
    """
    holds = [d.isoformat() for d in adjustment.holds if first <= d <= last]
    if not adjustment.level_delta and not adjustment.paused:
        return [adjustment.exercise, 0, False, "", "", holds] if holds else None
    since = adjustment.since
    if not adjustment.paused:
        since = max(since, first - dt.timedelta(days=1))
    reason = adjustment.reason
    return [
        adjustment.exercise,
        adjustment.level_delta,
        adjustment.paused,
        reason,
        since.isoformat(),
        holds,
    ]
