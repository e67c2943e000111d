"""Queries over the exercise catalog (read-only, cached in memory for the process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from footcore.domain.catalog import Catalog, Exercise
from footcore.domain.problems import invalid
from footcore.domain.vocab import Concern, Equipment, Position


@dataclass(frozen=True, slots=True)
class ExerciseFilter:
    concern: Concern | None = None
    equipment: Equipment | None = None
    position: Position | None = None
    text: str | None = None


E = TypeVar("E", Concern, Equipment, Position)


def _choice(enum: type[E], field: str, raw: str | None) -> E | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        return enum(raw.strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise invalid(field, f"unknown value {raw!r}; choose one of: {choices}") from None


def parse_filter(
    *,
    concern: str | None = None,
    equipment: str | None = None,
    position: str | None = None,
    q: str | None = None,
) -> ExerciseFilter:
    text = (q or "").strip()
    if len(text) > 100:
        raise invalid("q", "search text is longer than 100 characters")
    return ExerciseFilter(
        concern=_choice(Concern, "concern", concern),
        equipment=_choice(Equipment, "equipment", equipment),
        position=_choice(Position, "position", position),
        text=text or None,
    )


def catalog() -> Catalog:
    # Imported here: the loader brings pydantic, which a CLI command that never
    # reads the catalog should not pay for.
    from footcore.catalog.cache import default_catalog

    return default_catalog()


@lru_cache(maxsize=256)  # keyed by search text too: bounded, or every new search stays
def _filtered(flt: ExerciseFilter) -> tuple[Exercise, ...]:
    return catalog().filter(
        concern=flt.concern, equipment=flt.equipment, position=flt.position, text=flt.text
    )


def list_exercises(flt: ExerciseFilter) -> tuple[Exercise, ...]:
    """Exercises matching the filter. Results are memoised: the catalog never changes."""
    if flt.text is not None:
        # Free text would make the memo grow without bound; text search is cheap anyway.
        return catalog().filter(
            concern=flt.concern, equipment=flt.equipment, position=flt.position, text=flt.text
        )
    return _filtered(flt)


def get_exercise(exercise_id: str) -> Exercise | None:
    try:
        return catalog().get(exercise_id)
    except KeyError:
        return None


def close_ids(exercise_id: str, limit: int = 3) -> list[str]:
    import difflib

    ids = catalog().ids()
    close = difflib.get_close_matches(exercise_id, ids, n=limit, cutoff=0.5)
    if not close:
        close = [i for i in ids if exercise_id and (exercise_id in i or i in exercise_id)][:limit]
    return close
