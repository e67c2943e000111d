"""How long a dose, and a session, takes: the time model the planner fills sessions with.

The model counts what the guided session plays (`timeline`): the bottom of a rep
range, a short relax between holds, a rest between sets, a foot switch in every set
of a per-side dose, a get-ready before each exercise and a rest between exercises.
Every constant is a footcore design assumption (`footcore-design`): the seeds give
holds and repetitions, not the seconds spent resting, switching feet or moving on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import lru_cache

from footcore.domain.catalog import Dose
from footcore.domain.plan import PlanItem

DEFAULT_REST_S = 30
"""footcore-design: rest between sets when the dose names none (seed-000 and seed-004
give none); long enough to shake the foot out."""
SWITCH_S = 5
"""footcore-design: changing from one foot to the other."""
RELAX_S = 3
"""footcore-design: letting go between two holds or two timed bouts."""
DEFAULT_REP_S = 3
"""footcore-design: one controlled repetition when the dose gives no hold, duration,
tempo or `rep_s` (a toe curl, a spread, a tap)."""
GET_READY_S = 10
"""footcore-design: reading the next exercise and getting into position."""
EXERCISE_REST_S = 15
"""footcore-design: the breather between two exercises."""


def counted_reps(dose: Dose) -> int:
    """Repetitions per set (and per side) the guided session counts: the bottom of the
    range, since the planner has already chosen the dose and progression raises that
    bottom. A dose without repetitions is one hold or one bout per set."""
    if dose.reps_min is not None:
        return dose.reps_min
    if dose.reps_max is not None:
        return dose.reps_max
    return 1


def work_s(dose: Dose) -> int:
    """Seconds of one repetition: the hold, else the timed bout, else the tempo, else
    the dose's own `rep_s`, else `DEFAULT_REP_S`."""
    if dose.hold_s is not None:
        return dose.hold_s
    if dose.duration_s is not None:
        return dose.duration_s
    if dose.tempo is not None:
        return dose.tempo.rep_s
    if dose.rep_s is not None:
        return dose.rep_s
    return DEFAULT_REP_S


@lru_cache(maxsize=4096)
def estimate_dose_s(dose: Dose) -> int:
    """Estimated seconds for a whole dose, without the transition into it.

    A side's set is `counted_reps` repetitions of `work_s`, with `RELAX_S` between
    holds or timed bouts; a `per_side` dose does each set on one foot, switches
    (`SWITCH_S`) and does it on the other; sets are separated by `rest_s`, or
    `DEFAULT_REST_S` when the dose gives none (footcore-design).
    """
    sets = max(dose.sets, 1)
    reps = max(counted_reps(dose), 1)
    sustained = dose.hold_s is not None or dose.duration_s is not None
    side_s = reps * work_s(dose) + (reps - 1) * (RELAX_S if sustained else 0)
    set_s = 2 * side_s + SWITCH_S if dose.per_side else side_s
    rest_s = DEFAULT_REST_S if dose.rest_s is None else dose.rest_s
    return sets * set_s + (sets - 1) * rest_s


def fewest_sets_cut(dose: Dose, budget_s: float) -> Dose:
    """`dose` with sets taken off, one at a time, while it runs past `budget_s` seconds
    with its transition (`estimate_item_s`), down to one set: the same result as
    cutting one set after another, found without building every shorter dose (a
    dose's time grows by the same step with each set)."""
    if dose.sets <= 1 or estimate_item_s(dose) <= budget_s:
        return dose
    one = dataclasses.replace(dose, sets=1)
    step_s = estimate_dose_s(dataclasses.replace(dose, sets=2)) - estimate_dose_s(one)
    spare_s = budget_s - estimate_item_s(one)
    sets = 1 if spare_s < 0 or step_s <= 0 else min(1 + int(spare_s // step_s), dose.sets - 1)
    return one if sets == 1 else dataclasses.replace(dose, sets=sets)


def transition_s(*, first: bool = False) -> int:
    """Seconds before an exercise starts: `GET_READY_S`, plus `EXERCISE_REST_S` for
    every exercise but the first of a session (footcore-design)."""
    return GET_READY_S + (0 if first else EXERCISE_REST_S)


def estimate_item_s(dose: Dose, *, first: bool = False) -> int:
    """A dose plus the transition into it (`transition_s`, written out: it runs for every
    item the planner tries)."""
    return estimate_dose_s(dose) + (GET_READY_S if first else GET_READY_S + EXERCISE_REST_S)


def estimate_session_s(items: Iterable[PlanItem | Dose]) -> int:
    """Estimated seconds for a session: every dose with its transition."""
    return sum(
        estimate_item_s(item if isinstance(item, Dose) else item.dose, first=position == 0)
        for position, item in enumerate(items)
    )
