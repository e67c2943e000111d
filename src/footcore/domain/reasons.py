"""The short sentences a plan carries: why this day, why this exercise at this dose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from footcore.domain.catalog import Catalog, Exercise, Variant
from footcore.domain.plan import WeekKind
from footcore.domain.prescription import PrescribedExercise
from footcore.domain.scheduling import day_name
from footcore.domain.vocab import Equipment


def _substitute(exercise: Exercise, variant: Variant, have: Collection[Equipment]) -> str | None:
    """Names the missing equipment when the runner cannot use the default rung."""
    missing = [e for e in exercise.default.equipment if e not in have]
    if variant.id == exercise.default_variant or not missing:
        return None
    return f"{variant.name}, since you have no {', '.join(e.value for e in missing)}"


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
    return with_words(rx_reason_head(catalog, item), words)


def rx_reason_head(catalog: Catalog, item: PrescribedExercise) -> str:
    """`rx_reason` before the words on this week's row: the same for every session."""
    return f"{catalog.get(item.exercise).name}: {item.reason} ({source_words(item.citation)})"


def with_words(head: str, words: str) -> str:
    return f"{head}; {words}" if words else head


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
