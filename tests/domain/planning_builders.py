"""Small builders for the profile, progression and planner tests: a catalog shaped like
the real one (keystones, a posterior tibialis exercise, warm-up drills, cautions,
equipment ladders) but small enough to reason about by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hypothesis import strategies as st

from footcore.domain.catalog import (
    Catalog,
    Caution,
    Dose,
    Exercise,
    Illustration,
    Pose,
    Tempo,
    Variant,
)
from footcore.domain.profile import Profile
from footcore.domain.vocab import Concern, Equipment, PainSite, Position, Role, Sides, Weekday

MONDAY = dt.date(2026, 12, 7)


def make_dose(**over: Any) -> Dose:
    return dataclasses.replace(Dose(sets=1, reps_min=10, reps_max=15, rep_s=3), **over)


def make_variant(
    variant_id: str,
    *,
    equipment: tuple[Equipment, ...] = (),
    dose: Dose | None = None,
    position: Position = Position.STANDING,
) -> Variant:
    return Variant(
        id=variant_id,
        name=variant_id.replace("-", " ").capitalize(),
        position=position,
        dose=dose or make_dose(),
        equipment=equipment,
    )


def make_exercise(
    exercise_id: str,
    *,
    variants: tuple[Variant, ...] | None = None,
    default: str | None = None,
    role: Role = Role.STRENGTH,
    keystone: bool = False,
    avoid: tuple[PainSite, ...] = (),
    indications: tuple[Concern, ...] = (),
    dose: Dose | None = None,
) -> Exercise:
    rungs = variants or (make_variant("standard", dose=dose),)
    pose = Pose("rest", {})
    return Exercise(
        id=exercise_id,
        name=exercise_id.replace("-", " ").title(),
        aliases=(),
        role=role,
        purpose="test exercise",
        targets=("foot",),
        steps=("do it",),
        sides=Sides.EACH if rungs[0].dose.per_side else Sides.BOTH,
        variants=rungs,
        default_variant=default or rungs[0].id,
        cautions=(Caution("not with this pain", avoid),) if avoid else (),
        indications=indications,
        citations=("seed-000",),
        illustration=Illustration("side", pose, pose, "a figure"),
        keystone=keystone,
    )


def small_catalog() -> Catalog:
    """Twelve exercises: two keystones, one posterior tibialis, two warm-up drills."""
    per_side = {"per_side": True}
    return Catalog(
        exercises=(
            make_exercise(
                "short-foot",
                keystone=True,
                variants=(
                    make_variant(
                        "seated", dose=make_dose(reps_min=5, reps_max=5, hold_s=5, **per_side)
                    ),
                    make_variant(
                        "standing", dose=make_dose(reps_min=10, reps_max=15, hold_s=5, **per_side)
                    ),
                ),
                indications=(Concern.FLAT_FEET, Concern.PLANTAR_FASCIITIS),
            ),
            make_exercise(
                "toe-yoga",
                role=Role.ACTIVATION,
                keystone=True,
                dose=make_dose(rep_s=4, **per_side),
            ),
            make_exercise(
                "big-toe-tap", role=Role.ACTIVATION, dose=Dose(duration_s=60, per_side=True)
            ),
            make_exercise(
                "posterior-tibialis-band",
                variants=(
                    make_variant(
                        "no-band", dose=make_dose(sets=3, reps_min=10, reps_max=10, **per_side)
                    ),
                    make_variant(
                        "band",
                        equipment=(Equipment.BAND,),
                        dose=make_dose(sets=3, reps_min=10, reps_max=10, **per_side),
                    ),
                    make_variant(
                        "ball",
                        equipment=(Equipment.BALL,),
                        dose=make_dose(sets=3, reps_min=10, reps_max=10, **per_side),
                    ),
                ),
                default="band",
                indications=(Concern.SHIN_SPLINTS, Concern.FLAT_FEET),
            ),
            make_exercise(
                "calf-raises",
                variants=(
                    make_variant("floor", dose=make_dose(hold_s=3)),
                    make_variant("step", equipment=(Equipment.STEP,), dose=make_dose(hold_s=3)),
                    make_variant(
                        "step-dumbbells",
                        equipment=(Equipment.STEP, Equipment.DUMBBELLS),
                        dose=make_dose(hold_s=3),
                    ),
                ),
                default="step",
                indications=(Concern.ACHILLES,),
            ),
            make_exercise(
                "toe-walking",
                avoid=(PainSite.BALL_OF_FOOT,),
                dose=Dose(reps_min=2, reps_max=3, duration_s=60),
                indications=(Concern.ACHILLES,),
            ),
            make_exercise(
                "heel-walking",
                avoid=(PainSite.HEEL,),
                dose=Dose(reps_min=5, reps_max=5, rep_s=15),
                indications=(Concern.SHIN_SPLINTS,),
            ),
            make_exercise(
                "shin-curls",
                variants=(
                    make_variant("floor", dose=make_dose(reps_min=5, reps_max=5, hold_s=3)),
                    make_variant(
                        "step",
                        equipment=(Equipment.STEP,),
                        dose=make_dose(reps_min=5, reps_max=5, hold_s=3),
                    ),
                ),
                default="step",
                indications=(Concern.SHIN_SPLINTS, Concern.STRESS_FRACTURE_HISTORY),
            ),
            make_exercise(
                "toe-curls",
                variants=(
                    make_variant(
                        "towel",
                        equipment=(Equipment.TOWEL,),
                        dose=make_dose(reps_min=10, reps_max=10, rep_s=4, **per_side),
                    ),
                ),
            ),
            make_exercise(
                "single-leg-raise",
                role=Role.BALANCE,
                variants=(
                    make_variant(
                        "free", dose=make_dose(reps_min=3, reps_max=5, hold_s=30, **per_side)
                    ),
                    make_variant(
                        "disk",
                        equipment=(Equipment.BALANCE_DISK,),
                        dose=make_dose(reps_min=3, reps_max=5, hold_s=30, **per_side),
                    ),
                ),
                indications=(Concern.TRAIL_STABILITY,),
            ),
            make_exercise(
                "plantar-stretch",
                role=Role.MOBILITY,
                avoid=(PainSite.ARCH,),
                dose=make_dose(reps_min=10, reps_max=10, hold_s=10, **per_side),
                indications=(Concern.PLANTAR_FASCIITIS,),
            ),
            make_exercise(
                "heel-raise-towel",
                variants=(
                    make_variant(
                        "single-leg",
                        equipment=(Equipment.STEP, Equipment.TOWEL),
                        dose=Dose(
                            sets=3,
                            reps_min=12,
                            reps_max=12,
                            per_side=True,
                            rest_s=120,
                            tempo=Tempo(3, 2, 3),
                            rm=12,
                        ),
                    ),
                ),
                indications=(Concern.PLANTAR_FASCIITIS,),
            ),
        )
    )


def make_profile(**over: Any) -> Profile:
    base = Profile(
        start=MONDAY,
        weeks=8,
        run_days=(Weekday.MON, Weekday.WED, Weekday.FRI, Weekday.SUN),
        long_run_day=Weekday.SUN,
        hard_days=(Weekday.WED,),
        sessions_per_week=3,
        minutes=10,
        equipment=tuple(Equipment),
    )
    return dataclasses.replace(base, **over)


HOME_START = dt.date(2027, 1, 4)
"""A Monday: the home runner's plans start here."""
HOME = (Equipment.STEP, Equipment.TOWEL, Equipment.BACKPACK, Equipment.WALL, Equipment.CHAIR)
"""What a runner training at home has to hand."""


def home_profile(**over: Any) -> Profile:
    """A runner four days a week, 25 minutes of foot work, home equipment."""
    fields: dict[str, Any] = {
        "start": HOME_START,
        "weeks": 12,
        "run_days": (Weekday.TUE, Weekday.THU, Weekday.SAT, Weekday.SUN),
        "long_run_day": Weekday.SUN,
        "sessions_per_week": 3,
        "minutes": 25,
        "equipment": HOME,
    }
    fields.update(over)
    return Profile(**fields)


@st.composite
def profiles(draw: st.DrawFn, *, max_weeks: int = 20) -> Profile:
    """Random valid profiles: any running week, races inside (or just after) the plan."""
    start = draw(st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31)))
    weeks = draw(st.integers(1, max_weeks))
    run_days = draw(st.lists(st.sampled_from(list(Weekday)), unique=True, max_size=7))
    long_run = draw(st.none() | st.sampled_from(run_days)) if run_days else None
    hard = draw(st.lists(st.sampled_from(run_days), unique=True)) if run_days else []
    horizon = start + dt.timedelta(days=7 * weeks + 7)
    races = draw(st.lists(st.dates(start, horizon), unique=True, max_size=4))
    return Profile(
        start=start,
        weeks=weeks,
        run_days=tuple(run_days),
        long_run_day=long_run,
        hard_days=tuple(hard),
        races=tuple(races),
        sessions_per_week=draw(st.integers(2, 3)),
        minutes=draw(st.integers(5, 60)),
        concerns=tuple(draw(st.lists(st.sampled_from(list(Concern)), unique=True))),
        pain=tuple(draw(st.lists(st.sampled_from(list(PainSite)), unique=True, max_size=3))),
        equipment=tuple(draw(st.lists(st.sampled_from(list(Equipment)), unique=True))),
        age=draw(st.none() | st.integers(12, 70)),
    )
