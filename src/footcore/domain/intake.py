"""A clinician's intake: the seed 004 run analysis or movement assessment, as data.

The intake records findings; it does not diagnose (the impression is the clinician's
own words). Its concerns and pain sites feed the prescription planner. Ranges are
sanity limits of footcore's choosing, except the Foot Posture Index total, whose
-12 to +12 span is the FPI-6 scoring (evidence.md §2, FPI manual).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from footcore.domain.assessments import RECORDABLE_SURFACES, HeelRaiseSurface
from footcore.domain.logbook import RedFlagAnswers
from footcore.domain.problems import Invalid, Problem
from footcore.domain.vocab import Concern, PainSite


class AffectedSide(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class Irritability(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class FootStrike(StrEnum):
    REARFOOT = "rearfoot"
    MIDFOOT = "midfoot"
    FOREFOOT = "forefoot"


@dataclass(frozen=True, slots=True)
class PerSide:
    left: float | None = None
    right: float | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    low: float
    high: float
    unit: str


MEASURES: tuple[Measure, ...] = (
    Measure("heel_raise_reps", 0, 150, "reps"),
    Measure("foot_posture_index", -12, 12, "points"),
    Measure("navicular_drop_mm", 0, 30, "mm"),
    Measure("knee_to_wall_cm", 0, 25, "cm"),
    Measure("big_toe_extension_deg", 0, 120, "degrees"),
)


@dataclass(frozen=True, slots=True)
class Intake:
    on: dt.date
    impression: str
    affected_side: AffectedSide
    irritability: Irritability
    onset_on: dt.date | None = None
    concerns: tuple[Concern, ...] = ()
    pain: tuple[PainSite, ...] = ()
    measures: tuple[tuple[str, PerSide], ...] = ()
    """Clinic-measured, per side: names from `MEASURES`."""
    heel_raise_surface: HeelRaiseSurface = HeelRaiseSurface.FLAT
    cadence_spm: int | None = None
    foot_strike: FootStrike | None = None
    footwear: str = ""
    red_flags: RedFlagAnswers = field(default_factory=RedFlagAnswers)
    review_on: dt.date | None = None

    def measure(self, name: str) -> PerSide:
        return dict(self.measures).get(name, PerSide())


KNOWN = {
    "impression", "affected_side", "irritability", "onset_on", "concerns", "pain",
    "measures", "heel_raise_surface", "cadence_spm", "foot_strike", "footwear",
    "red_flags", "review_on",
}  # fmt: skip
FLAG_NAMES = tuple(f.name for f in fields(RedFlagAnswers))


def _enum(data: Mapping[str, Any], name: str, kind: Any, problems: list[Problem]) -> Any:
    raw = data.get(name)
    try:
        return kind(raw)
    except ValueError:
        choices = ", ".join(m.value for m in kind)
        problems.append(Problem(name, f"{raw!r} is not one of: {choices}"))
        return None


def _date(raw: object, name: str, problems: list[Problem]) -> dt.date | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        problems.append(Problem(name, f"{raw!r} is not a date (YYYY-MM-DD)"))
        return None


def _number(raw: object, field: str, m: Measure, problems: list[Problem]) -> float | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        problems.append(Problem(field, "a number"))
        return None
    try:
        value = float(raw)
    except ValueError:
        problems.append(Problem(field, f"{raw!r} is not a number"))
        return None
    if not m.low <= value <= m.high:
        problems.append(Problem(field, f"from {m.low:g} to {m.high:g} {m.unit}"))
        return None
    return value


def parse_intake(data: Mapping[str, Any], *, today: dt.date) -> Intake:
    """An `Intake` from its JSON form; `Invalid` names every bad field."""
    problems = [Problem(k, "unknown field") for k in data if k not in KNOWN]
    impression = str(data.get("impression") or "").strip()
    if not impression:
        problems.append(Problem("impression", "the working impression in your words"))
    elif len(impression) > 2000:
        problems.append(Problem("impression", "at most 2000 characters"))
    side = _enum(data, "affected_side", AffectedSide, problems)
    irritability = _enum(data, "irritability", Irritability, problems)
    onset = _date(data.get("onset_on"), "onset_on", problems)
    if onset is not None and onset > today:
        problems.append(Problem("onset_on", "cannot be in the future"))
    review = _date(data.get("review_on"), "review_on", problems)
    if review is not None and review < today:
        problems.append(Problem("review_on", "cannot be in the past"))
    concerns = _list(data, "concerns", Concern, problems)
    pain = _list(data, "pain", PainSite, problems)
    measures = _measures(data.get("measures") or {}, problems)
    surface = _enum(
        {"heel_raise_surface": data.get("heel_raise_surface") or "flat"},
        "heel_raise_surface",
        HeelRaiseSurface,
        problems,
    )
    if surface is not None and surface not in RECORDABLE_SURFACES:
        # A clinician measures on a known surface: "unknown" is only for old self-tests.
        choices = ", ".join(s.value for s in RECORDABLE_SURFACES)
        problems.append(
            Problem("heel_raise_surface", f"{surface.value!r} is not one of: {choices}")
        )
        surface = None
    cadence = data.get("cadence_spm")
    if cadence not in (None, ""):
        if isinstance(cadence, bool) or not isinstance(cadence, int) or not 100 <= cadence <= 230:
            problems.append(Problem("cadence_spm", "whole steps a minute, from 100 to 230"))
            cadence = None
    else:
        cadence = None
    strike = None
    if data.get("foot_strike") not in (None, ""):
        strike = _enum(data, "foot_strike", FootStrike, problems)
    footwear = str(data.get("footwear") or "").strip()
    if len(footwear) > 500:
        problems.append(Problem("footwear", "at most 500 characters"))
    flags = _flags(data.get("red_flags") or {}, problems)
    if problems:
        raise Invalid(problems)
    return Intake(
        on=today, impression=impression, affected_side=side, irritability=irritability,
        onset_on=onset, concerns=concerns, pain=pain, measures=measures,
        heel_raise_surface=surface, cadence_spm=cadence, foot_strike=strike,
        footwear=footwear, red_flags=flags, review_on=review,
    )  # fmt: skip


def _list(
    data: Mapping[str, Any], name: str, kind: Any, problems: list[Problem]
) -> tuple[Any, ...]:
    raw = data.get(name) or []
    if not isinstance(raw, list | tuple):
        problems.append(Problem(name, "a list"))
        return ()
    found = []
    for i, item in enumerate(raw):
        try:
            found.append(kind(item))
        except ValueError:
            choices = ", ".join(m.value for m in kind)
            problems.append(Problem(f"{name}[{i}]", f"{item!r} is not one of: {choices}"))
    return tuple(dict.fromkeys(found))


def _measures(raw: object, problems: list[Problem]) -> tuple[tuple[str, PerSide], ...]:
    if not isinstance(raw, Mapping):
        problems.append(Problem("measures", "an object of measure -> {left, right}"))
        return ()
    by_name = {m.name: m for m in MEASURES}
    found: list[tuple[str, PerSide]] = []
    for name, sides in raw.items():
        m = by_name.get(name)
        if m is None:
            problems.append(Problem(f"measures.{name}", "unknown measure"))
            continue
        if not isinstance(sides, Mapping) or set(sides) - {"left", "right"}:
            problems.append(Problem(f"measures.{name}", "an object with left and right"))
            continue
        left = _number(sides.get("left"), f"measures.{name}.left", m, problems)
        right = _number(sides.get("right"), f"measures.{name}.right", m, problems)
        if left is not None or right is not None:
            found.append((name, PerSide(left, right)))
    return tuple(found)


def _flags(raw: object, problems: list[Problem]) -> RedFlagAnswers:
    if not isinstance(raw, Mapping):
        problems.append(Problem("red_flags", "an object of question -> true/false"))
        return RedFlagAnswers()
    answers: dict[str, bool] = {}
    for name, value in raw.items():
        if name not in FLAG_NAMES:
            problems.append(Problem(f"red_flags.{name}", "unknown red-flag question"))
        elif not isinstance(value, bool):
            problems.append(Problem(f"red_flags.{name}", "true or false"))
        else:
            answers[name] = value
    return RedFlagAnswers(**answers)


def intake_to_dict(intake: Intake) -> dict[str, Any]:
    return {
        "on": intake.on.isoformat(),
        "impression": intake.impression,
        "affected_side": intake.affected_side.value,
        "irritability": intake.irritability.value,
        "onset_on": intake.onset_on.isoformat() if intake.onset_on else None,
        "concerns": [c.value for c in intake.concerns],
        "pain": [p.value for p in intake.pain],
        "measures": {n: {"left": s.left, "right": s.right} for n, s in intake.measures},
        "heel_raise_surface": intake.heel_raise_surface.value,
        "cadence_spm": intake.cadence_spm,
        "foot_strike": intake.foot_strike.value if intake.foot_strike else None,
        "footwear": intake.footwear,
        "red_flags": {n: getattr(intake.red_flags, n) for n in FLAG_NAMES},
        "review_on": intake.review_on.isoformat() if intake.review_on else None,
    }
