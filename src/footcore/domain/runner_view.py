"""What the stored runner state says: the program's status, the plan's adjustments,
the pending morning check, and the view the pages, the API and the terminal show.

Pure reads of a `RunnerState`: nothing here replays the history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from footcore.domain.adaptation import (
    ProgramStatus,
    Rule,
    RuleDecision,
    adjustment_for,
    explain_latest,
    screen_decision,
    stop_reason_for,
)
from footcore.domain.criteria import PROGRAM
from footcore.domain.plan import ExerciseAdjustment
from footcore.domain.runner_state import CHECK_WINDOW_DAYS, RunnerState


def adjustments(state: RunnerState) -> dict[str, ExerciseAdjustment]:
    """The plan's changes from the rules: exercises off their planned level, or paused."""
    found = (
        adjustment_for(ex, st.level, st.paused, st.last_change, st.latest, st.holds)
        for ex, st in state.exercises
    )
    return {a.exercise: a for a in found if a is not None}


def program_status(state: RunnerState) -> tuple[ProgramStatus, str | None]:
    """Stopped while a red flag is open (with the reason to show), else active."""
    if state.open_flags:
        return ProgramStatus.STOPPED_RED_FLAG, stop_reason_for(state.open_flags)
    program = dict(state.exercises).get(PROGRAM)
    if program is not None and program.paused and program.last_change is not None:
        # Pain above 5/10 twice in a row: the same stop as a red flag (footcore-design).
        return ProgramStatus.STOPPED_RED_FLAG, program.last_change.reason
    return ProgramStatus.ACTIVE, None


def screen_due(state: RunnerState) -> RuleDecision | None:
    """The request for the red-flag questions when pain reached 7/10 since the last answers."""
    if state.worst_pain is None:
        return None
    day, pain = state.worst_pain
    if state.last_screened is not None and state.last_screened >= day:
        return None
    return screen_decision(day, pain)


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

    @property
    def stopped(self) -> bool:
        return self.status is ProgramStatus.STOPPED_RED_FLAG

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "stop_reason": self.stop_reason,
            "red_flag_screen_due": self.red_flag_screen_due,
            "explanations": list(self.explanations),
            "screened": self.screened,
            "pending_check": None if self.pending_check is None else self.pending_check.isoformat(),
            "logged_today": sorted(self.logged_today),
        }


def program_view(state: RunnerState, today: dt.date) -> ProgramView:
    """The view of `state` on `today`: a pure read of the stored state, no replay."""
    status, stop_reason = program_status(state)
    screen = screen_due(state)
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
        screened=state.last_screened is not None,
        pending_check=pending_check(state, today),
        logged_today=logged_on(state, today),
    )
