"""Swapping an exercise mid-session for one that serves the same purpose.

A runner whose step is taken, or whose calf is tired of raises, can trade an
exercise for another one the planner could have chosen: same role, serving the same
concerns (or working the same structures), not ruled out by a caution for where it
hurts now, and with at least one rung their equipment allows. The alternative comes
at its starting level (the rung nearest its default that the runner can do): a
swap is a one-off, so it does not inherit the swapped exercise's progression
(`footcore-design`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from footcore.domain.catalog import Catalog, Dose, Exercise
from footcore.domain.progression import NoUsableVariant, build_ladder
from footcore.domain.vocab import Equipment, PainSite


@dataclass(frozen=True, slots=True)
class Alternative:
    """An exercise to do instead, with the rung and dose to do it at. It fits
    `timeline.TimelineInput`, so the player can unroll it like a plan item."""

    exercise: str
    name: str
    variant: str
    dose: Dose


def serves_same_purpose(original: Exercise, other: Exercise) -> bool:
    """Same role, and a shared indication or (for exercises without any) a shared target."""
    if other.role is not original.role:
        return False
    if set(original.indications) & set(other.indications):
        return True
    return bool(set(original.targets) & set(other.targets))


def swap_options(
    original: Exercise,
    catalog: Catalog,
    *,
    pain: Collection[PainSite],
    equipment: Collection[Equipment],
    exclude: Collection[str] = (),
) -> tuple[Alternative, ...]:
    """Exercises that could replace `original` for this runner, in catalog order.

    Left out: `original` itself, ids in `exclude` (the session's other exercises, so a
    swap never doubles one up), exercises whose cautions rule them out for a site in
    `pain`, and exercises with no rung the runner's `equipment` allows.
    """
    sore = frozenset(pain)
    skip = {original.id, *exclude}
    found: list[Alternative] = []
    for other in catalog.exercises:
        if other.id in skip or not serves_same_purpose(original, other):
            continue
        if other.avoided_with() & sore:
            continue
        try:
            rung, dose = build_ladder(other, equipment).at(0)
        except NoUsableVariant:
            continue
        found.append(Alternative(other.id, other.name, rung.id, dose))
    return tuple(found)
