"""A field path in plain words, for pages: `races[0]` is "race date 1".

The API names fields by their JSON path (`races[0]`, `exercises[2].sets_done`,
`heel-raise.left[1]`), counting from 0. A page shows the same problem next to its
field in words a runner reads, counting from 1. One function does it for every form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from footcore.domain.assessments import DEFINITIONS, TestKind
from footcore.domain.problems import Problem

WORDS: Mapping[str, str] = {
    "start": "start date",
    "weeks": "weeks",
    "run_days": "run day",
    "long_run_day": "long run day",
    "hard_days": "hard workout day",
    "races": "race date",
    "sessions_per_week": "sessions per week",
    "minutes": "minutes per session",
    "concerns": "concern",
    "pain": "pain site",
    "equipment": "equipment",
    "age": "age",
    "sex": "sex",
    "timezone": "time zone",
    "time_of_day": "preferred time",
    "date": "date",
    "session_date": "session date",
    "exercises": "exercise",
    "exercise": "exercise",
    "variant": "variant",
    "sets_done": "sets done",
    "reps_done": "repetitions done",
    "holds_done": "holds done",
    "pain_0_10": "pain (0-10)",
    "pain_site": "where it hurt",
    "difficulty": "difficulty",
    "notes": "notes",
    "note": "note",
    "settled": "settled",
    "answers": "answer",
    "adl": "daily-living item",
    "sports": "sports item",
    "adl_self_rating": "daily-living self-rating",
    "sports_self_rating": "sports self-rating",
    "overall": "overall rating",
    "left": "left",
    "right": "right",
    "test": "test",
    "idempotency_key": "log key",
}
"""The words for each field name; a list's name is the word for one of its elements."""

_SEGMENT = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")
_TEST_NAMES = {kind.value: DEFINITIONS[kind].short_name for kind in TestKind}


def _name(name: str) -> str:
    if name in WORDS:
        return WORDS[name]
    if name in _TEST_NAMES:
        return _TEST_NAMES[name]
    return name.replace("_", " ").replace("-", " ")


def field_words(path: str) -> str:
    """`races[0]` -> "race date 1"; `exercises[2].sets_done` -> "exercise 3, sets done";
    `heel-raise.left[1]` -> "Heel raise, left, trial 2". An empty path stays empty."""
    words: list[str] = []
    for name, indexes in _SEGMENT.findall(path):
        positions = [int(i) + 1 for i in re.findall(r"\d+", indexes)]
        word = _name(name)
        if positions and name in ("left", "right", "value"):
            # A per-side value's index is the trial of a timed test.
            words.append(word)
            words.extend(f"trial {n}" for n in positions)
        elif positions:
            words.append(" ".join([word, *(str(n) for n in positions)]))
        else:
            words.append(word)
    return ", ".join(words)


def problem_words(problem: Problem) -> str:
    """The problem as a page shows it: `race date 2: 2026-11-01 is before the start`."""
    where = field_words(problem.field)
    return f"{where}: {problem.message}" if where else problem.message
