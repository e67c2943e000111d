"""The JSON form of a `RunnerState`, as the web stores it (one row per runner).

Compact on purpose: the row is read and written on every change. `state_from_dict`
raises ValueError (naming the version) on a form it does not know, so the adapter can
rebuild the state from the history instead.

The exercises' states (now and at each checkpoint) are kept as JSON text inside the
JSON: a change makes one new exercises value and keeps the checkpoints it had, so an
adapter can remember the text of each value it wrote or read (`exercises_text`,
`exercises_parse`) and turn only the new one into text, or back into values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from footcore.domain.adaptation import Rule, RuleDecision
from footcore.domain.runner_state import (
    Checkpoint,
    Exercises,
    ExerciseState,
    LogDay,
    RunnerState,
)
from footcore.domain.stop import SafetyEvent, SafetyKind

VERSION = 5
READS = frozenset({4, VERSION})
"""5: the exercises' states kept as JSON text, the trained weeks as one string of days
(4 kept both as JSON lists, read as well);
4: the weeks with a strength session logged (3 did not keep them); 3: the stop kept
as ordered screens and clearances (1 kept dates), with the criteria's holds and
per-exercise pain (2 had one of the two)."""


ExercisesText = Callable[[Exercises], str]
ExercisesParse = Callable[[str], Exercises]


def exercises_to_text(exercises: Exercises) -> str:
    """The stored text of one exercises value (each exercise's state, by id): the JSON
    of `exercises_to_plain`, compact and in UTF-8, the form a faster encoder (orjson,
    in the web adapter) writes too; any JSON of the same value reads the same."""
    return json.dumps(exercises_to_plain(exercises), separators=(",", ":"), ensure_ascii=False)


def exercises_from_text(text: str) -> Exercises:
    """The exercises value `exercises_to_text` wrote; ValueError/TypeError when damaged."""
    return exercises_from_plain(json.loads(text))


def state_to_dict(
    state: RunnerState, exercises_text: ExercisesText = exercises_to_text
) -> dict[str, Any]:
    """`exercises_text` turns an exercises value into its text: an adapter may pass one
    that remembers values it has seen (the text must be `exercises_to_text`'s)."""
    return {
        "v": VERSION,
        "exercises": exercises_text(state.exercises),
        "last_event": None
        if state.last_event is None
        else [state.last_event[0].isoformat(), state.last_event[1], state.last_event[2]],
        "checkpoints": [
            [c.day.isoformat(), exercises_text(c.exercises)] for c in state.checkpoints
        ],
        "log_days": [[d.date.isoformat(), list(d.kinds), d.checked] for d in state.log_days],
        "worst_pain": None
        if state.worst_pain is None
        else [
            state.worst_pain[0].isoformat(),
            None if state.worst_pain[1] is None else state.worst_pain[1].isoformat(),
            state.worst_pain[2],
        ],
        "safety": [
            [e.recorded_at.isoformat(), e.kind.value, _day_to(e.day), list(e.reasons)]
            for e in state.safety
        ],
        "emphasis": list(state.emphasis),
        "screen_before_loading": state.screen_before_loading,
        "trained_weeks": _weeks_text(state.trained_weeks),
    }


def state_from_dict(
    data: Mapping[str, Any], exercises_parse: ExercisesParse = exercises_from_text
) -> RunnerState:
    """`exercises_parse` reads an exercises value's text (`exercises_from_text`, or one
    that remembers texts it has seen)."""
    if data.get("v") not in READS:
        raise ValueError(f"runner state version {data.get('v')!r} is not {VERSION}")

    def exercises(stored: Any) -> Exercises:
        if isinstance(stored, str):
            return exercises_parse(stored)
        if data["v"] == 4 and isinstance(stored, list):
            return exercises_from_plain(stored)
        raise TypeError(f"runner state exercises are {type(stored).__name__}, not text")

    last = data["last_event"]
    worst = data["worst_pain"]
    return RunnerState(
        exercises=exercises(data["exercises"]),
        last_event=None if last is None else (_day(last[0]), int(last[1]), int(last[2])),
        checkpoints=tuple(
            Checkpoint(_day(day), exercises(stored)) for day, stored in data["checkpoints"]
        ),
        log_days=tuple(
            LogDay(_day(day), tuple(kinds), bool(checked))
            for day, kinds, checked in data["log_days"]
        ),
        worst_pain=None
        if worst is None
        else (_day(worst[0]), _instant_from(worst[1]), int(worst[2])),
        safety=tuple(
            SafetyEvent(
                dt.datetime.fromisoformat(at), SafetyKind(kind), tuple(reasons), _day_from(day)
            )
            for at, kind, day, reasons in data["safety"]
        ),
        emphasis=tuple(data["emphasis"]),
        screen_before_loading=bool(data["screen_before_loading"]),
        trained_weeks=_weeks(data["trained_weeks"]),
    )


@lru_cache(maxsize=512)
def _weeks_text(weeks: tuple[dt.date, ...]) -> str:
    """The weeks with a strength log, as one string of days: the list grows a week at
    a time with the history and changes far less often than the state around it, so
    its text is remembered (by value) rather than written out on every change."""
    return " ".join(d.isoformat() for d in weeks)


def _weeks(stored: Any) -> tuple[dt.date, ...]:
    if isinstance(stored, list):  # version 4
        return tuple(_day(d) for d in stored)
    if not isinstance(stored, str):
        raise TypeError(f"runner state trained_weeks are {type(stored).__name__}, not text")
    return _weeks_from(stored)


@lru_cache(maxsize=512)
def _weeks_from(text: str) -> tuple[dt.date, ...]:
    return tuple(_day(d) for d in text.split())


def exercises_to_plain(exercises: Exercises) -> list[list[Any]]:
    """One exercises value as lists, strings and numbers (what its stored text holds)."""
    return [
        [
            ex,
            st.level,
            st.paused,
            [d.isoformat() for d in st.bad_in_a_row],
            [d.isoformat() for d in st.easy_in_a_row],
            _decision_to(st.last_change),
            # The latest decision is most often the last change itself: stored once.
            "="
            if st.latest is not None and st.latest == st.last_change
            else _decision_to(st.latest),
            [d.isoformat() for d in st.holds],
            [[d.isoformat(), p] for d, p in st.pains],
        ]
        for ex, st in exercises
    ]


def exercises_from_plain(rows: list[list[Any]]) -> Exercises:
    """The exercises value `exercises_to_plain` gave; ValueError/TypeError when damaged."""
    found = []
    for ex, level, paused, bad, easy, change, latest, holds, pains in rows:
        last_change = _decision_from(change)
        found.append(
            (
                str(ex),
                ExerciseState(
                    level=int(level),
                    paused=bool(paused),
                    bad_in_a_row=tuple(_day(d) for d in bad),
                    easy_in_a_row=tuple(_day(d) for d in easy),
                    last_change=last_change,
                    latest=last_change if latest == "=" else _decision_from(latest),
                    holds=tuple(_day(d) for d in holds),
                    pains=tuple((_day(d), int(p)) for d, p in pains),
                ),
            )
        )
    return tuple(found)


def _decision_to(decision: RuleDecision | None) -> list[Any] | None:
    if decision is None:
        return None
    return [
        decision.rule.value,
        decision.date.isoformat(),
        decision.exercise,
        decision.reason,
        decision.citation,
        decision.level_delta,
    ]


def _decision_from(data: list[Any] | None) -> RuleDecision | None:
    if data is None:
        return None
    rule, day, exercise, reason, citation, delta = data
    return RuleDecision(Rule(rule), _day(day), exercise, reason, citation, int(delta))


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _instant_from(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def _day_to(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day_from(text: str | None) -> dt.date | None:
    return None if text is None else _day(text)
