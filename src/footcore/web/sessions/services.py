"""Logging use cases: what was done and felt, stored through the runner's one change path.

Every stored log, morning check, red-flag screen and clearance goes through
`footcore.web.runner.services.apply_change`: the stored adaptation state takes the
change in, and the sessions still ahead are replanned when the plan's inputs changed
(from tomorrow, or from today while nothing is logged today). Rows already stored, and
sessions already past, are never rewritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils import timezone

from footcore.domain.logbook import (
    MAX_NOTES_CHARS,
    Clearance,
    MorningCheck,
    RedFlagAnswers,
    Screen,
    SessionLog,
    log_problems,
    morning_check_problems,
)
from footcore.domain.problems import Invalid, Problem
from footcore.domain.runner import (
    Cleared,
    MorningChecked,
    RedFlagsAnswered,
    SessionCorrected,
    SessionLogged,
)
from footcore.domain.runner_view import ProgramView, change_lines
from footcore.domain.stop import pain_now, screen_findings, screen_problems
from footcore.web.custom_exercises.selectors import runner_catalog
from footcore.web.runner.services import Applied, apply_change
from footcore.web.sessions.conflicts import Conflict
from footcore.web.sessions.models import MorningCheckEntry, SessionLogEntry
from footcore.web.training import selectors as training_selectors

__all__ = [
    "Conflict",
    "LogOutcome",
    "correct_log",
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
    """Store a session's first log once per idempotency key and replan what is ahead.

    Raises `Invalid` naming every bad field (including unknown exercises or variants,
    and a date in the future) before anything is written. Raises `Conflict` while
    training is stopped or a red-flag screen is owed (nothing is stored, so nothing
    logged then can step anything up later), when the key was already used for a
    different log, and when the session already has a log (correct it instead).
    `today` defaults to the runner's today.
    """
    _check_log(user, log, today)
    return _outcome(apply_change(user=user, change=SessionLogged(log), today=today))


def _check_log(user: User, log: SessionLog, today: dt.date | None) -> None:
    problems = log_problems(log) + _catalog_problems(user, log)
    if today is not None and log.date > today:
        problems.append(Problem("date", "a session cannot be logged before the day it is done"))
    if problems:
        raise Invalid(problems)


def correct_log(*, user: User, log: SessionLog, today: dt.date | None = None) -> LogOutcome:
    """Replace the log of `log`'s session with `log`, keeping the earlier version.

    The earlier row stays stored, marked replaced; the correction is the next version
    with its own idempotency key (sent again with the same answers, it is a
    duplicate). The stored state is refolded from the corrected day. Raises `Invalid`
    for bad fields, `Conflict` when there is nothing to correct, when the key belongs
    to another log, or while training is stopped or a screen is owed.
    """
    _check_log(user, log, today)
    return _outcome(apply_change(user=user, change=SessionCorrected(log), today=today))


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


def record_red_flags(*, user: User, answers: Mapping[str, object], today: dt.date) -> ProgramView:
    """Store one complete screen; what it finds (`stop.screen_findings`, decided now and
    stored with it) stops training.

    Raises `Invalid` naming every question left out (an empty screen names them
    all), every answer that is not yes/no and every unknown key.
    """
    problems = screen_problems(answers)
    if problems:
        raise Invalid(problems)
    values = RedFlagAnswers(**{k: bool(v) for k, v in answers.items()})
    findings = screen_findings(values, pain_now=_pain_now(user, today))
    screen = Screen(today, values, timezone.now(), findings)
    return apply_change(user=user, change=RedFlagsAnswered(screen), today=today).view


def _pain_now(user: User, today: dt.date) -> bool:
    """Pain at a bone-stress site now (the profile), or the latest session or morning
    pain at the screening threshold."""
    profile = training_selectors.get_profile(user)
    logs = SessionLogEntry.objects.filter(user=user, date__lte=today, replaced_at__isnull=True)
    pains = list(logs.order_by("-date", "-created_at").values_list("pain_0_10", flat=True)[:1])
    checks = MorningCheckEntry.objects.filter(user=user, date__lte=today)
    latest = checks.order_by("-date", "-pk").values_list("pain_0_10", flat=True).first()
    if latest is not None:
        pains.append(latest)
    return pain_now(
        () if profile is None else profile.pain, latest_pain_0_10=max(pains, default=None)
    )


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
    changes = change_lines(applied.decisions, applied.view.stop_reason)
    return LogOutcome(
        id=applied.record_id,
        created=applied.created,
        red_flag_screen_due=applied.view.red_flag_screen_due,
        changes=changes,
        view=applied.view,
    )


def _catalog_problems(user: User, log: SessionLog) -> list[Problem]:
    cat = runner_catalog(user, [e.exercise for e in log.exercises])
    known = {e.id: e for e in cat.exercises}
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
