"""Reads of the runner's stored state and history. A read never writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User

from footcore.domain.logbook import Clearance, MorningCheck, Screen
from footcore.domain.runner import (
    emphasis,
)
from footcore.domain.runner_state import History, RunnerState, rebuild
from footcore.domain.runner_state_serialize import state_from_dict
from footcore.domain.runner_view import ProgramView, program_view
from footcore.domain.stop import screen_before_loading
from footcore.web import reads
from footcore.web.assessments.selectors import results_for
from footcore.web.library.selectors import catalog
from footcore.web.runner.records import LOG_FIELDS, answers_from_dict, log_from_values
from footcore.web.runner.state_text import state_from_text
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
    """The stored events from `since` on (checks by their session's day), in arrival order.

    Only the version in force of a corrected log counts. Screens and clearances carry
    the instant they were recorded: the stop follows that order, never the calendar."""
    logs = (
        SessionLogEntry.objects.filter(user=user, date__gte=since, replaced_at__isnull=True)
        .order_by("date", "id")
        .values_list(*LOG_FIELDS)
    )
    checks = MorningCheckEntry.objects.filter(user=user, session_date__gte=since).values_list(
        "date", "session_date", "settled", "pain_0_10"
    )
    clearances = (
        ClearanceEntry.objects.filter(user=user, date__gte=since)
        .order_by("created_at", "pk")
        .values_list("date", "note", "created_at")
    )
    screens = (
        RedFlagScreen.objects.filter(user=user, date__gte=since)
        .order_by("created_at", "pk")
        .values_list("date", "answers", "created_at", "findings")
    )
    return History(
        logs=tuple(log_from_values(r) for r in logs),
        checks=tuple(MorningCheck(*r) for r in checks),
        screens=tuple(
            Screen(day, answers_from_dict(a), at, tuple(found)) for day, a, at, found in screens
        ),
        clearances=tuple(Clearance(*r) for r in clearances),
    )


def rebuilt_state(user: User) -> RunnerState:
    """The state replayed from the whole stored history (the repair path)."""
    profile = get_profile(user)
    owed = profile is not None and screen_before_loading(profile.pain, profile.concerns)
    found = emphasis(tuple(results_for(user)), profile)
    return rebuild(history(user), names(), found, screen_before_loading=owed)


def parse_state(data: Any) -> RunnerState | None:
    try:
        return state_from_dict(data)
    except (ValueError, KeyError, TypeError):
        return None  # an older or damaged form: rebuilt from the history instead


def runner_state(user: User) -> RunnerState:
    """The stored state (one query); replayed in memory only when none is stored yet."""
    # The column as text (no JSON decoding): a state this worker saw is not parsed again.
    row = reads.first(reads.STATE_SQL, user.pk)
    state = None if row is None else state_from_text(user.pk, row[0])
    return rebuilt_state(user) if state is None else state


def program_view_for(user: User, today: dt.date) -> ProgramView:
    return program_view(runner_state(user), today)
