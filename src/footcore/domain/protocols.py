"""Concern protocols: the exercises a concern calls for, at the source's dose and frequency.

Each function returns the prescribed exercises and the warnings for one concern,
given the runner's profile and the catalog. Numbers come from the cited source
(evidence.md §3); where a source leaves a gap, the choice is labelled footcore's.
The seed-based protocols live in `protocols_seed`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from footcore.domain.catalog import Catalog
from footcore.domain.prescription import Frequency, PrescribedExercise, Progression, RxRole, Stage
from footcore.domain.profile import Profile
from footcore.domain.progression import usable_rungs
from footcore.domain.protocol_parts import Found, adult, first_usable, plain
from footcore.domain.protocols_seed import balance, flat_feet, forefoot, shin
from footcore.domain.vocab import Concern, Equipment

__all__ = ["PROTOCOLS", "Found", "adult", "plain"]

RATHLEFF_COURSE_WEEKS = 12
BEYER_COURSE_WEEKS = 12


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
