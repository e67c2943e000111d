"""Progression: which rung of an exercise's ladder, at which dose, for a given level.

Level 0 is the exercise's default rung at its seed dose. Each level up first raises
the dose within the rung (the bottom of the rep range toward its top, then one more
set back near the bottom of the range, never less work than before), and once the
rung is used up (`MAX_SETS`) moves to the
next rung up at that rung's own seed dose. Each level down first lowers the dose
(fewer sets, then fewer repetitions) and then drops to the rung below.
Levels past either end stay at the end. This mirrors the increment rules of
bmc-geriatr-2008 (add repetitions up to a ceiling, or take a stronger band) and the
"increase in intensity and difficulty" of the foot-core protocol (matias-2016).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from footcore.domain.catalog import Dose, Exercise, Variant
from footcore.domain.timing import counted_reps, estimate_dose_s
from footcore.domain.vocab import Equipment

MAX_SETS = 3
"""footcore-design: a rung is raised to at most three sets before the next rung is
taken; a rung whose seed dose already has more sets (rathleff-2015 builds to five)
keeps its own."""


class NoUsableVariant(LookupError):
    """Every rung of the exercise needs equipment the runner does not have."""


@lru_cache(maxsize=4096)
def raise_steps(seed: Dose) -> tuple[Dose, ...]:
    """The doses above `seed` within one rung, easiest first (seed excluded).
    Every ladder a planner builds asks this of the same seed doses: each is worked
    out once (a dose is a frozen value, the answer a tuple of frozen values).

    Repetitions: the bottom of the range climbs to the top in steps of half the
    range (10-15 -> 13-15 -> 15). Then one more set, back near the bottom of the
    range but never below the work of the step before, and so on up to `MAX_SETS`
    (footcore-design). A dose without repetitions gains sets only.
    """
    cap = max(seed.sets, MAX_SETS)
    if seed.duration_s is not None and seed.reps_min is not None:
        # Timed bouts (toe walking's 2-3 x 1 min): the bouts are the set; never more.
        return tuple(_narrowed_ranges(seed))
    if seed.rm is not None:
        # An NRM dose is N reps: only sets change, never the reps against the load.
        return tuple(dataclasses.replace(seed, sets=n) for n in range(seed.sets + 1, cap + 1))
    steps: list[Dose] = []
    previous = seed
    for sets in range(seed.sets, cap + 1):
        base = dataclasses.replace(seed, sets=sets)
        if sets > seed.sets:
            base = _at_least(base, previous)
            steps.append(base)
        steps.extend(_narrowed_ranges(base))
        previous = steps[-1] if steps else seed
    return tuple(steps)


def _at_least(dose: Dose, previous: Dose) -> Dose:
    """`dose` with the bottom of its range raised until it is no less work than
    `previous` (adding a set must not mean fewer repetitions or less time)."""
    top = dose.reps_max if dose.reps_max is not None else dose.reps_min
    while (
        dose.reps_min is not None
        and top is not None
        and dose.reps_min < top
        and (_volume(dose) < _volume(previous) or estimate_dose_s(dose) < estimate_dose_s(previous))
    ):
        dose = dataclasses.replace(dose, reps_min=dose.reps_min + 1)
    return dose


def _volume(dose: Dose) -> int:
    return dose.sets * counted_reps(dose)


def _narrowed_ranges(dose: Dose) -> list[Dose]:
    low, high = dose.reps_min, dose.reps_max
    if low is None or high is None or high <= low:
        return []
    stride = max(1, math.ceil((high - low) / 2))
    found: list[Dose] = []
    while low < high:
        low = min(high, low + stride)
        found.append(dataclasses.replace(dose, reps_min=low))
    return found


@lru_cache(maxsize=4096)
def lower_steps(seed: Dose) -> tuple[Dose, ...]:
    """The doses below `seed` within one rung, hardest first (seed excluded): one set
    fewer at a time down to one, then about two thirds of the repetitions, the old
    count becoming the top of the range (10-15 -> 7-10; footcore-design)."""
    steps: list[Dose] = []
    dose = seed
    while dose.sets > 1:
        dose = dataclasses.replace(dose, sets=dose.sets - 1)
        steps.append(dose)
    if dose.reps_min is not None and dose.rm is None:
        fewer = max(1, round(dose.reps_min * 2 / 3))
        if fewer < dose.reps_min:
            steps.append(dataclasses.replace(dose, reps_min=fewer, reps_max=dose.reps_min))
    return tuple(steps)


def lighter(dose: Dose) -> Dose:
    """One step easier within the same rung (a set fewer, else fewer repetitions);
    the dose itself when there is nothing left to take away. Used for the
    lighter and race weeks (footcore-design)."""
    if dose.sets > 1:
        return dataclasses.replace(dose, sets=dose.sets - 1)
    steps = lower_steps(dose)
    return steps[0] if steps else dose


def usable_rungs(
    exercise: Exercise, equipment: Collection[Equipment] | None
) -> tuple[Variant, ...]:
    """The rungs that need nothing missing from `equipment` (None: everything at hand)."""
    if equipment is None:
        return exercise.variants
    have = frozenset(equipment)
    return tuple(rung for rung in exercise.variants if have.issuperset(rung.equipment))


@dataclass(frozen=True, slots=True)
class Ladder:
    """Every (rung, dose) an exercise can be prescribed at, easiest first, for one
    runner's equipment; `zero` is the position of level 0."""

    exercise_id: str
    states: tuple[tuple[Variant, Dose], ...]
    zero: int

    def at(self, level: int) -> tuple[Variant, Dose]:
        position = min(max(self.zero + level, 0), len(self.states) - 1)
        return self.states[position]

    @property
    def top_level(self) -> int:
        """The highest level that still changes anything."""
        return len(self.states) - 1 - self.zero

    @property
    def bottom_level(self) -> int:
        return -self.zero


_LADDERS: dict[tuple[int, frozenset[Equipment] | None], tuple[Exercise, Ladder | None]] = {}
_LADDERS_SIZE = 1024
"""Ladders built, by the exercise object and the equipment at hand; bounded."""


def build_ladder(exercise: Exercise, equipment: Collection[Equipment] | None = None) -> Ladder:
    """The exercise's ladder restricted to rungs `equipment` allows.

    Level 0 sits on the default rung, or, when the runner lacks something it needs,
    on the nearest usable rung (the easier one when two are equally near).
    Raises `NoUsableVariant` when no rung is usable.
    """
    # A plan asks for the ladders of the whole catalog (which exercises are usable at
    # all) and of its own exercises, and runners share the catalog's exercise objects:
    # each ladder is built once per exercise and set of equipment. The entry keeps the
    # exercise alive, so its id is not reused while the entry lasts.
    key = (id(exercise), None if equipment is None else frozenset(equipment))
    found = _LADDERS.get(key)
    if found is None or found[0] is not exercise:
        if len(_LADDERS) >= _LADDERS_SIZE:
            _LADDERS.clear()
        found = _LADDERS[key] = (exercise, _ladder(exercise, key[1]))
    if found[1] is None:
        raise NoUsableVariant(exercise.id)
    return found[1]


def _ladder(exercise: Exercise, equipment: Collection[Equipment] | None) -> Ladder | None:
    rungs = usable_rungs(exercise, equipment)
    if not rungs:
        return None
    default_at = exercise.rung_index(exercise.default_variant)
    start = min(
        range(len(rungs)),
        key=lambda i: (abs(exercise.rung_index(rungs[i].id) - default_at), i),
    )
    states: list[tuple[Variant, Dose]] = []
    zero = 0
    for i, rung in enumerate(rungs):
        if i <= start:
            states.extend((rung, d) for d in reversed(lower_steps(rung.dose)))
        if i == start:
            zero = len(states)
        states.append((rung, rung.dose))
        if i >= start:
            states.extend((rung, d) for d in raise_steps(rung.dose))
    return Ladder(exercise_id=exercise.id, states=tuple(states), zero=zero)


def level_dose(
    exercise: Exercise, level: int, *, equipment: Collection[Equipment] | None = None
) -> tuple[Variant, Dose]:
    """The rung and dose for `level` (0 = the default rung at its seed dose).

    Deterministic and monotonic: as the level rises the rung never gets easier, and
    within a rung the volume and time never drop. `equipment` restricts the ladder
    to rungs the runner can do (see `build_ladder`).
    """
    return build_ladder(exercise, equipment).at(level)


def describe_change(
    exercise: Exercise, before: tuple[Variant, Dose] | None, after: tuple[Variant, Dose]
) -> str | None:
    """A few words on what changed since last time (`progressed to 2 sets`,
    `moved up to Single-Leg Heel Raise`), or None when nothing did."""
    if before is None:
        return None
    (old_rung, old), (new_rung, new) = before, after
    if old_rung.id != new_rung.id:
        harder = exercise.rung_index(new_rung.id) > exercise.rung_index(old_rung.id)
        return f"{'moved up' if harder else 'eased'} to {new_rung.name}"
    if new.sets != old.sets:
        verb = "progressed" if new.sets > old.sets else "eased"
        return f"{verb} to {new.sets} set{'s' if new.sets > 1 else ''}"
    if counted_reps(new) != counted_reps(old):
        verb = "progressed" if counted_reps(new) > counted_reps(old) else "eased"
        return f"{verb} to {_reps(new)} reps"
    if new != old:
        return "dose adjusted"
    return None


def _reps(dose: Dose) -> str:
    if dose.reps_max is None or dose.reps_max == dose.reps_min:
        return str(dose.reps_min)
    return f"{dose.reps_min}-{dose.reps_max}"
