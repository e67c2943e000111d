"""Queries for the logging pages: the program's state, read from the stored state."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from footcore.domain.runner_state import CHECK_WINDOW_DAYS
from footcore.domain.runner_view import ProgramView
from footcore.domain.runner_view import pending_check as pending_in
from footcore.web.runner.records import RED_FLAG_FIELDS, exercise_from_dict, exercise_to_dict
from footcore.web.runner.selectors import names, program_view_for, runner_state
from footcore.web.sessions.models import SessionLogEntry

__all__ = [
    "CHECK_WINDOW_DAYS",
    "RED_FLAG_FIELDS",
    "ProgramView",
    "exercise_from_dict",
    "exercise_to_dict",
    "names",
    "pending_check",
    "program_view",
]


def program_view(user: User, today: dt.date) -> ProgramView:
    """Status, stop reason, pending check and explanations: one read, no replay."""
    return program_view_for(user, today)


def pending_check(user: User, today: dt.date) -> dt.date | None:
    """The latest logged session before today still waiting for its next-morning check."""
    return pending_in(runner_state(user), today)


def logged_sessions(user: User, *, start: dt.date, end: dt.date) -> frozenset[tuple[dt.date, str]]:
    """`(date, kind)` of every session logged from `start` to `end`, so each plan row
    shown can offer its log. Bounded by the days shown, not by the whole history."""
    rows = SessionLogEntry.objects.filter(user=user, date__gte=start, date__lte=end).values_list(
        "date", "kind"
    )
    return frozenset((date, kind) for date, kind in rows)
