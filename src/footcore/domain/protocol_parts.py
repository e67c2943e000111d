"""What every concern protocol is made of: the `Found` bundle and small dose helpers."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from footcore.domain.catalog import Dose, Exercise
from footcore.domain.prescription import PrescribedExercise
from footcore.domain.profile import Profile
from footcore.domain.progression import usable_rungs
from footcore.domain.vocab import Equipment

ADULT_AGE = 18
"""footcore's choice: under 18, no repetition-maximum loading (the protocols here were
trialled in adults)."""


@dataclass
class Found:
    """What a protocol adds: prescribed exercises, warnings and notes."""

    items: list[PrescribedExercise] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def adult(profile: Profile) -> bool:
    return profile.age is None or profile.age >= ADULT_AGE


def first_usable(
    exercise: Exercise, preferred: Sequence[str], have: Collection[Equipment]
) -> str | None:
    """The first of `preferred` variant ids the runner's equipment allows."""
    usable = {v.id for v in usable_rungs(exercise, have)}
    return next((v for v in preferred if v in usable), None)


def plain(dose: Dose, **changes: object) -> Dose:
    """A dose without its catalog note (the reason says it in plain words)."""
    return dataclasses.replace(dose, note=None, **changes)  # type: ignore[arg-type]
