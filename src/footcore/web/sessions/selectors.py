"""Queries over logged sessions, check-ins and safety answers; the adaptation they add up to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from django.contrib.auth.models import User

from footcore.domain.adaptation import Adaptation, ProgramStatus, adapt, explain
from footcore.domain.logbook import (
    Clearance,
    Difficulty,
    ExerciseLog,
    MorningCheck,
    RedFlagAnswers,
    SessionLog,
)
from footcore.domain.plan import ExerciseAdjustment, SessionKind
from footcore.domain.vocab import PainSite, Side
from footcore.web.library.selectors import catalog
from footcore.web.sessions.models import (
    ClearanceEntry,
    MorningCheckEntry,
    RedFlagScreen,
    SessionLogEntry,
)

RED_FLAG_FIELDS = tuple(f.name for f in fields(RedFlagAnswers))
CHECK_WINDOW_DAYS = 7
"""A session older than this no longer asks for its morning check (`footcore-design`)."""


def exercise_to_dict(entry: ExerciseLog) -> dict[str, Any]:
    return {
        "exercise": entry.exercise,
        "variant": entry.variant,
        "side": None if entry.side is None else entry.side.value,
        "done": entry.done,
        "sets_done": entry.sets_done,
        "reps_done": entry.reps_done,
        "holds_done": entry.holds_done,
        "difficulty": None if entry.difficulty is None else entry.difficulty.value,
        "pain_0_10": entry.pain_0_10,
    }


def exercise_from_dict(data: Mapping[str, Any]) -> ExerciseLog:
    return ExerciseLog(
        exercise=data["exercise"],
        variant=data["variant"],
        side=None if data.get("side") is None else Side(data["side"]),
        done=bool(data["done"]),
        sets_done=int(data["sets_done"]),
        reps_done=data.get("reps_done"),
        holds_done=data.get("holds_done"),
        difficulty=None if data.get("difficulty") is None else Difficulty(data["difficulty"]),
        pain_0_10=data.get("pain_0_10"),
    )


def answers_from_dict(data: Mapping[str, Any]) -> RedFlagAnswers:
    return RedFlagAnswers(**{k: bool(v) for k, v in data.items() if k in RED_FLAG_FIELDS})


def names() -> dict[str, str]:
    return {e.id: e.name for e in catalog().exercises}


@dataclass(frozen=True, slots=True)
class History:
    """Everything the runner recorded up to a day, read in one query per table."""

    logs: tuple[SessionLog, ...]
    checks: tuple[MorningCheck, ...]
    screens: tuple[tuple[dt.date, RedFlagAnswers], ...]
    clearances: tuple[Clearance, ...]

    def adapt(self, today: dt.date) -> Adaptation:
        return adapt(
            self.logs,
            self.checks,
            red_flag_answers=self.screens,
            clearances=self.clearances,
            today=today,
            names=names(),
        )


_LOG_FIELDS = (
    "date",
    "kind",
    "exercises",
    "difficulty",
    "pain_0_10",
    "pain_site",
    "notes",
    "idempotency_key",
)


def _log_from_values(values: tuple[Any, ...]) -> SessionLog:
    date, kind, exercises, difficulty, pain, site, notes, key = values
    return SessionLog(
        date=date,
        kind=SessionKind(kind),
        exercises=tuple(exercise_from_dict(e) for e in exercises),
        difficulty=Difficulty(difficulty) if difficulty else Difficulty.RIGHT,
        pain_0_10=pain,
        pain_site=PainSite(site) if site else None,
        notes=notes,
        idempotency_key=key,
    )


def history(user: User, today: dt.date) -> History:
    # Tuples, not model instances: every log replays the whole history, so this
    # read is on the hot path of `POST /api/logs`.
    rows = (
        SessionLogEntry.objects.filter(user=user, date__lte=today)
        .order_by("date", "created_at")
        .values_list(*_LOG_FIELDS)
    )
    return History(
        logs=tuple(_log_from_values(r) for r in rows),
        checks=tuple(
            MorningCheck(r.date, r.session_date, r.settled, r.pain_0_10)
            for r in MorningCheckEntry.objects.filter(user=user, date__lte=today)
        ),
        screens=tuple(
            (r.date, answers_from_dict(r.answers))
            for r in RedFlagScreen.objects.filter(user=user, date__lte=today)
        ),
        clearances=tuple(
            Clearance(r.date, r.note)
            for r in ClearanceEntry.objects.filter(user=user, date__lte=today)
        ),
    )


def current_adaptation(user: User, today: dt.date) -> Adaptation:
    """Replay the user's whole history up to `today` through the adaptation rules."""
    return history(user, today).adapt(today)


def adjustments_for(user: User, today: dt.date) -> Mapping[str, ExerciseAdjustment]:
    """The adaptation rules' changes to apply to sessions from `today` on."""
    return current_adaptation(user, today).adjustments


def pending_check(user: User, today: dt.date) -> dt.date | None:
    """The latest logged session before today still waiting for its next-morning check."""
    return _pending(history(user, today), today)


def _pending(past: History, today: dt.date) -> dt.date | None:
    oldest = today - dt.timedelta(days=CHECK_WINDOW_DAYS)
    days = [log.date for log in past.logs if oldest <= log.date < today]
    if not days or max(days) in {c.session_date for c in past.checks}:
        return None
    return max(days)


@dataclass(frozen=True, slots=True)
class ProgramView:
    """What the pages and the terminal show about safety and adaptation."""

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


def program_view(user: User, today: dt.date) -> ProgramView:
    past = history(user, today)
    adaptation = past.adapt(today)
    return ProgramView(
        status=adaptation.status,
        stop_reason=adaptation.stop_reason,
        red_flag_screen_due=adaptation.red_flag_screen_due,
        explanations=tuple(explain(adaptation)),
        screened=bool(past.screens),
        pending_check=_pending(past, today),
        logged_today=frozenset(log.kind.value for log in past.logs if log.date == today),
    )


def logged_sessions(user: User) -> frozenset[tuple[dt.date, str]]:
    """`(date, kind)` of every logged session, so each plan row can offer its log."""
    rows = SessionLogEntry.objects.filter(user=user).values_list("date", "kind")
    return frozenset((date, kind) for date, kind in rows)
