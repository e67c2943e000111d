"""What a runner records after a session, as plain frozen values.

The adaptation rules (`adaptation`) read these; nothing here decides anything.
`log_problems` and `morning_check_problems` list what is wrong with a record so the
adapters can reject it before it is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum

from footcore.domain.plan import SessionKind
from footcore.domain.problems import Problem
from footcore.domain.vocab import (
    PainSite,
    Side,
)

PAIN_MIN = 0
PAIN_MAX = 10
MAX_SETS = 50
MAX_REPS = 200
MAX_NOTES_CHARS = 4000


class Difficulty(StrEnum):
    """How a session (or one exercise of it) felt."""

    TOO_EASY = "too-easy"
    RIGHT = "just-right"
    TOO_HARD = "too-hard"


@dataclass(frozen=True, slots=True)
class ExerciseLog:
    """What was done of one exercise, for one side or for both feet together."""

    exercise: str
    variant: str
    side: Side | None
    done: bool
    """The whole prescribed dose was completed."""
    sets_done: int
    reps_done: int | None = None
    """Repetitions completed over all sets, where the dose counts repetitions."""
    holds_done: int | None = None
    """Isometric holds completed over all sets, where the dose holds."""
    difficulty: Difficulty | None = None
    """How this exercise felt, when it differs from the session's overall answer."""
    pain_0_10: int | None = None
    """Pain during this exercise, when the runner tells it apart from the session's."""

    @property
    def attempted(self) -> bool:
        """Any work was done, even if the dose was not finished."""
        return self.done or self.sets_done > 0 or bool(self.reps_done) or bool(self.holds_done)


@dataclass(frozen=True, slots=True)
class SessionLog:
    date: dt.date
    kind: SessionKind
    exercises: tuple[ExerciseLog, ...]
    difficulty: Difficulty
    pain_0_10: int
    """The worst pain during or right after the session, 0 (none) to 10 (worst)."""
    pain_site: PainSite | None
    notes: str
    idempotency_key: str
    """Chosen by the client, so that a log sent twice is stored once."""
    recorded: int = 0
    """Arrival order (the adapter's row id): logs of one day are replayed in this order,
    so a stored state can take each new log on top without replaying the day."""


@dataclass(frozen=True, slots=True)
class MorningCheck:
    """The next-morning answer: has the pain from `session_date` settled?"""

    date: dt.date
    session_date: dt.date
    settled: bool
    pain_0_10: int | None = None


@dataclass(frozen=True, slots=True)
class RedFlagAnswers:
    """One answer per red-flag question (`safety.RED_FLAG_QUESTIONS`); True means yes.

    Field names equal the `safety.RedFlag` member names in lower case.
    """

    cannot_take_four_steps: bool = False
    ankle_bone_tenderness: bool = False
    midfoot_bone_tenderness: bool = False
    focal_bone_pain: bool = False
    achilles_pop: bool = False
    calf_swelling: bool = False
    fever_or_hot_joint: bool = False
    numbness: bool = False
    night_or_rest_pain: bool = False
    diabetic_foot: bool = False

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True, slots=True)
class Clearance:
    """A clinician's go-ahead to train again, recorded on `date`."""

    date: dt.date
    note: str


def log_problems(log: SessionLog) -> list[Problem]:
    """Everything wrong with a session log; an empty list means it can be stored.

    Pain is on the 0-10 numeric rating scale used by the pain-monitoring model
    (`silbernagel-2007`); the upper bounds on sets and repetitions only catch typing
    slips (`footcore-design`).
    """
    problems: list[Problem] = []
    _check_pain(problems, "pain_0_10", log.pain_0_10)
    if not log.idempotency_key.strip():
        problems.append(Problem("idempotency_key", "must not be empty"))
    if len(log.notes) > MAX_NOTES_CHARS:
        problems.append(Problem("notes", f"must be at most {MAX_NOTES_CHARS} characters"))
    seen: set[tuple[str, Side | None]] = set()
    for i, entry in enumerate(log.exercises):
        where = f"exercises[{i}]"
        if not entry.exercise.strip():
            problems.append(Problem(f"{where}.exercise", "must name an exercise"))
        if not entry.variant.strip():
            problems.append(Problem(f"{where}.variant", "must name a variant"))
        if not 0 <= entry.sets_done <= MAX_SETS:
            problems.append(Problem(f"{where}.sets_done", f"must be 0 to {MAX_SETS}"))
        for name, value in (("reps_done", entry.reps_done), ("holds_done", entry.holds_done)):
            if value is not None and not 0 <= value <= MAX_REPS:
                problems.append(Problem(f"{where}.{name}", f"must be 0 to {MAX_REPS}"))
        if entry.pain_0_10 is not None:
            _check_pain(problems, f"{where}.pain_0_10", entry.pain_0_10)
        if entry.done and entry.sets_done == 0:
            problems.append(
                Problem(f"{where}.sets_done", "a finished exercise needs at least one set")
            )
        key = (entry.exercise, entry.side)
        if key in seen:
            side = entry.side.value if entry.side else "both feet"
            problems.append(Problem(where, f"{entry.exercise} ({side}) is logged twice"))
        seen.add(key)
    return problems


def morning_check_problems(check: MorningCheck) -> list[Problem]:
    """Everything wrong with a next-morning check (it must come after its session)."""
    problems: list[Problem] = []
    if check.date <= check.session_date:
        problems.append(Problem("date", "the morning check must be dated after its session"))
    if check.pain_0_10 is not None:
        _check_pain(problems, "pain_0_10", check.pain_0_10)
    return problems


def _check_pain(problems: list[Problem], where: str, value: int) -> None:
    if not PAIN_MIN <= value <= PAIN_MAX:
        problems.append(Problem(where, f"must be {PAIN_MIN} to {PAIN_MAX}"))


def exercise_label(exercise_id: str, names: Mapping[str, str]) -> str:
    """The exercise's display name, or its id made readable when no name is known."""
    name = names.get(exercise_id)
    if name:
        return name
    words = exercise_id.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "Exercise"


def unique_logs(logs: Iterable[SessionLog]) -> list[SessionLog]:
    """Logs in date order, each idempotency key kept once (a log sent twice counts once)."""
    ordered = sorted(logs, key=replay_key)
    seen: set[str] = set()
    unique = []
    for log in ordered:
        if log.idempotency_key not in seen:
            seen.add(log.idempotency_key)
            unique.append(log)
    return unique


def replay_key(log: SessionLog) -> tuple[dt.date, int, str, str, str]:
    """The order logs are replayed in: by day, then as they arrived.

    repr() breaks ties between different logs that share a date, arrival, kind and
    key, so the order never depends on the order of the input.
    """
    return (log.date, log.recorded, log.kind.value, log.idempotency_key, repr(log))


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: dt.date) -> str:
    """'Tuesday 8 Dec': spelled out here so the text never depends on the process locale."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
