"""Concern protocols: the exercises a concern calls for, at the source's dose and frequency.

Each function returns the prescribed exercises and the warnings for one concern,
given the runner's profile and the catalog. Numbers come from the cited source
(evidence.md §3); where a source leaves a gap, the choice is labelled footcore's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from footcore.domain.catalog import Catalog, Dose, Exercise
from footcore.domain.prescription import (
    Frequency,
    PrescribedExercise,
    Progression,
    RxRole,
    Stage,
)
from footcore.domain.profile import Profile
from footcore.domain.progression import usable_rungs
from footcore.domain.vocab import Concern, Equipment

ADULT_AGE = 18
"""footcore's choice: under 18, no repetition-maximum loading (the protocols here were
trialled in adults)."""
RATHLEFF_COURSE_WEEKS = 12
BEYER_COURSE_WEEKS = 12
BALANCE_LADDER = ((1, "free-standing"), (3, "eyes-closed"), (6, "balance-disk"))
"""footcore's choice: the week each rung of the balance ladder starts (the seed names the
rungs, not when to climb them)."""
SEED_PER_WEEK = 2
"""footcore's choice: a concern's seed exercises come twice a week (seed 000 gives the
exercises, not how often each)."""


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


def rathleff(profile: Profile, catalog: Catalog) -> Found:
    """Plantar heel pain: Rathleff 2015's high-load heel raise every second day for 12
    weeks (3 x 12RM, weeks 3-4 4 x 10RM, from week 5 5 x 8RM, tempo 3-2-3), both legs
    when the reps cannot be done; plus seed 000's plantar stretch."""
    found = Found()
    exercise = catalog.get("heel-raise-towel")
    have = profile.equipment
    if first_usable(exercise, ("single-leg",), have) is None:
        found.warnings.append(
            "Plantar heel pain: the heel-raise protocol (Rathleff 2015) needs a step and a "
            "rolled towel. Add them to your equipment to get it; until then the plan cannot "
            "hold the protocol."
        )
    else:
        both = exercise.variant("both-legs").dose
        easy = Stage(1, "both-legs", plain(both, sets=2, rm=None))
        if adult(profile):
            stages = [Stage(1, "single-leg", plain(exercise.variant("single-leg").dose))]
            if "backpack" in {v.id for v in usable_rungs(exercise, have)} or (
                Equipment.BACKPACK in have
            ):
                stages += [
                    Stage(3, "backpack-10rm", plain(exercise.variant("backpack-10rm").dose)),
                    Stage(5, "backpack-8rm", plain(exercise.variant("backpack-8rm").dose)),
                ]
            else:
                found.warnings.append(
                    "Plantar heel pain: from week 3 the protocol adds load in a backpack "
                    "(Rathleff 2015). Add a backpack to your equipment, or the plan stays "
                    "at the week 1-2 dose."
                )
            progression = Progression.COURSE
            criterion = (
                "the next row of the table when its week comes, only while you manage the "
                "reps and the pain settles by the next morning; otherwise both legs"
            )
        else:
            stages = [Stage(1, "single-leg", plain(exercise.variant("single-leg").dose, rm=None))]
            progression = Progression.FIXED
            criterion = "no extra load under 18 (footcore's choice)"
        found.items.append(
            PrescribedExercise(
                exercise=exercise.id,
                stages=tuple(stages),
                frequency=Frequency.EVERY_SECOND_DAY,
                role=RxRole.CONCERN_PROTOCOL,
                reason="for plantar heel pain: the high-load heel raise, every second day",
                citation="rathleff-2015",
                course_weeks=RATHLEFF_COURSE_WEEKS,
                progression=progression,
                criterion=criterion,
                regression=Stage(1, "both-legs", plain(both)),
                concern=Concern.PLANTAR_FASCIITIS,
                easy=easy,
            )
        )
        if profile.sessions_per_week < 3:
            found.warnings.append(
                f"Plantar heel pain: the heel raise is done every second day (Rathleff "
                f"2015), which needs 3 strength sessions a week; you asked for "
                f"{profile.sessions_per_week}. Choose 3 sessions a week."
            )
    stretch = catalog.get("plantar-stretch")
    found.items.append(
        PrescribedExercise(
            exercise=stretch.id,
            stages=(Stage(1, stretch.default_variant, plain(stretch.dose)),),
            frequency=Frequency.PER_WEEK,
            per_week=profile.sessions_per_week,
            role=RxRole.CONCERN_PROTOCOL,
            reason="for plantar heel pain: the plantar stretch in every strength session",
            citation="seed-000",
            progression=Progression.FIXED,
            concern=Concern.PLANTAR_FASCIITIS,
        )
    )
    return found


# Beyer 2015 (evidence.md §3.3): the week 6-8 row (4 x 8RM) was not verified in a
# primary copy, so footcore holds the week 4-5 dose through week 8.
_BEYER_TABLE = ((1, 3, 15), (2, 3, 12), (4, 4, 10), (9, 4, 6))


def beyer(profile: Profile, catalog: Catalog) -> Found:
    """Achilles tendinopathy: heavy slow resistance (Beyer 2015) at home, 3 sessions a
    week for 12 weeks: a seated bent-knee and a standing heel raise with a backpack or
    dumbbells, 3 s up and 3 s down. With insertional pain the heel never drops below
    the step (flat floor)."""
    found = Found()
    have = profile.equipment
    insertional = Concern.ACHILLES_INSERTIONAL in profile.concerns
    plans: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("seated-heel-raise-loaded", ("backpack", "dumbbells")),
        (
            "standing-heel-raise-loaded",
            ("floor-backpack", "floor-dumbbells")
            if insertional
            else ("step-backpack", "step-dumbbells", "floor-backpack", "floor-dumbbells"),
        ),
    )
    loaded = adult(profile)
    for exercise_id, preferred in plans:
        exercise = catalog.get(exercise_id)
        bottom = exercise.variants[0]
        variant = first_usable(exercise, preferred, have) if loaded else None
        if variant is None:
            variant = bottom.id
            progression = Progression.FIXED
            if loaded:
                found.warnings.append(
                    f"Achilles: heavy slow resistance (Beyer 2015) needs a heavy load for the "
                    f"{exercise.name.lower()}. Add a backpack or dumbbells to your equipment; "
                    "until then it is done without load, which is not the protocol."
                )
            stages: tuple[Stage, ...] = (Stage(1, variant, plain(bottom.dose)),)
        else:
            progression = Progression.COURSE
            base = exercise.variant(variant).dose
            stages = tuple(
                Stage(week, variant, plain(base, sets=sets, reps_min=rm, reps_max=rm, rm=rm))
                for week, sets, rm in _BEYER_TABLE
            )
        found.items.append(
            PrescribedExercise(
                exercise=exercise_id,
                stages=stages,
                frequency=Frequency.PER_WEEK,
                per_week=3,
                role=RxRole.CONCERN_PROTOCOL,
                reason=(
                    "for Achilles pain: heavy slow resistance, 3 times a week"
                    + ("; flat floor, the heel never below the step" if insertional else "")
                ),
                citation="beyer-2015",
                course_weeks=BEYER_COURSE_WEEKS,
                progression=progression,
                criterion=(
                    "the next row of the table when its week comes, only while pain after "
                    "training does not increase; otherwise a lighter load or a slower step"
                ),
                regression=Stage(1, bottom.id, plain(bottom.dose)),
                concern=Concern.ACHILLES,
                easy=Stage(1, bottom.id, plain(bottom.dose, sets=2, rm=None)),
            )
        )
    if profile.sessions_per_week < 3:
        found.warnings.append(
            f"Achilles: heavy slow resistance is done 3 times a week (Beyer 2015); you asked "
            f"for {profile.sessions_per_week} sessions. Choose 3 sessions a week."
        )
    found.notes.append(
        "Achilles: eccentric heel drops (Alfredson 1998) did as well as heavy slow "
        "resistance in Beyer 2015, but footcore does not dose them: the dose in its sources "
        "is not verified. Ask a clinician if you prefer them."
    )
    return found


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


Protocol = Callable[[Profile, Catalog], Found]


def present(catalog: Catalog, *exercise_ids: str) -> bool:
    """Whether the catalog holds every one of these exercises (a clinic's own catalog,
    or a test's, may lack some)."""
    ids = set(catalog.ids())
    return all(i in ids for i in exercise_ids)


def guarded(protocol: Protocol, *needs: str) -> Protocol:
    """`protocol`, or nothing when the catalog lacks an exercise it needs."""

    def run(profile: Profile, catalog: Catalog) -> Found:
        if not present(catalog, *needs):
            return Found()
        try:
            return protocol(profile, catalog)
        except KeyError as missing:
            # A catalog whose exercise lacks a rung the protocol names cannot hold it.
            return Found(warnings=[f"The exercise catalog lacks {missing} for this protocol."])

    return run


_RATHLEFF = guarded(rathleff, "heel-raise-towel", "plantar-stretch")
_BEYER = guarded(beyer, "seated-heel-raise-loaded", "standing-heel-raise-loaded")
_BALANCE = guarded(balance, "single-leg-raise", "ankle-rotations")

PROTOCOLS: Mapping[Concern, Protocol] = {
    Concern.PLANTAR_FASCIITIS: _RATHLEFF,
    Concern.ACHILLES: _BEYER,
    Concern.ACHILLES_INSERTIONAL: _BEYER,
    Concern.SHIN_SPLINTS: guarded(shin, "heel-walking", "shin-curls", "calf-raises"),
    Concern.TRAIL_STABILITY: _BALANCE,
    Concern.ANKLE_SPRAIN_HISTORY: _BALANCE,
    Concern.METATARSALGIA: guarded(forefoot, "toe-spreads"),
    Concern.FLAT_FEET: flat_feet,
}
"""The protocol each concern calls for; concerns not listed change nothing but the
ranking of seed 000's variety (the runner is told so)."""
