"""Filling one session with exercises until it reaches its time target.

A strength session takes exercises in the order given until the time estimate
reaches the target, never letting it pass the target by more than `OVERSHOOT`:
first each at its own dose where it fits, then the ones left over at an eased dose,
and when the exercises run out before the target, extra sets, one exercise at a
time. An activation warm-up fills 2-3 minutes the same way, easing a drill's dose
when the whole one does not fit. Targets and limits are footcore-design.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from footcore.domain.catalog import Dose, Variant
from footcore.domain.plan import WeekKind
from footcore.domain.profile import Profile
from footcore.domain.progression import lower_steps
from footcore.domain.timing import estimate_item_s, estimate_session_s, transition_s

SHARE_OF_MINUTES: Mapping[WeekKind, float] = MappingProxyType(
    {WeekKind.BUILD: 1.0, WeekKind.LIGHTER: 0.7, WeekKind.RACE: 0.5}
)
"""footcore-design: lighter weeks aim at 70% of the asked minutes, race weeks at half."""
OVERSHOOT = 1.2
"""footcore-design: a session may run at most 20% over the asked minutes."""
FILL_MAX_SETS = 10
"""footcore-design: extra sets never take a dose past ten sets."""
ACTIVATION_TARGET_S = 120
ACTIVATION_LIMIT_S = 180
"""seed-004's warm-up drills, kept to 2-3 minutes (footcore-design)."""


@dataclass(frozen=True, slots=True)
class Slot:
    """An exercise placed in a session, before its reason is written."""

    exercise_id: str
    variant: Variant
    base: Dose
    """The dose the runner's level calls for."""
    dose: Dose
    """`base`, plus any sets added to fill the session."""

    @property
    def extra_sets(self) -> int:
        return self.dose.sets - self.base.sets


Offer = Callable[[str, int, bool], tuple[Variant, Dose] | None]
"""Given an exercise id, the seconds of dose that still fit into the session and
whether to squeeze it in by easing its dose, the rung and dose to do it at, or None
to leave it out of this session."""


def target_s(profile: Profile, kind: WeekKind) -> int:
    """Seconds a strength session aims for in a week of this kind."""
    return round(profile.minutes * 60 * SHARE_OF_MINUTES[kind])


def limit_s(goal_s: int) -> int:
    """The most seconds a session aiming at `goal_s` may come to."""
    return int(goal_s * OVERSHOOT)


def fill_strength(order: Sequence[str], offer: Offer, target_s: int) -> tuple[Slot, ...]:
    """Exercises from `order` (best first) until `target_s` is reached.

    A first pass takes each exercise at its own dose where it fits; a second pass
    squeezes in the ones left over at an eased dose; only then are sets added.
    """
    ceiling = limit_s(target_s)
    slots: list[Slot] = []
    total = 0
    for squeeze in (False, True):
        for exercise_id in order:
            if total >= target_s:
                break
            if any(slot.exercise_id == exercise_id for slot in slots):
                continue
            room = ceiling - total - transition_s(first=not slots)
            offered = offer(exercise_id, room, squeeze) if room > 0 else None
            if offered is None:
                continue
            variant, dose = offered
            cost = estimate_item_s(dose, first=not slots)
            if total + cost <= ceiling:
                slots.append(Slot(exercise_id, variant, dose, dose))
                total += cost
    return _add_sets(slots, target_s, ceiling)


def _add_sets(slots: list[Slot], target_s: int, ceiling: int) -> tuple[Slot, ...]:
    total = estimate_session_s(s.dose for s in slots)
    grew = True
    while total < target_s and grew:
        grew = False
        for i, slot in enumerate(slots):
            if total >= target_s:
                break
            if slot.dose.sets >= FILL_MAX_SETS:
                continue
            bigger = dataclasses.replace(slot.dose, sets=slot.dose.sets + 1)
            step = estimate_item_s(bigger) - estimate_item_s(slot.dose)
            if total + step <= ceiling:
                slots[i] = dataclasses.replace(slot, dose=bigger)
                total += step
                grew = True
    return tuple(slots)


def fill_activation(order: Iterable[str], offer: Offer) -> tuple[Slot, ...]:
    """Warm-up drills from `order` until about two minutes, never past three: a drill
    whose dose does not fit is eased (fewer sets, fewer repetitions) until it does."""
    slots: list[Slot] = []
    total = 0
    for exercise_id in order:
        if total >= ACTIVATION_TARGET_S:
            break
        offered = offer(exercise_id, ACTIVATION_LIMIT_S, False)
        if offered is None:
            continue
        variant, dose = offered
        for option in (dose, *lower_steps(dose)):
            cost = estimate_item_s(option, first=not slots)
            if total + cost <= ACTIVATION_LIMIT_S:
                slots.append(Slot(exercise_id, variant, option, option))
                total += cost
                break
    return tuple(slots)
