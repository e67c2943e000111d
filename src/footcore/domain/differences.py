"""Differences that matter: one side against the other, and a retest against the last test.

A difference is reported as real only when it exceeds the test's threshold: a published
measurement error where one exists, otherwise a labelled footcore design rule. Where no
threshold exists the difference is shown and `real` is None, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from footcore.domain.assessments import DEFINITIONS, Grade, TestKind, Unit, Value, headline
from footcore.domain.norms import HEEL_RAISE_LOA, EvidenceStatus, Threshold
from footcore.domain.vocab import Side

CHANGE_THRESHOLDS: dict[TestKind, Threshold] = {
    TestKind.HEEL_RAISE: HEEL_RAISE_LOA,
    TestKind.KNEE_TO_WALL: Threshold(
        value=1.9,
        unit=Unit.CENTIMETRES,
        meaning="minimal detectable change, same rater",
        citation="powden-2015",
        status=EvidenceStatus.VERIFIED,
    ),
    TestKind.FAAM_ADL: Threshold(
        value=5.7,
        unit=Unit.PERCENT,
        meaning="minimal detectable change",
        citation="martin-faam-2005",
        status=EvidenceStatus.VERIFIED,
    ),
    TestKind.FAAM_SPORTS: Threshold(
        value=12.3,
        unit=Unit.PERCENT,
        meaning="minimal detectable change",
        citation="martin-faam-2005",
        status=EvidenceStatus.VERIFIED,
    ),
}
"""Changes smaller than these can be measurement noise (evidence.md sections 2 and 6)."""

CLINICALLY_IMPORTANT: dict[TestKind, Threshold] = {
    kind: Threshold(
        value=value,
        unit=Unit.PERCENT,
        meaning="minimal clinically important difference",
        citation="martin-faam-2005",
        status=EvidenceStatus.VERIFIED,
    )
    for kind, value in ((TestKind.FAAM_ADL, 8.0), (TestKind.FAAM_SPORTS, 9.0))
}

KNEE_TO_WALL_SIDES = Threshold(
    value=1.5,
    unit=Unit.CENTIMETRES,
    meaning="minimal detectable side-to-side difference (measured in patients)",
    citation="chisholm-2012",
    status=EvidenceStatus.VERIFIED,
)
HEEL_RAISE_SIDES = Threshold(
    value=10.0,
    unit=Unit.PERCENT,
    meaning="gap between sides, as a share of the stronger side",
    citation="footcore-design",
    status=EvidenceStatus.DESIGN,
)
"""A common clinical limb-symmetry rule we could not trace to a paper, hence a design rule."""
TIMED_HOLD_SIDES = Threshold(
    value=25.0,
    unit=Unit.PERCENT,
    meaning="gap between sides, as a share of the better side, and more than 3 s",
    citation="footcore-design",
    status=EvidenceStatus.DESIGN,
)
TIMED_HOLD_MIN_GAP_S = 3.0
"""Single-leg times scatter by seconds between attempts, so a small absolute gap on
short times (2 s against 3 s) is not flagged however large it is in percent."""
GRADES_DIFFER = Threshold(
    value=1.0,
    unit=Unit.GRADE,
    meaning="the two sides earn different grades",
    citation="footcore-design",
    status=EvidenceStatus.DESIGN,
)

_GRADE_RANK = {Grade.FAIL: 0, Grade.PARTIAL: 1, Grade.PASS: 2}
_TIMED = (TestKind.BALANCE_EYES_OPEN, TestKind.BALANCE_EYES_CLOSED, TestKind.SHORT_FOOT_HOLD)


@dataclass(frozen=True, slots=True)
class Asymmetry:
    kind: TestKind
    left: float | Grade
    right: float | Grade
    difference: float | None
    """Absolute difference in the test's unit; None for graded tests."""
    gap_percent: float | None
    """The difference as a share of the better side."""
    weaker: Side | None
    """The lower-scoring side (for knee-to-wall: the stiffer ankle); None when equal."""
    flagged: bool
    threshold: Threshold | None
    sentence: str


def asymmetry(left: Value, right: Value, kind: TestKind) -> Asymmetry:
    """Compare the two sides of one test; higher is better for every per-side test.

    Flags: knee-to-wall when the sides differ by more than 1.5 cm (chisholm-2012);
    heel raises when the gap exceeds 10% of the stronger side (footcore-design);
    balance and short-foot holds when the gap exceeds 25% and 3 s (footcore-design);
    graded tests when the grades differ (footcore-design). Big-toe extension has no
    threshold and is never flagged. Timed tests use the best trial of each side.
    """
    definition = DEFINITIONS[kind]
    if not definition.per_side:
        raise ValueError(f"{definition.name} is not tested per side")
    left_v, right_v = headline(left), headline(right)
    label = definition.short_name
    if isinstance(left_v, Grade) or isinstance(right_v, Grade):
        if not (isinstance(left_v, Grade) and isinstance(right_v, Grade)):
            raise ValueError(f"{label}: both sides need a grade")
        rank_l, rank_r = _GRADE_RANK[left_v], _GRADE_RANK[right_v]
        weaker = None if rank_l == rank_r else (Side.LEFT if rank_l < rank_r else Side.RIGHT)
        flagged = weaker is not None
        sentence = f"{label}: left {left_v}, right {right_v}" + (
            " (the sides differ, footcore-design)." if flagged else "."
        )
        return Asymmetry(
            kind, left_v, right_v, None, None, weaker, flagged, GRADES_DIFFER, sentence
        )

    # Rounded so a gap exactly on a threshold is not pushed over it by float error.
    difference = round(abs(left_v - right_v), 6)
    better = max(left_v, right_v)
    gap_percent = 100 * difference / better if better > 0 else 0.0
    weaker = None if left_v == right_v else (Side.LEFT if left_v < right_v else Side.RIGHT)
    threshold: Threshold | None
    if kind is TestKind.KNEE_TO_WALL:
        threshold = KNEE_TO_WALL_SIDES
        flagged = difference > threshold.value
    elif kind is TestKind.HEEL_RAISE:
        threshold = HEEL_RAISE_SIDES
        flagged = gap_percent > threshold.value
    elif kind in _TIMED:
        threshold = TIMED_HOLD_SIDES
        flagged = gap_percent > threshold.value and difference > TIMED_HOLD_MIN_GAP_S
    else:
        threshold, flagged = None, False
    unit = definition.unit.value
    sentence = (
        f"{label}: left side {_num(left_v)} vs right {_num(right_v)} {unit}"
        f" ({_num(difference)} {unit} apart, {gap_percent:.0f}% of the better side)"
    )
    if threshold is None:
        sentence += "; no side-to-side threshold is known for this test."
    elif flagged:
        sentence += f", more than the {_describe(threshold)} ({threshold.citation})."
    else:
        sentence += f", within the {_describe(threshold)} ({threshold.citation})."
    return Asymmetry(
        kind, left_v, right_v, difference, gap_percent, weaker, flagged, threshold, sentence
    )


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


@dataclass(frozen=True, slots=True)
class Change:
    kind: TestKind
    previous: float | Grade
    current: float | Grade
    difference: float | None
    """current - previous in the test's unit; None for graded tests."""
    direction: Direction
    threshold: Threshold | None
    real: bool | None
    """Beyond the measurement error; None when no threshold is published."""
    important: bool | None
    """Beyond the minimal clinically important difference (FAAM only), else None."""
    sentence: str


def change(previous: Value, current: Value, kind: TestKind) -> Change:
    """How a retest compares with an earlier result of the same test and side.

    A change is "real" only when it is larger than the test's threshold: heel raises
    6.2 reps (hebert-losier-2017 between-day limits of agreement), knee-to-wall 1.9 cm
    (powden-2015 same-rater MDC), FAAM 5.7 points ADL / 12.3 Sports (martin-faam-2005
    MDC; 8 / 9 points are also clinically important). Other tests have no published
    threshold, so the change is described without a verdict.
    """
    definition = DEFINITIONS[kind]
    before, after = headline(previous), headline(current)
    label = definition.short_name
    if isinstance(before, Grade) or isinstance(after, Grade):
        if not (isinstance(before, Grade) and isinstance(after, Grade)):
            raise ValueError(f"{label}: both results need a grade")
        step = _GRADE_RANK[after] - _GRADE_RANK[before]
        direction = _direction(step)
        moved = "unchanged" if step == 0 else f"{before} -> {after}"
        sentence = f"{label}: {moved}; no published threshold, so read one retest with care."
        return Change(kind, before, after, None, direction, None, None, None, sentence)

    difference = round(after - before, 6)
    direction = _direction(difference)
    unit = definition.unit.value
    moved = f"{label}: {_num(before)} -> {_num(after)} {unit} ({difference:+.1f})"
    threshold = CHANGE_THRESHOLDS.get(kind)
    if threshold is None:
        sentence = f"{moved}; no published measurement error, so this is not judged."
        return Change(kind, before, after, difference, direction, None, None, None, sentence)
    real = abs(difference) > threshold.value
    verdict = "within measurement error"
    if real:
        verdict = "a real improvement" if direction is Direction.BETTER else "a real decline"
    sentence = f"{moved}: {verdict} (threshold {_describe(threshold)}, {threshold.citation})."
    important: bool | None = None
    mcid = CLINICALLY_IMPORTANT.get(kind)
    if mcid is not None:
        important = abs(difference) >= mcid.value
        if important and real:
            sentence += f" It is also large enough to matter ({_describe(mcid)})."
    return Change(kind, before, after, difference, direction, threshold, real, important, sentence)


def _direction(delta: float) -> Direction:
    if delta > 0:
        return Direction.BETTER
    if delta < 0:
        return Direction.WORSE
    return Direction.SAME


def _describe(threshold: Threshold) -> str:
    if threshold.unit is Unit.PERCENT and threshold.citation == "footcore-design":
        return f"{threshold.value:g}% rule"
    return f"{threshold.value:g} {threshold.unit.value} {threshold.meaning}"


def _num(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"
