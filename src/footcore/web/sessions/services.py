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
from footcore.domain.corrections import LogDecision, decide_log, next_version
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
from footcore.web.sessions.conflicts import Conflict, refusal
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


@dataclass(frozen=True, slots=True)
class LogOutcome:
    id: int
    created: bool
    """False when a log with the same idempotency key was already stored."""
    red_flag_screen_due: bool
    changes: list[str]
    """What the rules decided from this session's log, one line per exercise."""


def log_session(*, user: User, log: SessionLog, today: dt.date) -> LogOutcome:
    """Store a session's first log once per idempotency key and replan what is ahead.

    Raises `Invalid` naming every bad field (including unknown exercises or variants,
    and a date in the future) before anything is written. Raises `Conflict` while
    training is stopped or a red-flag screen is owed (nothing is stored, so nothing
    logged then can step anything up later), when the key was already used for a
    different log, and when the session already has a log (correct it instead).
    """
    return _store(user=user, log=log, today=today, correction=False)


def correct_log(*, user: User, log: SessionLog, today: dt.date) -> LogOutcome:
    """Replace the log of `log`'s session with `log`, keeping the earlier version.

    The earlier row stays stored, marked replaced; the correction is the next version
    with its own idempotency key (sent again with the same answers, it is a
    duplicate). The adaptation then replays the corrected history. Raises `Invalid`
    for bad fields, `Conflict` when there is nothing to correct, when the key belongs
    to another log, or while training is stopped or a screen is owed.
    """
    return _store(user=user, log=log, today=today, correction=True)


def _store(*, user: User, log: SessionLog, today: dt.date, correction: bool) -> LogOutcome:
    """Read, let `decide_log` decide, write once; a lost race is decided again."""
    _check_log(log, today)
    for _ in range(2):
        same_key = _by_key(user, log.idempotency_key)
        in_force = current_log(user, log.date, log.kind)
        decision = decide_log(
            log,
            same_key=None if same_key is None else log_from_row(same_key),
            in_force=None if in_force is None else log_from_row(in_force),
            correction=correction,
        )
        if same_key is not None and decision is LogDecision.DUPLICATE:
            return _outcome(same_key, current_adaptation(user, today), created=False)
        if decision not in (LogDecision.STORE, LogDecision.CORRECT):
            raise refusal(decision, log)
        _check_gate(user, today)
        try:
            with transaction.atomic():
                locked = (
                    SessionLogEntry.objects.select_for_update()
                    .filter(user=user, date=log.date, kind=log.kind.value, replaced_at__isnull=True)
                    .first()
                )
                if (locked is None) != (in_force is None) or (
                    locked is not None and in_force is not None and locked.pk != in_force.pk
                ):
                    continue  # changed since the read: decide again
                if locked is not None:
                    locked.replaced_at = timezone.now()
                    locked.save(update_fields=["replaced_at"])
                version = next_version(None if locked is None else locked.version)
                row = _insert(user, log, version=version)
        except IntegrityError:
            continue  # the same key or the same session, stored meanwhile
        return _outcome(row, _replan(user, today), created=True)
    raise Conflict("session", "the session's log changed at the same time: send it again")


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
