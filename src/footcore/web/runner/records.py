"""How logged records are stored as JSON, and read back as domain values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from footcore.domain.logbook import Difficulty, ExerciseLog, RedFlagAnswers, SessionLog
from footcore.domain.plan import SessionKind
from footcore.domain.vocab import PainSite, Side

RED_FLAG_FIELDS = tuple(f.name for f in fields(RedFlagAnswers))

LOG_FIELDS = (
    "id",
    "date",
    "kind",
    "exercises",
    "difficulty",
    "pain_0_10",
    "pain_site",
    "notes",
    "idempotency_key",
)
"""The `SessionLogEntry` columns `log_from_values` reads, in its order."""


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


def answers_to_dict(answers: RedFlagAnswers) -> dict[str, bool]:
    return {name: bool(getattr(answers, name)) for name in RED_FLAG_FIELDS}


def log_from_values(values: tuple[Any, ...]) -> SessionLog:
    """A log from a `values_list(*LOG_FIELDS)` row; the row id is its arrival order."""
    row_id, date, kind, exercises, difficulty, pain, site, notes, key = values
    return SessionLog(
        date=date,
        kind=SessionKind(kind),
        exercises=tuple(exercise_from_dict(e) for e in exercises),
        difficulty=Difficulty(difficulty) if difficulty else Difficulty.RIGHT,
        pain_0_10=pain,
        pain_site=PainSite(site) if site else None,
        notes=notes,
        idempotency_key=key,
        recorded=row_id,
    )
