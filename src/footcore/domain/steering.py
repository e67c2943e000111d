"""How self-test results steer the plan, and when to test again.

The mapping from a weak or lopsided result to the exercises brought forward is a
footcore design rule (`footcore-design`): the studies tell us which tests measure what,
not which exercise a given score calls for. Each emphasis carries the sentences that
triggered it, so the planner can show why an exercise moved up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from footcore.domain.assessments import (
    DEFINITIONS,
    AssessmentResult,
    Grade,
    HeelRaiseSurface,
    TestKind,
    Value,
)
from footcore.domain.differences import asymmetry
from footcore.domain.latest import latest_results
from footcore.domain.norms import Standing, compare
from footcore.domain.vocab import Sex, Side

EXERCISES_FOR: Mapping[TestKind, tuple[str, ...]] = {
    TestKind.HEEL_RAISE: ("calf-raises", "heel-raise-towel"),
    TestKind.BALANCE_EYES_OPEN: ("single-leg-raise",),
    TestKind.BALANCE_EYES_CLOSED: ("single-leg-raise",),
    TestKind.TOE_YOGA_BIG_TOE: ("toe-yoga", "toe-curls", "toe-spreads"),
    TestKind.TOE_YOGA_LESSER_TOES: ("toe-yoga", "toe-curls", "toe-spreads"),
    TestKind.PAPER_GRIP_HALLUX: ("toe-yoga", "toe-curls", "toe-spreads"),
    TestKind.PAPER_GRIP_LESSER_TOES: ("toe-yoga", "toe-curls", "toe-spreads"),
    # Ankle circles are the catalog's range-of-motion work; the plantar stretch moves the
    # toes rather than the ankle, so it is not brought forward for a stiff ankle.
    TestKind.KNEE_TO_WALL: ("ankle-rotations",),
    TestKind.SHORT_FOOT_HOLD: ("short-foot",),
}
"""Catalog exercise ids brought forward by a weak or lopsided result (footcore-design).
The planner ignores ids its catalog lacks."""

SHORT_FOOT_HOLD_MIN_S = 10.0
"""footcore-design: there is no published norm (mulligan-cook-2013 only graded the hold),
so a hold under 10 s, twice the 5 s the seeds prescribe, brings the short foot forward."""
FAAM_LOW_PERCENT = 90.0
"""footcore-design: below this on either FAAM subscale the whole plan is emphasised."""
RETEST_EVERY_WEEKS = 4
"""footcore-design, close to the 2- and 4-month assessments of the foot-core trial
(matias-2016) but often enough to steer a plan that changes weekly."""


@dataclass(frozen=True, slots=True)
class Emphasis:
    exercise: str | None
    """Catalog id to bring forward, or None for the whole plan (a low FAAM score)."""
    reasons: tuple[str, ...]
    kinds: tuple[TestKind, ...]
    citation: str = "footcore-design"


def emphasis_from_results(
    results: Iterable[AssessmentResult], age: float | None, sex: Sex | None
) -> tuple[Emphasis, ...]:
    """Exercises to bring forward, from the latest result of each test and side.

    Triggers (all footcore-design): a side below its published norm (`norms.compare`),
    a flagged asymmetry (`differences.asymmetry`), a toe yoga result short of pass or a
    failed paper grip, a short-foot hold under 10 s, and a FAAM subscale under 90%.
    Knee-to-wall has no verified norm, so only its asymmetry counts. A heel raise off
    the incline board is never below a norm (`norms.compare`), and two sides count as
    lopsided only when both were tested on the same surface.
    """
    latest = {key: found.result for key, found in latest_results(results).items()}
    triggers: list[tuple[TestKind, str]] = []
    for kind in EXERCISES_FOR:
        sides = {s: latest[(kind, s)] for s in Side if (kind, s) in latest}
        triggers.extend((kind, reason) for reason in _reasons(kind, sides, age, sex))
    by_exercise: dict[str, tuple[list[str], list[TestKind]]] = {}
    for kind, reason in triggers:
        for exercise in EXERCISES_FOR[kind]:
            reasons, kinds = by_exercise.setdefault(exercise, ([], []))
            if reason not in reasons:
                reasons.append(reason)
            if kind not in kinds:
                kinds.append(kind)
    emphases = [
        Emphasis(exercise, tuple(reasons), tuple(kinds))
        for exercise, (reasons, kinds) in by_exercise.items()
    ]
    faam = _faam_reasons(latest)
    if faam:
        emphases.append(Emphasis(None, tuple(faam), (TestKind.FAAM_ADL, TestKind.FAAM_SPORTS)))
    return tuple(emphases)


def _reasons(
    kind: TestKind, sides: Mapping[Side, AssessmentResult], age: float | None, sex: Sex | None
) -> list[str]:
    reasons: list[str] = []
    for side, result in sides.items():
        reason = _weak(kind, side, result.value, age, sex, result.surface)
        if reason:
            reasons.append(reason)
    if len(sides) == 2 and sides[Side.LEFT].comparable(sides[Side.RIGHT]):
        lopsided = asymmetry(sides[Side.LEFT].value, sides[Side.RIGHT].value, kind)
        if lopsided.flagged:
            reasons.append(lopsided.sentence)
    return reasons


def _weak(
    kind: TestKind,
    side: Side,
    value: Value,
    age: float | None,
    sex: Sex | None,
    surface: HeelRaiseSurface | None,
) -> str:
    if isinstance(value, Grade):
        if value is Grade.PASS:
            return ""
        return f"{DEFINITIONS[kind].short_name}: {side.value} side {value.value}"
    if kind is TestKind.SHORT_FOOT_HOLD:
        if isinstance(value, float | int) and value < SHORT_FOOT_HOLD_MIN_S:
            return (
                f"short-foot hold: {side.value} side {value:g} s, under"
                f" {SHORT_FOOT_HOLD_MIN_S:g} s (footcore-design)"
            )
        return ""
    if kind is TestKind.KNEE_TO_WALL:
        return ""
    interpretation = compare(kind, value, age, sex, surface)
    if interpretation.standing is Standing.BELOW:
        return f"{DEFINITIONS[kind].short_name}, {side.value} side: {interpretation.sentence}"
    return ""


def _faam_reasons(latest: Mapping[tuple[TestKind, Side | None], AssessmentResult]) -> list[str]:
    reasons = []
    for kind, label in ((TestKind.FAAM_ADL, "daily living"), (TestKind.FAAM_SPORTS, "sports")):
        result = latest.get((kind, None))
        if result is None or not isinstance(result.value, float | int):
            continue
        if result.value < FAAM_LOW_PERCENT:
            reasons.append(
                f"FAAM {label} {result.value:.0f}%: under {FAAM_LOW_PERCENT:g}%"
                " (footcore-design); keep the whole plan steady and progress gently"
            )
    return reasons


def retest_dates(start: dt.date, weeks: int) -> tuple[dt.date, ...]:
    """Retest days every 4 weeks after `start`, within a plan of `weeks` weeks.

    The last one may fall on the day after the plan's final week, closing the block with
    a test (footcore-design; the foot-core trial assessed at 2 and 4 months, matias-2016).
    """
    if weeks < 0:
        raise ValueError("weeks cannot be negative")
    return tuple(
        start + dt.timedelta(weeks=RETEST_EVERY_WEEKS * n)
        for n in range(1, weeks // RETEST_EVERY_WEEKS + 1)
    )
