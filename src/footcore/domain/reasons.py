"""The short sentences a plan carries: why this day, why this exercise at this dose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from footcore.domain.catalog import Catalog, Dose, Exercise, Variant
from footcore.domain.plan import ExerciseAdjustment, WeekKind
from footcore.domain.prescription import PrescribedExercise
from footcore.domain.progression import describe_change
from footcore.domain.rotation import CONCERN_WORDS, Candidate, Why
from footcore.domain.scheduling import day_name
from footcore.domain.sessions import Slot
from footcore.domain.vocab import Equipment


@dataclass(frozen=True, slots=True)
class ItemContext:
    """What the planner knows about one placed exercise beyond the slot itself."""

    why: Why
    kind: WeekKind
    first_week: bool
    before: tuple[Variant, Dose] | None
    """The rung and dose of the last time it was done (before any filler sets)."""
    adjustment: ExerciseAdjustment | None
    """An adaptation that moved its level for this session."""
    trimmed: bool
    """Its level was lowered so it fits the session."""


def primary_reason(candidate: Candidate, why: Why, *, first_week: bool, kind: WeekKind) -> str:
    if why is Why.EMPHASIS:
        return "brought forward by your self-test"
    if why is Why.KEYSTONE:
        return "keystone, stays every week"
    if why is Why.TIBIALIS:
        return "posterior tibialis work, every week (seed-004)"
    if why is Why.CONCERN and candidate.concern is not None:
        return f"for your {CONCERN_WORDS[candidate.concern]}"
    if first_week:
        return "one of the five to start with (seed-000)"
    if why is Why.NEW:
        return "new this week (seed-000: rotate exercises weekly)"
    if kind is WeekKind.RACE:
        return "a familiar exercise for race week"
    return "stays in this week's rotation"


def item_reason(
    candidate: Candidate,
    slot: Slot,
    context: ItemContext,
    *,
    session_minutes: int,
    have: Collection[Equipment],
) -> str:
    """`Calf Raises: for your Achilles; progressed to 2 sets` and the like."""
    exercise = candidate.exercise
    parts = [
        primary_reason(candidate, context.why, first_week=context.first_week, kind=context.kind)
    ]
    change = describe_change(exercise, context.before, (slot.variant, slot.base))
    if context.kind is WeekKind.LIGHTER:
        parts.append(f"lighter week{': ' + change if change else ''}")
    elif context.kind is WeekKind.RACE:
        parts.append("race week: an easy dose")
    elif change is not None:
        parts.append(change)
    if context.adjustment is not None:
        parts.append(f"adjusted: {context.adjustment.reason}")
    substitute = _substitute(exercise, slot.variant, have)
    if substitute is not None:
        parts.append(substitute)
    if context.trimmed:
        parts.append(f"eased to fit a {session_minutes}-minute session")
    if slot.extra_sets:
        extra = "an extra set" if slot.extra_sets == 1 else f"{slot.extra_sets} extra sets"
        parts.append(f"{extra} to fill the session")
    return f"{exercise.name}: {'; '.join(parts)}"


def _substitute(exercise: Exercise, variant: Variant, have: Collection[Equipment]) -> str | None:
    """Names the missing equipment when the runner cannot use the default rung."""
    missing = [e for e in exercise.default.equipment if e not in have]
    if variant.id == exercise.default_variant or not missing:
        return None
    return f"{variant.name}, since you have no {', '.join(e.value for e in missing)}"


def warm_up_reason(candidate: Candidate) -> str:
    return f"{candidate.exercise.name}: warm-up drill to wake the foot up before running (seed-004)"


def strength_day_reason(day: dt.date, description: str, kind: WeekKind, target_s: int) -> str:
    """Why this day, plus the session's length and the barefoot rule (seed-000)."""
    minutes = max(1, round(target_s / 60))
    lead = {
        WeekKind.BUILD: "",
        WeekKind.LIGHTER: "Lighter week. ",
        WeekKind.RACE: "Race coming: short and easy. ",
    }[kind]
    return (
        f"{day_name(day)}: {description}; a day apart from other strength sessions. "
        f"{lead}Barefoot, about {minutes} minutes (the runners' foot routine)."
    )


SOURCE_WORDS = {
    "seed-000": "the runners' foot routine",
    "seed-004": "the physical therapist's article",
    "footcore-design": "footcore's own choice",
    "rathleff-2015": "Rathleff 2015",
    "beyer-2015": "Beyer 2015",
    "bmc-geriatr-2008": "the 2008 foot-exercise trial",
}
"""Plain words for a citation key in user-facing text; the key itself stays in the data."""


def source_words(key: str) -> str:
    return SOURCE_WORDS.get(key, key.replace("-", " ").title())


def rx_reason(catalog: Catalog, item: PrescribedExercise, words: str) -> str:
    """`Heel Raise ...: for plantar heel pain ... (Rathleff 2015); week 3 of 12`."""
    name = catalog.get(item.exercise).name
    text = f"{name}: {item.reason} ({source_words(item.citation)})"
    return f"{text}; {words}" if words else text


def variety_reason(
    catalog: Catalog,
    exercise_id: str,
    variant: Variant,
    *,
    new: bool,
    first_week: bool,
    emphasised: bool,
    have: Collection[Equipment],
) -> str:
    exercise = catalog.get(exercise_id)
    name = exercise.name
    substitute = _substitute(exercise, variant, have)
    tail = f"; {substitute}" if substitute else ""
    if emphasised:
        return f"{name}: brought forward by your self-test{tail}"
    if first_week:
        why = "one of the five to start with"
    elif new:
        why = "new this week: the routine rotates in new exercises"
    else:
        why = "stays in this week's rotation"
    return f"{name}: {why} ({source_words('seed-000')}){tail}"
