"""The guided session: a session's doses unrolled into timed, spoken steps.

The web player and the terminal player both walk the same tuple of `Step`s, so a
session sounds and times the same everywhere. Steps carry their start offset from
the session start (`starts_at_s`); players schedule against those absolute offsets
rather than adding up timers, so pauses and slow devices do not make them drift.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from footcore.domain.catalog import Dose
from footcore.domain.logbook import exercise_label
from footcore.domain.vocab import Side

GET_READY_S = 10
"""Time to read the exercise and get into position (`footcore-design`)."""
DEFAULT_REST_S = 30
"""Rest between sets when the dose gives none; neither seed states one (`footcore-design`)."""
EXERCISE_REST_S = 15
"""Rest between two exercises, before the next one's get-ready step (`footcore-design`)."""
SWITCH_S = 5
"""Time to change feet in a per-side dose (`footcore-design`)."""
RELAX_S = 3
"""Pause between two holds or two timed bouts, long enough to let go and reset
(`footcore-design`)."""
DEFAULT_REP_S = 3
"""Seconds per repetition when the dose has neither a tempo nor its own `rep_s`: about
one controlled up-and-down (`footcore-design`)."""


class StepKind(StrEnum):
    READY = "ready"
    HOLD = "hold"
    RELAX = "relax"
    REP = "rep"
    TIMED = "timed"
    SWITCH = "switch"
    REST = "rest"
    DONE = "done"


class TimelineInput(Protocol):
    """What the timeline needs of a plan item (`plan.PlanItem` fits)."""

    @property
    def exercise(self) -> str: ...

    @property
    def variant(self) -> str: ...

    @property
    def dose(self) -> Dose: ...


@dataclass(frozen=True, slots=True)
class Step:
    index: int
    kind: StepKind
    exercise: str | None
    """None for the rest between two exercises and for the final step."""
    side: Side | None
    """The foot working (for a switch: the foot switched to); None for both feet."""
    set_no: int | None
    """1-based; a rest between sets carries the set it follows."""
    rep_no: int | None
    """1-based; a relax step carries the repetition it follows."""
    duration_s: float
    spoken: str
    """Short and plain, for speech synthesis: no symbols or abbreviations."""
    display: str
    starts_at_s: float
    """Seconds from the start of the session."""


@dataclass(frozen=True, slots=True)
class _Draft:
    kind: StepKind
    duration_s: float
    spoken: str
    display: str
    exercise: str | None = None
    side: Side | None = None
    set_no: int | None = None
    rep_no: int | None = None


@dataclass(frozen=True, slots=True)
class _Timing:
    get_ready_s: float
    default_rest_s: float
    exercise_rest_s: float
    switch_s: float
    relax_s: float
    default_rep_s: float


def planned_reps(dose: Dose) -> int:
    """How many repetitions the player counts per set (and per side).

    The planner has already chosen the dose, so the player takes the bottom of a range
    (`reps_min`): the runner can ask for more with a "too easy" answer. `reps_max` is
    used only when `reps_min` is missing, and a dose without repetitions is one hold
    or one timed bout per set.
    """
    if dose.reps_min is not None:
        return dose.reps_min
    if dose.reps_max is not None:
        return dose.reps_max
    return 1


def build_timeline(
    items: Sequence[TimelineInput],
    *,
    names: Mapping[str, str],
    get_ready_s: float = GET_READY_S,
    default_rest_s: float = DEFAULT_REST_S,
    exercise_rest_s: float = EXERCISE_REST_S,
    switch_s: float = SWITCH_S,
    relax_s: float = RELAX_S,
    default_rep_s: float = DEFAULT_REP_S,
) -> tuple[Step, ...]:
    """Unroll a session into steps, in seconds, ending with one DONE step of 0 s.

    Per item: a get-ready step; then for each set, for each side (right foot first,
    then a switch step to the left when the dose is per side), for each repetition:
    a HOLD of `hold_s` followed by a RELAX of `relax_s` between holds; or a TIMED bout
    of `duration_s` (RELAX between bouts); or a REP cue lasting the tempo's total, the
    dose's `rep_s`, or `default_rep_s`. Sets are separated by a rest of the dose's
    `rest_s` (else `default_rest_s`), exercises by `exercise_rest_s`; a rest or relax
    of 0 s is left out. `hold_s` wins over `duration_s`, which wins over counted reps.
    Repetitions per set follow `planned_reps`. Exercise names come from `names`
    (falling back to the id made readable). Every default is a design choice
    (`footcore-design`). Raises ValueError on a dose or setting that cannot be played
    (no sets, non-positive times).
    """
    _require_positive(get_ready_s=get_ready_s, switch_s=switch_s, default_rep_s=default_rep_s)
    _require_not_negative(
        default_rest_s=default_rest_s, exercise_rest_s=exercise_rest_s, relax_s=relax_s
    )
    timing = _Timing(get_ready_s, default_rest_s, exercise_rest_s, switch_s, relax_s, default_rep_s)
    drafts: list[_Draft] = []
    for position, item in enumerate(items):
        _check_dose(item.exercise, item.dose)
        name = exercise_label(item.exercise, names)
        if position > 0 and exercise_rest_s > 0:
            spoken = f"Rest {_say_seconds(exercise_rest_s)}. Next up: {name}."
            drafts.append(_Draft(StepKind.REST, exercise_rest_s, spoken, f"Rest · next: {name}"))
        drafts.extend(_exercise_steps(item, name, timing))
    drafts.append(_Draft(StepKind.DONE, 0, "All done. Well done!", "Session done"))
    return _number(drafts)


def _exercise_steps(item: TimelineInput, name: str, timing: _Timing) -> Iterable[_Draft]:
    dose, ex = item.dose, item.exercise
    reps = planned_reps(dose)
    sides: tuple[Side | None, ...] = (Side.RIGHT, Side.LEFT) if dose.per_side else (None,)
    rest_s = timing.default_rest_s if dose.rest_s is None else dose.rest_s
    counted = dose.reps_min is not None or dose.reps_max is not None
    shown = dataclasses.replace(dose, reps_min=reps if counted else None, reps_max=None)
    yield _Draft(
        StepKind.READY,
        timing.get_ready_s,
        f"Get ready: {name}. {_say_dose(dose, reps)}.",
        f"Get ready: {name} · {shown.describe()}",
        ex,
    )
    for set_no in range(1, dose.sets + 1):
        for side in sides:
            if side is Side.LEFT:
                spoken, shown_text = "Switch to the left foot.", f"{name} · switch to the left foot"
                yield _Draft(StepKind.SWITCH, timing.switch_s, spoken, shown_text, ex, side, set_no)
            for rep_no in range(1, reps + 1):
                where = _where(name, dose, set_no, rep_no, reps, side)
                lead = "Right foot. " if side is Side.RIGHT and rep_no == 1 else ""
                kind, duration_s, spoken, label = _work(dose, rep_no, reps, lead, timing)
                display = f"{label} · {where}"
                yield _Draft(kind, duration_s, spoken, display, ex, side, set_no, rep_no)
                sustained = kind in (StepKind.HOLD, StepKind.TIMED)
                if sustained and rep_no < reps and timing.relax_s > 0:
                    relax = _Draft(StepKind.RELAX, timing.relax_s, "Relax.", f"Relax · {where}")
                    yield dataclasses.replace(
                        relax, exercise=ex, side=side, set_no=set_no, rep_no=rep_no
                    )
        if set_no < dose.sets and rest_s > 0:
            then = ", right foot first" if dose.per_side else ""
            spoken = f"Rest {_say_seconds(rest_s)}. Next: set {set_no + 1} of {dose.sets}{then}."
            display = f"Rest · {name} · next: set {set_no + 1}/{dose.sets}"
            yield _Draft(StepKind.REST, rest_s, spoken, display, ex, None, set_no)


def _work(
    dose: Dose, rep_no: int, reps: int, lead: str, timing: _Timing
) -> tuple[StepKind, float, str, str]:
    """The working step of one repetition: kind, seconds, spoken and display label."""
    if dose.hold_s is not None:
        return StepKind.HOLD, dose.hold_s, f"{lead}Hold.", f"Hold {dose.hold_s} s"
    if dose.duration_s is not None:
        go = "Go" if rep_no == 1 else "Again"
        spoken = f"{lead}{go}: {_say_seconds(dose.duration_s)}."
        return StepKind.TIMED, dose.duration_s, spoken, _show_seconds(dose.duration_s)
    rep_s, cue = _rep_cue(dose, timing.default_rep_s)
    return StepKind.REP, rep_s, f"{lead}{rep_no}{cue}.", f"Rep {rep_no} of {reps}"


def _rep_cue(dose: Dose, default_rep_s: float) -> tuple[float, str]:
    if dose.tempo is not None:
        phases = (("up", dose.tempo.up_s), ("hold", dose.tempo.top_s), ("down", dose.tempo.down_s))
        said = ", ".join(f"{word} {n}" for word, n in phases if n > 0)
        return dose.tempo.rep_s, f": {said}"
    return (dose.rep_s if dose.rep_s is not None else default_rep_s), ""


def _where(name: str, dose: Dose, set_no: int, rep_no: int, reps: int, side: Side | None) -> str:
    parts = [name]
    if (dose.hold_s is not None or dose.duration_s is not None) and reps > 1:
        parts.append(f"{rep_no}/{reps}")
    if dose.sets > 1:
        parts.append(f"set {set_no}/{dose.sets}")
    if side is not None:
        parts.append(f"{side.value} foot")
    return " · ".join(parts)


def _say_dose(dose: Dose, reps: int) -> str:
    if dose.hold_s is not None:
        unit = f"{_count(reps, 'hold')} of {_say_seconds(dose.hold_s)}"
    elif dose.duration_s is not None:
        bout = _say_seconds(dose.duration_s)
        unit = bout if reps == 1 else f"{reps} bouts of {bout}"
    else:
        unit = _count(reps, "rep")
    text = f"{dose.sets} sets of {unit}" if dose.sets > 1 else unit
    return text + (", each foot, right foot first" if dose.per_side else "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _say_seconds(value_s: float) -> str:
    whole = round(value_s)
    minutes, seconds = divmod(whole, 60)
    parts = []
    if minutes:
        parts.append(_count(minutes, "minute"))
    if seconds or not minutes:
        parts.append(_count(seconds, "second"))
    return " ".join(parts)


def _show_seconds(value_s: float) -> str:
    whole = round(value_s)
    return f"{whole // 60} min" if whole >= 60 and whole % 60 == 0 else f"{whole} s"


def _check_dose(exercise: str, dose: Dose) -> None:
    problems = []
    if dose.sets < 1:
        problems.append("needs at least one set")
    for label, value in (("reps_min", dose.reps_min), ("reps_max", dose.reps_max)):
        if value is not None and value < 1:
            problems.append(f"{label} must be at least 1")
    for label, value in (
        ("hold_s", dose.hold_s),
        ("duration_s", dose.duration_s),
        ("rep_s", dose.rep_s),
    ):
        if value is not None and value <= 0:
            problems.append(f"{label} must be positive")
    if dose.tempo is not None and dose.tempo.rep_s <= 0:
        problems.append("tempo must last longer than 0 s")
    if dose.rest_s is not None and dose.rest_s < 0:
        problems.append("rest_s must not be negative")
    if problems:
        raise ValueError(f"cannot play the dose of {exercise!r}: " + "; ".join(problems))


def _require_positive(**values: float) -> None:
    for label, value in values.items():
        if value <= 0:
            raise ValueError(f"{label} must be positive, not {value}")


def _require_not_negative(**values: float) -> None:
    for label, value in values.items():
        if value < 0:
            raise ValueError(f"{label} must not be negative, not {value}")


def _number(drafts: Sequence[_Draft]) -> tuple[Step, ...]:
    steps: list[Step] = []
    clock_s: float = 0
    for index, d in enumerate(drafts):
        fields = (d.kind, d.exercise, d.side, d.set_no, d.rep_no, d.duration_s, d.spoken)
        steps.append(Step(index, *fields, d.display, clock_s))
        clock_s += d.duration_s
    return tuple(steps)


def total_s(steps: Iterable[Step]) -> float:
    """The session's length in seconds: the sum of every step's duration."""
    return sum((s.duration_s for s in steps), 0)


def timeline_to_dicts(steps: Iterable[Step]) -> list[dict[str, Any]]:
    """JSON-ready dicts for the web player; enum members become their string values."""
    return [
        {
            "index": s.index,
            "kind": s.kind.value,
            "exercise": s.exercise,
            "side": None if s.side is None else s.side.value,
            "set_no": s.set_no,
            "rep_no": s.rep_no,
            "duration_s": s.duration_s,
            "spoken": s.spoken,
            "display": s.display,
            "starts_at_s": s.starts_at_s,
        }
        for s in steps
    ]
