"""Queries for the logging pages: the program's state and the door check, read from the
stored runner state (one query), and a session's stored log versions."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from footcore.domain.logbook import SessionLog
from footcore.domain.plan import Plan, SessionKind
from footcore.domain.runner_state import CHECK_WINDOW_DAYS
from footcore.domain.runner_view import ProgramView
from footcore.domain.runner_view import pending_check as pending_in
from footcore.domain.stop import GateDecision
from footcore.web import reads
from footcore.web.runner.records import (
    RED_FLAG_FIELDS,
    exercise_from_dict,
    exercise_to_dict,
    log_from_row,
)
from footcore.web.runner.selectors import names, program_view_for, runner_state
from footcore.web.sessions.models import SessionLogEntry
from footcore.web.training.selectors import get_warnings, stored_plan

__all__ = [
    "CHECK_WINDOW_DAYS",
    "RED_FLAG_FIELDS",
    "ProgramView",
    "current_log",
    "exercise_from_dict",
    "exercise_to_dict",
    "gate_for",
    "log_from_row",
    "log_versions",
    "names",
    "pending_check",
    "plan_at_the_door",
    "program_view",
    "withheld_plan",
]


def program_view(user: User, today: dt.date) -> ProgramView:
    """Status, the door's gate, stop reason, pending check and explanations: one read."""
    return program_view_for(user, today)


def pending_check(user: User, today: dt.date) -> dt.date | None:
    """The latest logged session before today still waiting for its next-morning check."""
    return pending_in(runner_state(user), today)


def gate_for(user: User, today: dt.date) -> GateDecision:
    """The door check every page, API route, export and CLI command asks first: read
    from the stored state (one query), with no second read of the history."""
    return program_view_for(user, today).gate


def logged_sessions(user: User, *, start: dt.date, end: dt.date) -> frozenset[tuple[dt.date, str]]:
    """`(date, kind)` of every session logged from `start` to `end`, so each plan row
    shown can offer its log. Bounded by the days shown, not by the whole history."""
    rows = reads.rows(reads.LOGGED_SQL, user.pk, start, end)
    return frozenset((date, kind) for date, kind in rows)


def current_log(user: User, day: dt.date, kind: SessionKind) -> SessionLogEntry | None:
    """The log of that session now in force (its latest correction), if any."""
    return SessionLogEntry.objects.filter(
        user=user, date=day, kind=kind.value, replaced_at__isnull=True
    ).first()


def current_log_value(user: User, day: dt.date, kind: SessionKind) -> SessionLog | None:
    row = current_log(user, day, kind)
    return None if row is None else log_from_row(row)


def log_versions(user: User, day: dt.date, kind: SessionKind) -> list[SessionLogEntry]:
    """Every stored version of that session's log, the first one first."""
    return list(
        SessionLogEntry.objects.filter(user=user, date=day, kind=kind.value).order_by("version")
    )


def plan_at_the_door(user: User, today: dt.date) -> tuple[Plan, GateDecision]:
    """The stored plan, or, while the door is shut, an empty plan whose only warning
    says why: what `/plan`, `GET /api/plan`, the calendar and the PDF hand out."""
    gate = gate_for(user, today)
    if gate.open:
        return stored_plan(user, get_warnings(user)), gate
    return withheld_plan(gate), gate


def withheld_plan(gate: GateDecision) -> Plan:
    """No weeks, and one warning: why."""
    return Plan(weeks=(), warnings=(gate.reason or "",))
