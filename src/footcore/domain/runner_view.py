"""What the stored runner state says: the program's status, the plan's adjustments,
the pending morning check, and the view the pages, the API and the terminal show.

Pure reads of a `RunnerState`: nothing here replays the history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from footcore.domain.adaptation import (
    ProgramStatus,
    Rule,
    RuleDecision,
    adjustment_for,
    explain_latest,
    screen_decision,
)
from footcore.domain.criteria import PROGRAM
from footcore.domain.logbook import day_label
from footcore.domain.plan import ExerciseAdjustment
from footcore.domain.runner_state import CHECK_WINDOW_DAYS, RunnerState
from footcore.domain.stop import (
    Gate,
    GateDecision,
    SafetyKind,
    StopState,
    program_gate,
    stop_state,
)


def adjustments(state: RunnerState) -> dict[str, ExerciseAdjustment]:
    """The plan's changes from the rules: exercises off their planned level, or paused."""
    found = (
        adjustment_for(ex, st.level, st.paused, st.last_change, st.latest, st.holds)
        for ex, st in state.exercises
    )
    return {a.exercise: a for a in found if a is not None}


def stop_of(state: RunnerState) -> StopState:
    """The stop, folded from the stored screens and clearances by recorded instant."""
    return stop_state(state.safety)


def door_gate(state: RunnerState, *, screen_owed_before_loading: bool) -> GateDecision:
    """What every door asks first (`stop.program_gate`), from the stored state alone:
    stopped, a screen owed (before loading, or since pain reached the threshold), or open."""
    stop = stop_of(state)
    since = _stop_day(state, stop)
    gate = program_gate(
        stop,
        screen_owed_before_loading=screen_owed_before_loading,
        pain_screen_due=screen_due(state) is not None,
        since_label=None if since is None else day_label(since),
    )
    pain_stop = _pain_stop(state)
    if gate.gate is not Gate.STOPPED and pain_stop is not None:
        return GateDecision(Gate.STOPPED, pain_stop)
    return gate


def _pain_stop(state: RunnerState) -> str | None:
    """Pain above 5/10 twice in a row despite stepping back: the same stop as a red
    flag (footcore-design, on silbernagel-2007's ceiling), with its reason."""
    program = dict(state.exercises).get(PROGRAM)
    if program is not None and program.paused and program.last_change is not None:
        return program.last_change.reason
    return None


def program_status(state: RunnerState) -> tuple[ProgramStatus, str | None]:
    """Stopped while a finding is open or pain stopped training (with the reason to
    show), else active."""
    gate = door_gate(state, screen_owed_before_loading=False)
    if stop_of(state).stopped or _pain_stop(state) is not None:
        return ProgramStatus.STOPPED_RED_FLAG, gate.reason
    return ProgramStatus.ACTIVE, None


def screen_due(state: RunnerState) -> RuleDecision | None:
    """The request for the red-flag questions when pain reached 7/10 since the last
    screen: a log is covered only by a screen recorded after it, a morning check by a
    screen answered on or after its day."""
    if state.worst_pain is None:
        return None
    day, at, pain = state.worst_pain
    for event in state.safety:
        if event.kind is not SafetyKind.SCREEN:
            continue
        if at is not None and event.recorded_at >= at:
            return None
        if at is None and event.day is not None and event.day >= day:
            return None
    return screen_decision(day, pain)


def _stop_day(state: RunnerState, stop: StopState) -> dt.date | None:
    if stop.since is None:
        return None
    return next(
        (
            e.day
            for e in state.safety
            if e.kind is SafetyKind.SCREEN and e.recorded_at == stop.since
        ),
        None,
    )


def pending_check(state: RunnerState, today: dt.date) -> dt.date | None:
    """The latest logged day before `today`, inside the window, still waiting for its check."""
    oldest = today - dt.timedelta(days=CHECK_WINDOW_DAYS)
    days = [d for d in state.log_days if oldest <= d.date < today]
    if not days or days[-1].checked:
        return None
    return days[-1].date


def logged_on(state: RunnerState, day: dt.date) -> frozenset[str]:
    return frozenset(k for d in state.log_days if d.date == day for k in d.kinds)


@dataclass(frozen=True, slots=True)
class ProgramView:
    """What the pages, the API and the terminal show about safety and adaptation."""

    status: ProgramStatus
    stop_reason: str | None
    red_flag_screen_due: bool
    explanations: tuple[str, ...]
    screened: bool
    """The runner has answered the red-flag questions at least once."""
    pending_check: dt.date | None
    logged_today: frozenset[str]
    gate: GateDecision
    """The one answer every door gives: may exercises be shown and logged now?"""

    @property
    def stopped(self) -> bool:
        return self.status is ProgramStatus.STOPPED_RED_FLAG

    @property
    def blocked(self) -> bool:
        """No exercises now: stopped, or a red-flag screen is owed first."""
        return not self.gate.open

    @property
    def screen_first(self) -> bool:
        return self.gate.gate is Gate.SCREEN_FIRST

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "gate": self.gate.gate.value,
            "gate_reason": self.gate.reason,
            "stop_reason": self.stop_reason,
            "red_flag_screen_due": self.red_flag_screen_due,
            "explanations": list(self.explanations),
            "screened": self.screened,
            "pending_check": None if self.pending_check is None else self.pending_check.isoformat(),
            "logged_today": sorted(self.logged_today),
        }


def change_lines(decisions: Sequence[RuleDecision], stop_reason: str | None) -> list[str]:
    """What one change did, in words: the stop first while one is in force, then each
    decision with its citation.

    The referral after two sessions above 5/10 is both a decision of the change and the
    program's stop reason; it is said once, first, with its citation. A stop already in
    force before the change (no decision of this change made it) is said without one.
    """
    lines = [f"{d.reason} [{d.citation}]" for d in decisions if d.reason != stop_reason]
    if stop_reason is None:
        return lines
    made = next((d for d in decisions if d.reason == stop_reason), None)
    first = stop_reason if made is None else f"{made.reason} [{made.citation}]"
    return [first, *lines]


def program_view(state: RunnerState, today: dt.date) -> ProgramView:
    """The view of `state` on `today`: a pure read of the stored state, no replay."""
    status, stop_reason = program_status(state)
    screen = screen_due(state)
    gate = door_gate(state, screen_owed_before_loading=state.screen_before_loading)
    latest = [
        st.latest
        for ex, st in state.exercises
        if st.latest is not None and (ex != PROGRAM or st.latest.rule is Rule.HOLD_FLARE)
    ]
    return ProgramView(
        status=status,
        stop_reason=stop_reason,
        red_flag_screen_due=screen is not None,
        explanations=tuple(explain_latest(stop_reason, screen, latest)),
        screened=stop_of(state).screened,
        pending_check=pending_check(state, today),
        logged_today=logged_on(state, today),
        gate=gate,
    )
