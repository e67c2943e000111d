"""The self-tests a runner (or their clinician) repeats to see whether the feet get stronger.

Each test is a `TestDefinition`: what is measured, in which unit, per side or not, the
range a plausible result falls in, how to do it (in our own words) and the citation keys
behind the protocol. Results are plain values; `validate_result` names every problem with
a field so a form or a CLI prompt can show it next to the input. Norms live in `norms`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean

from footcore.domain.problems import Problem
from footcore.domain.vocab import Side


class Unit(StrEnum):
    REPS = "reps"
    SECONDS = "s"
    CENTIMETRES = "cm"
    DEGREES = "deg"
    GRADE = "grade"
    PERCENT = "%"


class Grade(StrEnum):
    """An observed pass/partial/fail; paper grip allows only pass and fail."""

    PASS = "pass"  # noqa: S105 - a test grade, not a password
    PARTIAL = "partial"
    FAIL = "fail"


class TestKind(StrEnum):
    """One measured quantity. Tests with two parts (toe yoga, paper grip, FAAM) have a
    kind per part so each part keeps its own trend and threshold."""

    __test__ = False  # not a pytest test class, despite the name

    HEEL_RAISE = "heel-raise"
    BALANCE_EYES_OPEN = "balance-eyes-open"
    BALANCE_EYES_CLOSED = "balance-eyes-closed"
    TOE_YOGA_BIG_TOE = "toe-yoga-big-toe"
    TOE_YOGA_LESSER_TOES = "toe-yoga-lesser-toes"
    PAPER_GRIP_HALLUX = "paper-grip-hallux"
    PAPER_GRIP_LESSER_TOES = "paper-grip-lesser-toes"
    KNEE_TO_WALL = "knee-to-wall"
    BIG_TOE_EXTENSION = "big-toe-extension"
    SHORT_FOOT_HOLD = "short-foot-hold"
    FAAM_ADL = "faam-adl"
    FAAM_SPORTS = "faam-sports"


class HeelRaiseSurface(StrEnum):
    """Where a single-leg heel-raise test was done: the one vocabulary for the runner's
    self-test and the clinic intake.

    The published values (hebert-losier-2017) were measured on a 10 degree incline
    board, so only an incline result is read against them; a flat-floor result is
    compared only with the runner's own flat-floor results (evidence.md section 7).
    """

    INCLINE = "incline"
    FLAT = "flat"
    UNKNOWN = "unknown"
    """Only for results stored before the surface was asked: footcore's choice is to
    treat them as not comparable with the norms, since the old instructions let the
    runner test on either surface."""


SURFACE_WORDS = {
    HeelRaiseSurface.INCLINE: "on the incline board",
    HeelRaiseSurface.FLAT: "on a flat floor",
    HeelRaiseSurface.UNKNOWN: "surface not recorded",
}

RECORDABLE_SURFACES = (HeelRaiseSurface.INCLINE, HeelRaiseSurface.FLAT)
"""The surfaces a new result may name; `UNKNOWN` is never entered, only inherited."""


def comparable_with_norms(surface: HeelRaiseSurface | None) -> bool:
    """Whether a heel-raise result on `surface` may be read against the incline norms."""
    return surface is HeelRaiseSurface.INCLINE


@dataclass(frozen=True, slots=True)
class ValidRange:
    """The inclusive range a plausible result falls in, in `unit`."""

    low: float
    high: float
    unit: Unit

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def describe(self) -> str:
        return f"{_number(self.low)}-{_number(self.high)} {self.unit}"


@dataclass(frozen=True, slots=True)
class Trials:
    """The seconds of each attempt of a timed test (balance: up to 3 trials)."""

    values_s: tuple[float, ...]

    @property
    def best_s(self) -> float:
        return max(self.values_s)

    @property
    def mean_s(self) -> float:
        return fmean(self.values_s)


Value = float | Grade | Trials
"""A result: a number in the test's unit, a grade, or the single trials of a timed test."""


@dataclass(frozen=True, slots=True)
class TestDefinition:
    __test__ = False

    kind: TestKind
    name: str
    short_name: str
    """Lower-case, for sentences: `heel raises`, `eyes-closed balance`."""
    group: str
    """Tests sharing a group are guided together (toe yoga's two parts, FAAM's two scales)."""
    unit: Unit
    per_side: bool
    valid: ValidRange | None
    """None for graded tests, which use `grades` instead."""
    instructions: tuple[str, ...]
    citations: tuple[str, ...]
    grades: tuple[Grade, ...] = ()
    trials: int = 1
    """Attempts per side; the result is the best of them unless the norm says otherwise."""
    cadence_bpm: int | None = None
    """Metronome beats per minute for paced tests (one beat up, one beat down)."""
    optional: bool = False


_HEEL_RAISE = TestDefinition(
    kind=TestKind.HEEL_RAISE,
    name="Single-leg heel raise to fatigue",
    short_name="heel raises",
    group="heel-raise",
    unit=Unit.REPS,
    per_side=True,
    valid=ValidRange(0, 150, Unit.REPS),
    instructions=(
        "Stand on one foot, barefoot, with your fingertips resting lightly on a wall.",
        "Set a metronome to 60 beats per minute: rise on one beat, lower on the next,"
        " so you do 30 raises a minute.",
        "Lift your heel as high as you can every time, keeping the knee straight.",
        "Count the raises until you can no longer keep the pace or the height, or you"
        " start pushing on the wall; then test the other foot.",
        "Say where you stood: on a 10 degree incline board, or on a flat floor. The"
        " published values were measured on the incline, so a flat-floor count is"
        " compared only with your own earlier flat-floor counts.",
    ),
    citations=("hebert-losier-2017", "lunsford-perry-1995", "jan-2005"),
    cadence_bpm=60,
)


def _balance(kind: TestKind, eyes: str) -> TestDefinition:
    return TestDefinition(
        kind=kind,
        name=f"Single-leg balance, eyes {eyes}",
        short_name=f"eyes-{eyes} balance",
        group="balance",
        unit=Unit.SECONDS,
        per_side=True,
        valid=ValidRange(0, 120, Unit.SECONDS),
        instructions=(
            "Stand barefoot next to a wall or a sturdy chair, arms crossed over your chest.",
            f"With your eyes {eyes}, lift one foot off the floor and start the timer.",
            "Stop when the lifted foot touches the floor or the other leg, your arms uncross,"
            " or the standing foot shifts.",
            "Do three attempts on each foot and record every time.",
        ),
        citations=("springer-2007",),
        trials=3,
    )


def _graded(kind: TestKind, name: str, steps: tuple[str, ...]) -> TestDefinition:
    group, _, part = name.partition(": ")
    toe_yoga = group == "Toe yoga"
    return TestDefinition(
        kind=kind,
        name=name,
        short_name=f"{group.lower()} ({part.removesuffix(' alone')})",
        group=group.lower().replace(" ", "-"),
        unit=Unit.GRADE,
        per_side=True,
        valid=None,
        grades=(Grade.PASS, Grade.PARTIAL, Grade.FAIL) if toe_yoga else (Grade.PASS, Grade.FAIL),
        instructions=steps,
        citations=("seed-004",) if toe_yoga else ("menz-2006",),
    )


def _faam(kind: TestKind, scale: str, items: int) -> TestDefinition:
    return TestDefinition(
        kind=kind,
        name=f"FAAM {scale}",
        short_name=f"FAAM {scale}",
        group="faam",
        unit=Unit.PERCENT,
        per_side=False,
        valid=ValidRange(0, 100, Unit.PERCENT),
        instructions=(
            f"Answer the {items} {scale} questions for the past week.",
            "Choose N/A when something other than your foot or ankle limits the activity.",
        ),
        citations=("martin-faam-2005",),
    )


_SEATED = "Sit with both feet flat on the floor, barefoot."
_GRADING = (
    "Pass: only those toes move, cleanly. Partial: they move but others follow or the foot"
    " rolls. Fail: they will not move on their own."
)

DEFINITIONS: dict[TestKind, TestDefinition] = {
    d.kind: d
    for d in (
        _HEEL_RAISE,
        _balance(TestKind.BALANCE_EYES_OPEN, "open"),
        _balance(TestKind.BALANCE_EYES_CLOSED, "closed"),
        _graded(
            TestKind.TOE_YOGA_BIG_TOE,
            "Toe yoga: big toe alone",
            (_SEATED, "Lift the big toe while the four smaller toes stay down.", _GRADING),
        ),
        _graded(
            TestKind.TOE_YOGA_LESSER_TOES,
            "Toe yoga: smaller toes alone",
            (_SEATED, "Lift the four smaller toes while the big toe stays down.", _GRADING),
        ),
        _graded(
            TestKind.PAPER_GRIP_HALLUX,
            "Paper grip: big toe",
            (
                "Sit with hips and knees bent to a right angle, foot flat, barefoot.",
                "A helper slides a business card under your big toe; press the toe down.",
                "The helper pulls the card out slowly. Pass if your toe keeps hold of it.",
            ),
        ),
        _graded(
            TestKind.PAPER_GRIP_LESSER_TOES,
            "Paper grip: smaller toes",
            (
                "Same position; this time the card goes under the four smaller toes.",
                "Press them down while the helper pulls. Pass if they keep hold of the card.",
            ),
        ),
        TestDefinition(
            kind=TestKind.KNEE_TO_WALL,
            name="Knee-to-wall ankle bend",
            short_name="knee-to-wall",
            group="knee-to-wall",
            unit=Unit.CENTIMETRES,
            per_side=True,
            valid=ValidRange(0, 25, Unit.CENTIMETRES),
            instructions=(
                "Face a wall in a half-kneeling lunge, front foot pointing straight at it.",
                "Drive the front knee forward to touch the wall without lifting the heel.",
                "Slide the foot back a little at a time until the knee only just reaches.",
                "Measure from the tip of the big toe to the wall in centimetres.",
            ),
            citations=("powden-2015", "chisholm-2012", "bennell-1998"),
        ),
        TestDefinition(
            kind=TestKind.BIG_TOE_EXTENSION,
            name="Big-toe extension",
            short_name="big-toe extension",
            group="big-toe-extension",
            unit=Unit.DEGREES,
            per_side=True,
            valid=ValidRange(0, 120, Unit.DEGREES),
            instructions=(
                "Optional; easiest with a clinician or a goniometer app.",
                "With the foot flat, bend the big toe up by hand as far as it goes comfortably.",
                "Read the angle between the toe and the floor in degrees.",
            ),
            citations=(),
            optional=True,
        ),
        TestDefinition(
            kind=TestKind.SHORT_FOOT_HOLD,
            name="Short-foot hold on one leg",
            short_name="short-foot hold",
            group="short-foot-hold",
            unit=Unit.SECONDS,
            per_side=True,
            valid=ValidRange(0, 120, Unit.SECONDS),
            instructions=(
                "Stand on one foot and draw the ball of the foot toward the heel so the arch"
                " rises, without curling the toes.",
                "Time how long you keep the arch up; stop when it sinks or the toes curl.",
            ),
            citations=("mulligan-cook-2013",),
        ),
        _faam(TestKind.FAAM_ADL, "daily living", 21),
        _faam(TestKind.FAAM_SPORTS, "sports", 8),
    )
}


@dataclass(frozen=True, slots=True)
class AssessmentResult:
    date: dt.date
    kind: TestKind
    side: Side | None
    """None only for tests that are not per side (FAAM)."""
    value: Value
    surface: HeelRaiseSurface | None = None
    """Heel raises only: where the test was done. None for every other test."""

    def comparable(self, other: AssessmentResult) -> bool:
        """Whether `other` measures the same thing: same test, and for heel raises the
        same surface (an incline and a flat-floor count are different numbers)."""
        return self.kind is other.kind and self.surface == other.surface


def headline(value: Value) -> float | Grade:
    """The one number (or grade) a chart shows: the best trial for timed tests."""
    return value.best_s if isinstance(value, Trials) else value


def surface_problems(kind: TestKind, surface: object) -> list[Problem]:
    """The problem with a result's surface, if any: heel raises must name incline or
    flat (`RECORDABLE_SURFACES`); every other test takes none."""
    if kind is not TestKind.HEEL_RAISE:
        if surface is None:
            return []
        return [Problem("surface", f"{DEFINITIONS[kind].name} takes no surface: leave it empty")]
    if surface in {s.value for s in RECORDABLE_SURFACES}:
        return []
    choices = " or ".join(s.value for s in RECORDABLE_SURFACES)
    if surface is None or surface == "":
        message = f"say where you did the test: {choices}"
    else:
        message = f"{surface!r} is not a surface: choose {choices}"
    return [Problem("surface", message)]


def validate_result(kind: TestKind, value: Value, side: Side | None) -> list[Problem]:
    """Every problem with one result as a `Problem`; an empty list means it is valid.

    Checks the side (required for per-side tests, absent otherwise), the value's type,
    whole repetitions, negative values and the test's valid range. The heel raise's
    surface is checked by `surface_problems`.
    """
    definition = DEFINITIONS[kind]
    problems: list[Problem] = []
    if definition.per_side and side is None:
        problems.append(
            Problem("side", f"{definition.name} is tested per side: choose left or right")
        )
    elif not definition.per_side and side is not None:
        problems.append(
            Problem("side", f"{definition.name} is not tested per side: leave side empty")
        )
    if definition.valid is None:
        if not isinstance(value, Grade) or value not in definition.grades:
            allowed = " or ".join(definition.grades)
            problems.append(Problem("value", f"{definition.name}: the result must be {allowed}"))
        return problems
    if isinstance(value, Trials):
        if definition.trials == 1:
            problems.append(Problem("value", f"{definition.name} takes one result, not trials"))
            return problems
        if not 1 <= len(value.values_s) <= definition.trials:
            problems.append(
                Problem("value", f"{definition.name}: give 1 to {definition.trials} trials")
            )
        for index, trial_s in enumerate(value.values_s):
            problems.extend(_check_number(definition, trial_s, f"value[{index}]"))
        return problems
    problems.extend(_check_number(definition, value, "value"))
    return problems


def _check_number(definition: TestDefinition, value: object, field: str) -> list[Problem]:
    assert definition.valid is not None
    valid = definition.valid
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return [Problem(field, f"{definition.name}: the result must be a number of {valid.unit}")]
    if value < 0:
        return [
            Problem(field, f"{definition.name}: {_number(value)} {valid.unit} cannot be negative")
        ]
    if definition.unit is Unit.REPS and value != int(value):
        return [Problem(field, f"{definition.name}: count whole repetitions, not {value}")]
    if not valid.contains(value):
        return [
            Problem(
                field,
                f"{definition.name}: {_number(value)} {valid.unit} is outside the valid range"
                f" {valid.describe()}",
            )
        ]
    return []


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
