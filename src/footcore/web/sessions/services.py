"""Logging use cases: what was done and felt, stored through the runner's one change path.

Every stored log, morning check, red-flag screen and clearance goes through
`footcore.web.runner.services.apply_change`: the stored adaptation state takes the
change in, and the sessions still ahead are replanned when the plan's inputs changed
(from tomorrow, or from today while nothing is logged today). Rows already stored, and
sessions already past, are never rewritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User

from footcore.domain.logbook import (
    MAX_NOTES_CHARS,
    Clearance,
    MorningCheck,
    RedFlagAnswers,
    SessionLog,
    log_problems,
    morning_check_problems,
)
from footcore.domain.problems import Invalid, Problem
from footcore.domain.runner import (
    Cleared,
    MorningChecked,
    RedFlagsAnswered,
    SessionLogged,
)
from footcore.domain.runner_view import ProgramView
from footcore.web.library.selectors import catalog
from footcore.web.runner.services import Applied, apply_change

__all__ = [
    "LogOutcome",
    "log_session",
    "morning_check",
    "record_clearance",
    "record_red_flags",
]


@dataclass(frozen=True, slots=True)
class LogOutcome:
    id: int
    created: bool
    """False when a log with the same idempotency key was already stored."""
    red_flag_screen_due: bool
    changes: list[str]
    """What the rules decided from this session's log, one line per exercise."""
    view: ProgramView


def log_session(*, user: User, log: SessionLog, today: dt.date | None = None) -> LogOutcome:
    """Store a session log once per idempotency key and replan what is still ahead.

    Raises `Invalid` naming every bad field (including unknown exercises or variants,
    and a date in the future) before anything is written. `today` defaults to the
    runner's today.
    """
    problems = log_problems(log) + _catalog_problems(log)
    if today is not None and log.date > today:
        problems.append(Problem("date", "a session cannot be logged before the day it is done"))
    if problems:
        raise Invalid(problems)
    return _outcome(apply_change(user=user, change=SessionLogged(log), today=today))


def morning_check(
    *, user: User, session_date: dt.date, settled: bool, pain_0_10: int | None, today: dt.date
) -> ProgramView:
    """Store the next-morning answer for the session logged on `session_date`."""
    check = MorningCheck(today, session_date, settled, pain_0_10)
    problems = morning_check_problems(check)
    if problems:
        problems = [
            Problem("session_date", p.message) if p.field == "date" else p for p in problems
        ]
        raise Invalid(problems)
    return apply_change(user=user, change=MorningChecked(check), today=today).view


def record_red_flags(*, user: User, answers: RedFlagAnswers, today: dt.date) -> ProgramView:
    """Store one answer per red-flag question; any yes stops the program."""
    return apply_change(user=user, change=RedFlagsAnswered(today, answers), today=today).view


def record_clearance(
    *, user: User, note: str, today: dt.date, by_clinician: bool = False
) -> ProgramView:
    """The runner confirms a clinician cleared them: training resumes, pauses lift.

    A clinic's client is cleared by their clinician (`footcore.web.clinic.care`), not by
    ticking a box themselves.
    """
    if not by_clinician:
        from footcore.web.clinic.roles import client_record_for

        client = client_record_for(user)
        if client is not None:
            raise Invalid([Problem("", f"{client.clinic} clears you: ask your physio")])
    if len(note) > MAX_NOTES_CHARS:
        raise Invalid([Problem("note", f"must be at most {MAX_NOTES_CHARS} characters")])
    change = Cleared(Clearance(today, note.strip()))
    return apply_change(user=user, change=change, today=today).view


def _outcome(applied: Applied) -> LogOutcome:
    assert applied.record_id is not None
    changes = [f"{d.reason} [{d.citation}]" for d in applied.decisions]
    if applied.view.stop_reason:
        changes.insert(0, applied.view.stop_reason)
    return LogOutcome(
        id=applied.record_id,
        created=applied.created,
        red_flag_screen_due=applied.view.red_flag_screen_due,
        changes=changes,
        view=applied.view,
    )


def _catalog_problems(log: SessionLog) -> list[Problem]:
    known = {e.id: e for e in catalog().exercises}
    problems: list[Problem] = []
    for i, entry in enumerate(log.exercises):
        exercise = known.get(entry.exercise)
        if exercise is None:
            if entry.exercise.strip():
                problems.append(
                    Problem(f"exercises[{i}].exercise", f"no exercise {entry.exercise!r}")
                )
            continue
        if entry.variant.strip() and entry.variant not in {v.id for v in exercise.variants}:
            problems.append(
                Problem(
                    f"exercises[{i}].variant", f"{entry.exercise} has no variant {entry.variant!r}"
                )
            )
    return problems
