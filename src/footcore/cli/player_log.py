"""After the terminal player: the questions, and the session log built from what was played."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.console import Console
from rich.prompt import Prompt

from footcore.cli.player_core import WORK_KINDS
from footcore.domain.logbook import (
    MAX_NOTES_CHARS,
    PAIN_MAX,
    PAIN_MIN,
    Difficulty,
    ExerciseLog,
    SessionLog,
)
from footcore.domain.plan import PlannedSession
from footcore.domain.timeline import Step
from footcore.domain.vocab import PainSite, Side


@dataclass(frozen=True, slots=True)
class Answers:
    difficulty: Difficulty
    pain_0_10: int
    pain_site: PainSite | None
    notes: str


def exercise_logs(
    session: PlannedSession, steps: Sequence[Step], completed: Collection[int]
) -> tuple[ExerciseLog, ...]:
    """One entry per exercise and side, counted from the working steps played to their end.

    A side is `done` when none of its holds, reps or bouts was skipped; `sets_done`
    counts the sets played in full; `holds_done` / `reps_done` count the steps played
    (a dose of one untimed bout per set counts sets only).
    """
    logs: list[ExerciseLog] = []
    for item in session.items:
        dose = item.dose
        counted = dose.reps_min is not None or dose.reps_max is not None
        sides: tuple[Side | None, ...] = (Side.RIGHT, Side.LEFT) if dose.per_side else (None,)
        for side in sides:
            work = [
                s
                for s in steps
                if s.kind in WORK_KINDS and s.exercise == item.exercise and s.side == side
            ]
            played = [s for s in work if s.index in completed]
            sets_done = sum(
                1
                for set_no in range(1, dose.sets + 1)
                if (in_set := [s for s in work if s.set_no == set_no])
                and all(s.index in completed for s in in_set)
            )
            holds = len(played) if dose.hold_s is not None else None
            reps = len(played) if counted and dose.hold_s is None else None
            logs.append(
                ExerciseLog(
                    exercise=item.exercise,
                    variant=item.variant,
                    side=side,
                    done=bool(work) and len(played) == len(work),
                    sets_done=sets_done,
                    reps_done=reps,
                    holds_done=holds,
                )
            )
    return tuple(logs)


def session_log(
    session: PlannedSession,
    steps: Sequence[Step],
    completed: Collection[int],
    answers: Answers,
    *,
    key: str | None = None,
) -> SessionLog:
    return SessionLog(
        date=session.date,
        kind=session.kind,
        exercises=exercise_logs(session, steps, completed),
        difficulty=answers.difficulty,
        pain_0_10=answers.pain_0_10,
        pain_site=answers.pain_site,
        notes=answers.notes,
        idempotency_key=key or str(uuid.uuid4()),
    )


Ask = Callable[[str], str]
T = TypeVar("T")


def ask_answers(console: Console) -> Answers:
    """Ask how the session went; a bad answer is asked again, naming the field."""

    def ask(question: str) -> str:
        return Prompt.ask(question, console=console, default="", show_default=False)

    return read_answers(ask, console)


def read_answers(ask: Ask, console: Console) -> Answers:
    choices = " / ".join(d.value for d in Difficulty)
    difficulty = _until_valid(
        ask, console, f"How did it feel? ({choices})", "difficulty", _difficulty
    )
    pain = _until_valid(ask, console, f"Worst pain, {PAIN_MIN}-{PAIN_MAX}", "pain", _pain)
    site: PainSite | None = None
    if pain > 0:
        sites = ", ".join(p.value for p in PainSite)
        site = _until_valid(ask, console, f"Where? ({sites}; blank: skip)", "pain site", _site)
    notes = _until_valid(ask, console, "Notes (blank: none)", "notes", _notes)
    return Answers(difficulty, pain, site, notes)


def _until_valid(
    ask: Ask, console: Console, question: str, field: str, parse: Callable[[str], T]
) -> T:
    while True:
        raw = ask(question)
        try:
            return parse(raw.strip())
        except ValueError as exc:
            console.print(f"[red]{field}:[/] {exc}", highlight=False)


def _difficulty(raw: str) -> Difficulty:
    words = {d.value: d for d in Difficulty} | {"easy": Difficulty.TOO_EASY}
    words |= {"right": Difficulty.RIGHT, "ok": Difficulty.RIGHT, "hard": Difficulty.TOO_HARD}
    found = words.get(raw.lower().replace(" ", "-"))
    if found is None:
        raise ValueError("answer " + ", ".join(d.value for d in Difficulty))
    return found


def _pain(raw: str) -> int:
    if not raw.isdigit() or not PAIN_MIN <= int(raw) <= PAIN_MAX:
        raise ValueError(f"enter a whole number from {PAIN_MIN} to {PAIN_MAX}")
    return int(raw)


def _site(raw: str) -> PainSite | None:
    if not raw:
        return None
    try:
        return PainSite(raw.lower())
    except ValueError:
        raise ValueError(
            "one of " + ", ".join(p.value for p in PainSite) + ", or leave it blank"
        ) from None


def _notes(raw: str) -> str:
    if len(raw) > MAX_NOTES_CHARS:
        raise ValueError(f"at most {MAX_NOTES_CHARS} characters")
    return raw
