"""Concern protocols built from the seeds' own exercises: shin splints, the balance
ladder, the ball of the foot and flat feet (evidence.md §3.5: weak or no trial evidence
for a specific protocol, so the seeds' doses are used and footcore's choices labelled)."""

from __future__ import annotations

import dataclasses

from footcore.domain.catalog import Catalog
from footcore.domain.prescription import Frequency, PrescribedExercise, Progression, RxRole, Stage
from footcore.domain.profile import Profile
from footcore.domain.progression import usable_rungs
from footcore.domain.protocol_parts import Found, plain
from footcore.domain.vocab import Concern, Equipment

BALANCE_LADDER = ((1, "free-standing"), (3, "eyes-closed"), (6, "balance-disk"))
"""footcore's choice: the week each rung of the balance ladder starts (the seed names the
rungs, not when to climb them)."""
SEED_PER_WEEK = 2
"""footcore's choice: a concern's seed exercises come twice a week (seed 000 gives the
exercises, not how often each)."""


def _seed_item(
    catalog: Catalog,
    exercise_id: str,
    concern: Concern,
    reason: str,
    per_week: int,
    *,
    citation: str = "seed-000",
    progression: Progression = Progression.LADDER,
) -> PrescribedExercise:
    exercise = catalog.get(exercise_id)
    return PrescribedExercise(
        exercise=exercise_id,
        stages=(Stage(1, exercise.default_variant, plain(exercise.dose)),),
        frequency=Frequency.PER_WEEK,
        per_week=per_week,
        role=RxRole.CONCERN_PROTOCOL,
        reason=reason,
        citation=citation,
        progression=progression,
        criterion="one step when the last dose was managed without more pain",
        concern=concern,
    )


def shin(profile: Profile, catalog: Catalog) -> Found:
    """Shin splints: heel walking, shin curls and calf raises (seed 000); no trial
    supports a specific foot protocol (evidence.md §3.5). In every strength session
    (footcore's choice: the seed gives no frequency per exercise)."""
    per_week = profile.sessions_per_week
    found = Found()
    for exercise_id, what in (
        ("heel-walking", "heel walking"),
        ("shin-curls", "shin curls"),
        ("calf-raises", "calf work"),
    ):
        found.items.append(
            _seed_item(
                catalog, exercise_id, Concern.SHIN_SPLINTS, f"for shin splints: {what}", per_week
            )
        )
    found.notes.append(
        "Shin splints: the evidence for foot and calf work against shin splints is weak; no "
        "trial supports a specific protocol. These are the routine's suggestions (seed 000)."
    )
    return found


def balance(profile: Profile, catalog: Catalog) -> Found:
    """Trail stability or an ankle-sprain history: the balance ladder every week
    (single-leg stance -> eyes closed -> balance disk), plus ankle rotations for trail
    runners (seed 000)."""
    found = Found()
    concern = (
        Concern.ANKLE_SPRAIN_HISTORY
        if Concern.ANKLE_SPRAIN_HISTORY in profile.concerns
        else Concern.TRAIL_STABILITY
    )
    exercise = catalog.get("single-leg-raise")
    rungs = [v.id for v in usable_rungs(exercise, profile.equipment)]
    stages = [
        Stage(week, rung, plain(exercise.variant(rung).dose))
        for week, rung in BALANCE_LADDER
        if rung in rungs
    ]
    found.items.append(
        dataclasses.replace(
            _seed_item(
                catalog,
                "single-leg-raise",
                concern,
                "balance ladder for steady ankles: one leg, then eyes closed, then a balance disk",
                min(SEED_PER_WEEK, profile.sessions_per_week),
                citation="footcore-design",
                progression=Progression.COURSE,
            ),
            stages=tuple(stages),
            criterion="the next rung when its week comes, only if every hold was steady",
            regression=Stage(1, "supported", plain(exercise.variant("supported").dose)),
        )
    )
    if Concern.TRAIL_STABILITY in profile.concerns:
        found.items.append(
            _seed_item(
                catalog,
                "ankle-rotations",
                Concern.TRAIL_STABILITY,
                "for stability on trails: ankle rotations",
                1,
            )
        )
    if Equipment.BALANCE_DISK not in profile.equipment:
        found.notes.append(
            "Balance: the top rung of the ladder uses a balance disk; without one the ladder "
            "stops at eyes closed."
        )
    return found


def forefoot(profile: Profile, catalog: Catalog) -> Found:
    """Metatarsalgia or ball-of-foot pain: toe spreads every week (seed 000)."""
    concern = Concern.METATARSALGIA
    return Found(
        items=[
            _seed_item(catalog, "toe-spreads", concern, "for the ball of the foot: toe spreads", 1)
        ]
    )


def flat_feet(profile: Profile, catalog: Catalog) -> Found:
    """Flat feet: the short foot (a keystone anyway) and posterior tibialis work that
    progresses, twice a week; without a band it goes against your own hand, then a
    heel raise squeezing a ball."""
    found = Found()
    found.notes.append(
        "Flat feet: the short foot stays every week, and posterior tibialis work comes twice "
        "a week and climbs its ladder (without a band: against your own hand, then a heel "
        "raise squeezing a ball)."
    )
    return found
