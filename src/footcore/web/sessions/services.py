"""Logging use cases: store what was done and felt, then replan the sessions still ahead.

Every stored log, morning check, red-flag screen and clearance replays the whole
history through `footcore.domain.adaptation.adapt` and replans future sessions (from
tomorrow, or from today while today's session is not yet logged). Rows already stored,
and sessions already past, are never rewritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from footcore.domain.adaptation import Adaptation
from footcore.domain.logbook import (
    MAX_NOTES_CHARS,
    MorningCheck,
    RedFlagAnswers,
    SessionLog,
    log_problems,
    morning_check_problems,
)
from footcore.domain.problems import Invalid, Problem
from footcore.web.library.selectors import catalog
from footcore.web.sessions.models import (
    ClearanceEntry,
    MorningCheckEntry,
    RedFlagScreen,
    SessionLogEntry,
)
from footcore.web.sessions.selectors import current_adaptation, exercise_to_dict
from footcore.web.training import selectors as training_selectors
from footcore.web.training.models import RunnerProfile
from footcore.web.training.services import plan_would_change, replan

__all__ = [
    "LogOutcome",
    "current_adaptation",
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


def log_session(*, user: User, log: SessionLog, today: dt.date) -> LogOutcome:
    """Store a session log once per idempotency key and replan what is still ahead.

    Raises `Invalid` naming every bad field (including unknown exercises or variants,
    and a date in the future) before anything is written.
    """
    problems = log_problems(log) + _catalog_problems(log)
    if log.date > today:
        problems.append(Problem("date", "a session cannot be logged before the day it is done"))
    if problems:
        raise Invalid(problems)
    # The insert is its own short transaction; the plan is derived from all logs and
    # `_replan` rebuilds it under the write lock whenever its inputs changed.
    try:
        with transaction.atomic():
            row = SessionLogEntry.objects.create(
                user=user,
                date=log.date,
                kind=log.kind.value,
                idempotency_key=log.idempotency_key,
                exercises=[exercise_to_dict(e) for e in log.exercises],
                difficulty=log.difficulty.value,
                pain_0_10=log.pain_0_10,
                pain_site=None if log.pain_site is None else log.pain_site.value,
                notes=log.notes,
            )
    except IntegrityError:
        existing = SessionLogEntry.objects.get(user=user, idempotency_key=log.idempotency_key)
        return _outcome(existing, current_adaptation(user, today), created=False)
    return _outcome(row, _replan(user, today), created=True)


def morning_check(
    *, user: User, session_date: dt.date, settled: bool, pain_0_10: int | None, today: dt.date
) -> Adaptation:
    """Store the next-morning answer for the session logged on `session_date`."""
    check = MorningCheck(today, session_date, settled, pain_0_10)
    problems = morning_check_problems(check)
    if problems:
        problems = [
            Problem("session_date", p.message) if p.field == "date" else p for p in problems
        ]
        raise Invalid(problems)
    if not SessionLogEntry.objects.filter(user=user, date=session_date).exists():
        raise Invalid(
            [Problem("session_date", f"no session is logged on {session_date.isoformat()}")]
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                MorningCheckEntry.objects.create(
                    user=user,
                    date=today,
                    session_date=session_date,
                    settled=settled,
                    pain_0_10=pain_0_10,
                )
        except IntegrityError:
            raise Invalid(
                [
                    Problem(
                        "session_date",
                        f"the check for {session_date.isoformat()} is already answered",
                    )
                ]
            ) from None
        return _replan(user, today)


def record_red_flags(*, user: User, answers: RedFlagAnswers, today: dt.date) -> Adaptation:
    """Store one answer per red-flag question; any yes stops the program."""
    data = {f.name: bool(getattr(answers, f.name)) for f in fields(answers)}
    with transaction.atomic():
        RedFlagScreen.objects.create(user=user, date=today, answers=data, any_flag=answers.any())
        return _replan(user, today)


def record_clearance(
    *, user: User, note: str, today: dt.date, by_clinician: bool = False
) -> Adaptation:
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
    with transaction.atomic():
        ClearanceEntry.objects.create(user=user, date=today, note=note.strip())
        return _replan(user, today)


def _replan(user: User, today: dt.date) -> Adaptation:
    """Replan from today if today's session is still to do, else from tomorrow.

    The adaptation is first worked out from a plain read. Only when it would change
    the plan is it worked out again inside a write transaction (which holds SQLite's
    write lock, or serialises on PostgreSQL through the profile row) and stored, so
    the stored plan always follows from the latest committed history, and a log that
    changes nothing holds no lock.
    """
    adaptation = current_adaptation(user, today)
    profile = training_selectors.get_profile(user)
    if profile is None or not plan_would_change(
        user=user, profile=profile, adjustments=adaptation.adjustments, today=today
    ):
        return adaptation
    with transaction.atomic():
        list(RunnerProfile.objects.select_for_update().filter(user=user).values_list("pk"))
        adaptation = current_adaptation(user, today)
        logged_today = SessionLogEntry.objects.filter(user=user, date=today).exists()
        start = today + dt.timedelta(days=1) if logged_today else today
        replan(user=user, profile=profile, today=start, adjustments=adaptation.adjustments)
    return adaptation


def _outcome(row: SessionLogEntry, adaptation: Adaptation, *, created: bool) -> LogOutcome:
    changes = [
        f"{d.reason} [{d.citation}]"
        for d in adaptation.explanations
        if d.date == row.date and d.exercise is not None
    ]
    if adaptation.stop_reason:
        changes.insert(0, adaptation.stop_reason)
    return LogOutcome(
        id=row.pk,
        created=created,
        red_flag_screen_due=adaptation.red_flag_screen_due,
        changes=changes,
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
