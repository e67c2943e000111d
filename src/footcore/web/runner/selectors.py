"""Reads of the runner's stored state and history. A read never writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User

from footcore.domain.logbook import Clearance, MorningCheck
from footcore.domain.runner import (
    emphasis,
)
from footcore.domain.runner_state import History, RunnerState, rebuild
from footcore.domain.runner_state_serialize import state_from_dict
from footcore.domain.runner_view import ProgramView, program_view
from footcore.web.assessments.selectors import results_for
from footcore.web.library.selectors import catalog
from footcore.web.runner.models import RunnerStateRow
from footcore.web.runner.records import LOG_FIELDS, answers_from_dict, log_from_values
from footcore.web.sessions.models import (
    ClearanceEntry,
    MorningCheckEntry,
    RedFlagScreen,
    SessionLogEntry,
)
from footcore.web.training.selectors import get_profile


def names() -> dict[str, str]:
    return {e.id: e.name for e in catalog().exercises}


def history(user: User, since: dt.date = dt.date.min) -> History:
    """The stored events from `since` on (checks by their session's day), in arrival order."""
    logs = (
        SessionLogEntry.objects.filter(user=user, date__gte=since)
        .order_by("date", "id")
        .values_list(*LOG_FIELDS)
    )
    checks = MorningCheckEntry.objects.filter(user=user, session_date__gte=since).values_list(
        "date", "session_date", "settled", "pain_0_10"
    )
    clearances = ClearanceEntry.objects.filter(user=user, date__gte=since).values_list(
        "date", "note"
    )
    screens = RedFlagScreen.objects.filter(user=user, date__gte=since).values_list(
        "date", "answers"
    )
    return History(
        logs=tuple(log_from_values(r) for r in logs),
        checks=tuple(MorningCheck(*r) for r in checks),
        screens=tuple((day, answers_from_dict(a)) for day, a in screens),
        clearances=tuple(Clearance(*r) for r in clearances),
    )


def rebuilt_state(user: User) -> RunnerState:
    """The state replayed from the whole stored history (the repair path)."""
    profile = get_profile(user)
    return rebuild(history(user), names(), emphasis(tuple(results_for(user)), profile))


def parse_state(data: Any) -> RunnerState | None:
    try:
        return state_from_dict(data)
    except (ValueError, KeyError, TypeError):
        return None  # an older or damaged form: rebuilt from the history instead


def runner_state(user: User) -> RunnerState:
    """The stored state (one query); replayed in memory only when none is stored yet."""
    data = RunnerStateRow.objects.filter(user=user).values_list("state", flat=True).first()
    state = None if data is None else parse_state(data)
    return rebuilt_state(user) if state is None else state


def program_view_for(user: User, today: dt.date) -> ProgramView:
    return program_view(runner_state(user), today)
