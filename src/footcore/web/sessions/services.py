"""Logging use cases: store what was done and felt, then replan the sessions still ahead.

Every stored log, morning check, red-flag screen and clearance replays the whole
history through `footcore.domain.adaptation.adapt` and replans future sessions (from
tomorrow, or from today while today's session is not yet logged). Rows already stored,
and sessions already past, are never rewritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

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
from footcore.domain.stop import pain_now, screen_findings, screen_problems
from footcore.web.library.selectors import catalog
from footcore.web.sessions.models import (
    ClearanceEntry,
    MorningCheckEntry,
    RedFlagScreen,
    SessionLogEntry,
)
from footcore.web.sessions.selectors import (
    current_adaptation,
    current_log,
    exercise_to_dict,
    gate_for,
    history,
    log_from_row,
)
from footcore.web.training import selectors as training_selectors
from footcore.web.training.models import RunnerProfile
from footcore.web.training.services import plan_would_change, replan

__all__ = [
    "Conflict",
    "LogOutcome",
    "correct_log",
    "current_adaptation",
    "log_session",
    "morning_check",
    "record_clearance",
    "record_red_flags",
]


class Conflict(Exception):
    """A request that cannot be done in the runner's current state (HTTP 409).

    `field` names what conflicts: `program` (training is stopped or a screen is
    owed), `idempotency_key` (the key was used for a different log) or `session`
    (the session is already logged: correct it instead).
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


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
    and a date in the future) before anything is written. Raises `Conflict` while
    training is stopped or a red-flag screen is owed (nothing is stored, so nothing
    logged then can step anything up later), when the key was already used for a
    different log, and when the session already has a log (correct it instead).
    """
    _check_log(log, today)
    existing = _by_key(user, log.idempotency_key)
    if existing is not None:
        return _resent(existing, log, user, today)
    _check_gate(user, today)
    if current_log(user, log.date, log.kind) is not None:
        raise _already_logged(log)
    try:
        with transaction.atomic():
            row = _insert(user, log, version=1)
    except IntegrityError:
        # Lost a race with another request: the same key, or the same session.
        existing = _by_key(user, log.idempotency_key)
        if existing is not None:
            return _resent(existing, log, user, today)
        raise _already_logged(log) from None
    return _outcome(row, _replan(user, today), created=True)


def correct_log(*, user: User, log: SessionLog, today: dt.date) -> LogOutcome:
    """Replace the log of `log`'s session with `log`, keeping the earlier version.

    The earlier row stays stored, marked replaced; the correction is a new version
    with its own idempotency key (sent again with the same answers, it is a
    duplicate). The adaptation then replays the corrected history. Raises `Invalid`
    for bad fields, `Conflict` when there is nothing to correct, when the key belongs
    to another log, or while training is stopped or a screen is owed.
    """
    _check_log(log, today)
    existing = _by_key(user, log.idempotency_key)
    if existing is not None:
        return _resent(existing, log, user, today)
    _check_gate(user, today)
    try:
        with transaction.atomic():
            current = (
                SessionLogEntry.objects.select_for_update()
                .filter(user=user, date=log.date, kind=log.kind.value, replaced_at__isnull=True)
                .first()
            )
            if current is None:
                raise Conflict(
                    "session",
                    f"nothing is logged for the {log.kind.value} session of "
                    f"{log.date.isoformat()}: log it first",
                )
            current.replaced_at = timezone.now()
            current.save(update_fields=["replaced_at"])
            row = _insert(user, log, version=current.version + 1)
    except IntegrityError:
        existing = _by_key(user, log.idempotency_key)
        if existing is not None:
            return _resent(existing, log, user, today)
        raise Conflict("session", "the log was corrected at the same time: try again") from None
    return _outcome(row, _replan(user, today), created=True)


def _check_log(log: SessionLog, today: dt.date) -> None:
    problems = log_problems(log) + _catalog_problems(log)
    if log.date > today:
        problems.append(Problem("date", "a session cannot be logged before the day it is done"))
    if problems:
        raise Invalid(problems)


def _check_gate(user: User, today: dt.date) -> None:
    gate = gate_for(user, today)
    if not gate.open:
        raise Conflict("program", f"Not logged. {gate.reason}")


def _by_key(user: User, key: str) -> SessionLogEntry | None:
    return SessionLogEntry.objects.filter(user=user, idempotency_key=key).first()


def _resent(existing: SessionLogEntry, log: SessionLog, user: User, today: dt.date) -> LogOutcome:
    """A key seen before: the same log again is a duplicate; anything else conflicts."""
    if not log_from_row(existing).same_content(log):
        raise Conflict(
            "idempotency_key",
            "this idempotency_key was already used for a different log; nothing was "
            "stored. Send a new key, or correct the session's log",
        )
    return _outcome(existing, current_adaptation(user, today), created=False)


def _already_logged(log: SessionLog) -> Conflict:
    return Conflict(
        "session",
        f"the {log.kind.value} session of {log.date.isoformat()} is already logged: "
        "correct that log instead (POST /api/logs/corrections, the page's "
        "'Correct this log', or `footcore log --correct`)",
    )


def _insert(user: User, log: SessionLog, *, version: int) -> SessionLogEntry:
    return SessionLogEntry.objects.create(
        user=user,
        date=log.date,
        kind=log.kind.value,
        idempotency_key=log.idempotency_key,
        exercises=[exercise_to_dict(e) for e in log.exercises],
        difficulty=log.difficulty.value,
        pain_0_10=log.pain_0_10,
        pain_site=None if log.pain_site is None else log.pain_site.value,
        notes=log.notes,
        version=version,
    )


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


def record_red_flags(*, user: User, answers: Mapping[str, object], today: dt.date) -> Adaptation:
    """Store one complete screen; what it finds (`stop.screen_findings`) stops training.

    Raises `Invalid` naming every question left out (an empty screen names them
    all), every answer that is not yes/no and every unknown key.
    """
    problems = screen_problems(answers)
    if problems:
        raise Invalid(problems)
    values = RedFlagAnswers(**{k: bool(v) for k, v in answers.items()})
    data = {f.name: bool(getattr(values, f.name)) for f in fields(values)}
    findings = screen_findings(values, pain_now=_pain_now(user, today))
    with transaction.atomic():
        RedFlagScreen.objects.create(
            user=user, date=today, answers=data, any_flag=bool(findings), findings=list(findings)
        )
        return _replan(user, today)


def _pain_now(user: User, today: dt.date) -> bool:
    profile = training_selectors.get_profile(user)
    past = history(user, today)
    pains = [log.pain_0_10 for log in past.logs[-1:]]
    pains += [c.pain_0_10 for c in past.checks[-1:] if c.pain_0_10 is not None]
    return pain_now(
        () if profile is None else profile.pain, latest_pain_0_10=max(pains, default=None)
    )


def record_clearance(*, user: User, note: str, today: dt.date) -> Adaptation:
    """The runner confirms a clinician cleared them: training resumes, pauses lift."""
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
