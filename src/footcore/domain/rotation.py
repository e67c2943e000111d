"""Which exercises a runner may do, and which of them each week's sessions draw on.

Week one starts with five exercises (seed-000: "start with just five ... and
alternate with new exercises each week"). Every later week brings in at least one
exercise that was not done the week before, while keystones and the posterior
tibialis slot stay (seed-004: "include Posterior Tibialis work in your weekly
strength routine"). Cautions rule exercises out for the runner's pain sites, and a
runner's missing equipment rules out rungs (or the whole exercise). The ranking and
pool sizes are footcore-design.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from footcore.domain.catalog import Catalog, Exercise
from footcore.domain.profile import Profile
from footcore.domain.progression import Ladder, NoUsableVariant, build_ladder
from footcore.domain.vocab import Concern, Role

FIRST_WEEK_EXERCISES = 5
"""seed-000: start with five exercises."""
TYPICAL_EXERCISE_S = 120
"""footcore-design: later weeks hold about as many exercises as one session fits at
two minutes each, and never fewer than five."""
TIBIALIS_PREFIX = "posterior-tibialis-"

_ROLE_ORDER = {Role.STRENGTH: 0, Role.BALANCE: 1, Role.ACTIVATION: 2, Role.MOBILITY: 2}
"""footcore-design: loading work first, then balance, then drills and mobility."""

CONCERN_WORDS: Mapping[Concern, str] = {
    Concern.PLANTAR_FASCIITIS: "plantar fasciitis",
    Concern.ACHILLES: "Achilles",
    Concern.ACHILLES_INSERTIONAL: "insertional Achilles pain",
    Concern.SHIN_SPLINTS: "shin splints",
    Concern.METATARSALGIA: "metatarsalgia",
    Concern.FLAT_FEET: "flat feet",
    Concern.TRAIL_STABILITY: "stability on trails",
    Concern.STRESS_FRACTURE_HISTORY: "stress-fracture history",
    Concern.ANKLE_SPRAIN_HISTORY: "ankle-sprain history",
    Concern.PERFORMANCE: "running performance",
}


class Why(StrEnum):
    """Why an exercise is in a week's pool, strongest reason first."""

    EMPHASIS = "emphasis"
    KEYSTONE = "keystone"
    TIBIALIS = "tibialis"
    CONCERN = "concern"
    NEW = "new"
    ROTATION = "rotation"


@dataclass(frozen=True, slots=True)
class Candidate:
    """An exercise the runner may do, with what the planner needs to rank it."""

    exercise: Exercise
    ladder: Ladder
    """Restricted to the rungs the runner's equipment allows."""
    rank: int
    """0 is the most wanted."""
    concern: Concern | None
    """The first of the runner's concerns this exercise serves."""
    emphasised: bool

    @property
    def id(self) -> str:
        return self.exercise.id

    @property
    def tibialis(self) -> bool:
        return self.exercise.id.startswith(TIBIALIS_PREFIX)

    def why(self, *, new: bool) -> Why:
        if self.emphasised:
            return Why.EMPHASIS
        if self.exercise.keystone:
            return Why.KEYSTONE
        if self.tibialis:
            return Why.TIBIALIS
        if self.concern is not None:
            return Why.CONCERN
        return Why.NEW if new else Why.ROTATION


def exclusion(exercise: Exercise, profile: Profile) -> str | None:
    """Why the runner should not do this exercise at all, or None."""
    for caution in exercise.cautions:
        sites = [site for site in caution.avoid_with_pain if site in profile.pain]
        if sites:
            where = " and ".join(site.value for site in sites)
            return f"{exercise.name} left out because of your {where} pain: {caution.text}"
    try:
        build_ladder(exercise, profile.equipment)
    except NoUsableVariant:
        missing = min(
            (
                tuple(e for e in rung.equipment if e not in profile.equipment)
                for rung in exercise.variants
            ),
            key=len,
        )
        needs = ", ".join(e.value for e in missing)
        return f"{exercise.name} left out: every version needs equipment you lack ({needs})"
    return None


def candidates(
    catalog: Catalog, profile: Profile, emphasis: Sequence[str]
) -> tuple[tuple[Candidate, ...], tuple[str, ...]]:
    """The exercises the runner may do, best first, and why the others are left out.

    Ranking (footcore-design): exercises the assessment brought forward, in the given
    order; keystones; exercises serving more of the runner's concerns; loading work
    before balance before drills; then catalog order.
    """
    emphasised = {exercise_id: i for i, exercise_id in enumerate(dict.fromkeys(emphasis))}
    kept: list[tuple[tuple[int, ...], Exercise]] = []
    left_out: list[str] = []
    for position, exercise in enumerate(catalog.exercises):
        reason = exclusion(exercise, profile)
        if reason is not None:
            left_out.append(reason)
            continue
        served = sum(concern in exercise.indications for concern in profile.concerns)
        key = (
            emphasised.get(exercise.id, len(emphasised)),
            0 if exercise.keystone else 1,
            -served,
            _ROLE_ORDER.get(exercise.role, 3),
            position,
        )
        kept.append((key, exercise))
    kept.sort(key=lambda pair: pair[0])
    found = tuple(
        Candidate(
            exercise=exercise,
            ladder=build_ladder(exercise, profile.equipment),
            rank=rank,
            concern=next((c for c in profile.concerns if c in exercise.indications), None),
            emphasised=exercise.id in emphasised,
        )
        for rank, (_, exercise) in enumerate(kept)
    )
    return found, tuple(left_out)


def pool_size(minutes: int, available: int) -> int:
    """How many exercises a week after the first draws on (footcore-design): about
    as many as one session fits, at least five, and always at least one fewer than
    the runner can do, so something is left to rotate in next week."""
    fits = round(minutes * 60 / TYPICAL_EXERCISE_S)
    return max(1, min(available - 1, max(FIRST_WEEK_EXERCISES, fits)))


@dataclass(frozen=True, slots=True)
class WeekPool:
    members: tuple[Candidate, ...]
    """In the order sessions should reach for them."""
    reasons: Mapping[str, Why]
    newcomers: tuple[str, ...]
    """Ids not done the week before (all of them in the first week)."""
    short_of_new: bool = False
    """True when no exercise was left to rotate in."""


Cost = Callable[[Candidate], int]
"""Seconds an exercise takes in a session at the runner's current level."""


def first_pool(available: Sequence[Candidate], budget_s: int | None, cost_s: Cost) -> WeekPool:
    """The first week's five: keystones and one posterior tibialis exercise, then
    the best ranked. When `budget_s` (all the week's session time) cannot hold them,
    the costliest optional one is swapped for a cheaper candidate while one exists."""
    protected = _protected(available, previous=())
    chosen = list(protected)
    for candidate in available:
        if len(chosen) >= FIRST_WEEK_EXERCISES:
            break
        if candidate.id not in {c.id for c in chosen}:
            chosen.append(candidate)
    if budget_s is not None:
        chosen = _fit(chosen, available, protected, budget_s, cost_s)
    ordered = tuple(sorted(chosen, key=lambda c: c.rank))
    return WeekPool(
        members=ordered,
        reasons={c.id: c.why(new=True) for c in ordered},
        newcomers=tuple(c.id for c in ordered),
    )


def _protected(available: Sequence[Candidate], previous: Collection[str]) -> list[Candidate]:
    """Keystones, and one posterior tibialis exercise (last week's, if possible, so
    its progression carries on)."""
    keystones = [c for c in available if c.exercise.keystone]
    tibialis = sorted(
        (c for c in available if c.tibialis and not c.exercise.keystone),
        key=lambda c: (c.id not in previous, c.rank),
    )
    return keystones + tibialis[:1]


def _fit(
    chosen: list[Candidate],
    available: Sequence[Candidate],
    protected: Sequence[Candidate],
    budget_s: int,
    cost_s: Cost,
) -> list[Candidate]:
    chosen = list(chosen)
    kept = {c.id for c in protected}
    while sum(cost_s(c) for c in chosen) > budget_s:
        optional = [c for c in chosen if c.id not in kept]
        if not optional:
            break
        costliest = max(optional, key=lambda c: (cost_s(c), c.rank))
        taken = {c.id for c in chosen}
        cheaper = [c for c in available if c.id not in taken and cost_s(c) < cost_s(costliest)]
        if not cheaper:
            break
        chosen[chosen.index(costliest)] = min(cheaper, key=lambda c: c.rank)
    return chosen


def next_pool(
    available: Sequence[Candidate],
    previous_content: Sequence[str],
    served_weeks: Mapping[str, int],
    last_done: Mapping[str, int],
    size: int,
) -> WeekPool:
    """The pool for a week after the first.

    Keystones and the posterior tibialis slot stay. About half of the other places
    (at least one) go to exercises not done last week: brought-forward ones first,
    then never-done ones, then the longest unused, best ranked first. The exercises
    that have served the most weeks in a row make room for them.
    """
    done_before = set(previous_content)
    protected = _protected(available, previous=done_before)
    staying = {c.id for c in protected}
    rotating = max(size - len(protected), 1)
    fresh = sorted(
        (c for c in available if c.id not in done_before and c.id not in staying),
        key=lambda c: (not c.emphasised, c.id in last_done, last_done.get(c.id, 0), c.rank),
    )
    newcomers = fresh[: max(1, math.ceil(rotating / 2))]
    by_id = {c.id: c for c in available}
    stayers = sorted(
        (by_id[i] for i in dict.fromkeys(previous_content) if i in by_id and i not in staying),
        key=lambda c: (served_weeks.get(c.id, 0), c.rank),
    )
    members = [*protected, *newcomers]
    members += stayers[: max(size - len(members), 0)]
    # Too few stayers (a short catalog, pauses): top up with more fresh exercises.
    members += fresh[len(newcomers) :][: max(size - len(members), 0)]
    new_ids = tuple(c.id for c in members if c.id not in done_before)
    return WeekPool(
        members=tuple(members),
        reasons={c.id: c.why(new=c.id not in done_before) for c in members},
        newcomers=new_ids,
        short_of_new=not new_ids,
    )
