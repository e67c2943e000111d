"""What a stored result means: the norm sentence, the side-to-side gap and the change.

Built only from the pure domain (`norms.compare`, `differences.asymmetry` / `change`),
so the page, the API and the CLI say the same thing in the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from footcore.domain.assessments import (
    DEFINITIONS,
    SURFACE_WORDS,
    AssessmentResult,
    Grade,
    TestKind,
    Trials,
    Value,
)
from footcore.domain.differences import asymmetry, change
from footcore.domain.latest import by_date, latest_results
from footcore.domain.norms import compare
from footcore.domain.vocab import Sex, Side


@dataclass(frozen=True, slots=True)
class Reading:
    """One result with its interpretation."""

    result: AssessmentResult
    shown: str
    """The value for people: `24 reps`, `best 31 s, mean 27.3 s (3 trials)`, `pass`."""
    standing: str
    """`below`, `within`, `above` or `no-norm` (`norms.Standing`)."""
    norm: str
    """The comparison with the published value, with its citation."""
    change: str | None
    """Against the previous result of the same test and side; None for a first result."""
    change_real: bool | None
    """Beyond the test's minimal detectable change; None when none is published."""
    asymmetry: str | None
    """Against the other side tested the same day; None without it."""
    asymmetry_flagged: bool


def show_value(kind: TestKind, value: Value) -> str:
    unit = DEFINITIONS[kind].unit.value
    if isinstance(value, Grade):
        return value.value
    if isinstance(value, Trials):
        trials = ", ".join(f"{v:g}" for v in value.values_s)
        if len(value.values_s) == 1:
            return f"{trials} s (1 trial)"
        return f"best {value.best_s:g} s, mean {value.mean_s:.1f} s (trials {trials} s)"
    return f"{value:g} {unit}" if unit != "%" else f"{value:.1f}%"


def _shown(result: AssessmentResult) -> str:
    shown = show_value(result.kind, result.value)
    return shown if result.surface is None else f"{shown} ({SURFACE_WORDS[result.surface]})"


def readings(
    results: Sequence[AssessmentResult], age: float | None, sex: Sex | None
) -> list[Reading]:
    """Every result (oldest first, `latest.by_date`) with its interpretation against the
    ones before it (heel raises: the ones on the same surface)."""
    results = by_date(results)
    previous: dict[tuple[TestKind, Side | None, object], AssessmentResult] = {}
    same_day: dict[tuple[TestKind, dt.date, Side | None], AssessmentResult] = {}
    for result in results:
        same_day[(result.kind, result.date, result.side)] = result
    out: list[Reading] = []
    for result in results:
        key = (result.kind, result.side, result.surface)
        before = previous.get(key)
        moved = None if before is None else change(before.value, result.value, result.kind)
        other = None
        if result.side is not None:
            other_side = Side.RIGHT if result.side is Side.LEFT else Side.LEFT
            other = same_day.get((result.kind, result.date, other_side))
        gap = None
        if other is not None and other.comparable(result):
            left, right = (result, other) if result.side is Side.LEFT else (other, result)
            gap = asymmetry(left.value, right.value, result.kind)
        interpretation = compare(result.kind, result.value, age, sex, result.surface)
        out.append(
            Reading(
                result=result,
                shown=_shown(result),
                standing=interpretation.standing.value,
                norm=interpretation.sentence,
                change=None if moved is None else moved.sentence,
                change_real=None if moved is None else moved.real,
                asymmetry=None if gap is None else gap.sentence,
                asymmetry_flagged=gap is not None and gap.flagged,
            )
        )
        previous[key] = result
    return out


def latest_readings(
    results: Sequence[AssessmentResult], age: float | None, sex: Sex | None
) -> dict[tuple[TestKind, Side | None], Reading]:
    """The reading of each test and side's latest result (`latest.latest_results`)."""
    wanted = {id(found.result) for found in latest_results(results).values()}
    return {
        (reading.result.kind, reading.result.side): reading
        for reading in readings(results, age, sex)
        if id(reading.result) in wanted
    }
