"""`propose_prescription`: the profile and the self-tests in, a prescription out.

Order of precedence: concern protocols (which stay for their course at their
frequency), the keystones (short foot and posterior tibialis work, every week, as
seed 004 asks), the warm-up drills seed 004 names, then seed 000's variety, which
fills the rest of the sessions and never displaces a protocol. Pure and
deterministic: same inputs, same prescription.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from footcore.domain.catalog import Catalog
from footcore.domain.pain_rules import PainEffects, pain_effects
from footcore.domain.prescription import (
    Change,
    Frequency,
    PrescribedExercise,
    Prescription,
    Progression,
    RxRole,
    Stage,
)
from footcore.domain.profile import Profile
from footcore.domain.progression import build_ladder
from footcore.domain.protocols import PROTOCOLS, Found, adult, plain
from footcore.domain.rotation import CONCERN_WORDS
from footcore.domain.sessions import limit_s
from footcore.domain.steering import Emphasis
from footcore.domain.timing import estimate_item_s
from footcore.domain.vocab import Concern

TIBIALIS = "posterior-tibialis-band-inversion"
WARM_UP_SHORT_FOOT_REPS = 5
"""footcore's choice: in the warm-up, the short foot is done 5 times a foot (seed 004
names it for the warm-up; its 10-15 belongs in a strength session)."""
WARM_UP_TOE_YOGA_REPS = 10
"""The low end of seed 004's 10-15, so the warm-up stays short (footcore's choice)."""
PROPOSER = "footcore"
CALF_LOADERS = ("toe-walking", "calf-raises")
"""Left out of the variety alongside heavy slow resistance, which already loads the calf
and tendon heavily (footcore's choice)."""


def propose_prescription(
    profile: Profile,
    assessments: Sequence[Emphasis],
    catalog: Catalog,
    *,
    today: dt.date | None = None,
) -> Prescription:
    """The prescription footcore proposes (see the module docstring).

    `assessments` are the emphases the latest self-tests triggered (`steering`); an
    emphasised variety exercise comes first in the rotation. `today` dates the version.
    """
    effects = pain_effects(profile, catalog)
    items: list[PrescribedExercise] = []
    warnings: list[str] = []
    notes: list[str] = []
    done: set[object] = set()
    for concern in profile.concerns:
        protocol = PROTOCOLS.get(concern)
        if protocol is None:
            notes.append(
                f"{CONCERN_WORDS[concern].capitalize()}: no protocol in footcore's sources; "
                "seed 000's exercises that serve it come first in the rotation."
            )
            continue
        if protocol in done:
            continue
        done.add(protocol)
        take_items(protocol(profile, catalog), items, warnings, notes, effects, catalog)
    take_items(keystones(profile, catalog), items, warnings, notes, effects, catalog)
    take_items(warm_ups(catalog), items, warnings, notes, effects, catalog)
    notes.extend(effects.notes)
    notes.extend(
        why
        for exercise_id, why in effects.excluded.items()
        if "seed-000" in catalog.get(exercise_id).citations
    )
    if not adult(profile):
        notes.append("Under 18: no exercise is loaded to a repetition maximum (footcore's choice).")
    variety = _variety(profile, assessments, catalog, effects, items)
    warnings.extend(_time_warnings(profile, items, catalog))
    steady = any(e.exercise is None for e in assessments)
    if steady:
        notes.append(
            "Your FAAM score is under 90%: the plan stays steady, exercises step up at half "
            "the usual pace and at most one new exercise comes each week (footcore's choice)."
        )
    return Prescription(
        items=tuple(items),
        notes=tuple(dict.fromkeys(notes)),
        warnings=tuple(dict.fromkeys(warnings)),
        variety=variety,
        emphasis=tuple(
            e.exercise for e in assessments if e.exercise is not None and e.exercise in variety
        ),
        caps=tuple(sorted(effects.caps.items())),
        steady=steady,
        history=(
            Change(1, PROPOSER, today or profile.start, "proposed from the profile and self-tests"),
        ),
    )


def take_items(
    found: Found,
    items: list[PrescribedExercise],
    warnings: list[str],
    notes: list[str],
    effects: PainEffects,
    catalog: Catalog,
) -> None:
    warnings.extend(found.warnings)
    notes.extend(found.notes)
    for item in found.items:
        if item.exercise in effects.excluded:
            if item.role is RxRole.CONCERN_PROTOCOL:
                warnings.append(
                    f"{effects.excluded[item.exercise]}; so the plan cannot hold it "
                    f"for your {CONCERN_WORDS[item.concern] if item.concern else 'concern'} "
                    "while that lasts."
                )
            continue
        if any(i.exercise == item.exercise and i.role is item.role for i in items):
            continue
        items.append(_capped(item, effects, catalog))


def _capped(item: PrescribedExercise, effects: PainEffects, catalog: Catalog) -> PrescribedExercise:
    """The item with every stage at or below the pain cap (dose of the capped rung)."""
    top = effects.caps.get(item.exercise)
    if top is None:
        return item
    exercise = catalog.get(item.exercise)
    limit = exercise.rung_index(top)
    if all(exercise.rung_index(s.variant) <= limit for s in item.stages):
        return item
    stage = Stage(1, top, plain(exercise.variant(top).dose, rm=None))
    return dataclasses.replace(
        item,
        stages=(stage,),
        progression=Progression.FIXED,
        criterion="held at an easier version while the pain lasts",
    )


def keystones(profile: Profile, catalog: Catalog) -> Found:
    found = Found()
    flat = Concern.FLAT_FEET in profile.concerns
    for exercise_id, per_week, reason, citation in (
        ("short-foot", 1, "the short foot, every week", "seed-004"),
        (
            TIBIALIS,
            min(2, profile.sessions_per_week) if flat else 1,
            "posterior tibialis work, every week" + (", twice for flat feet" if flat else ""),
            "seed-004",
        ),
    ):
        if exercise_id not in catalog.ids():
            continue
        exercise = catalog.get(exercise_id)
        try:
            variant, dose = build_ladder(exercise, profile.equipment).at(0)
        except LookupError:
            continue
        found.items.append(
            PrescribedExercise(
                exercise=exercise_id,
                stages=(Stage(1, variant.id, plain(dose)),),
                frequency=Frequency.PER_WEEK,
                per_week=per_week,
                role=RxRole.KEYSTONE,
                reason=reason,
                citation=citation,
                progression=Progression.LADDER,
                criterion="one step when the last dose was managed without more pain",
                concern=Concern.FLAT_FEET if flat else None,
            )
        )
    return found


def warm_ups(catalog: Catalog) -> Found:
    """Seed 004: toe yoga and the short foot in the warm-up; the big-toe tap, 1 minute
    a foot, daily."""
    found = Found()
    for exercise_id, variant_id, changes, frequency, reason in (
        (
            "toe-yoga",
            "seated",
            {"reps_min": WARM_UP_TOE_YOGA_REPS, "reps_max": WARM_UP_TOE_YOGA_REPS},
            Frequency.WARM_UP,
            "toe yoga in the warm-up before a run",
        ),
        (
            "short-foot",
            "standing",
            {"reps_min": WARM_UP_SHORT_FOOT_REPS, "reps_max": WARM_UP_SHORT_FOOT_REPS},
            Frequency.WARM_UP,
            "the short foot in the warm-up before a run",
        ),
        (
            "big-toe-tap",
            "standard",
            {},
            Frequency.DAILY,
            "the big-toe tap, 1 minute a foot, daily where the week allows",
        ),
    ):
        if exercise_id not in catalog.ids():
            continue
        exercise = catalog.get(exercise_id)
        if variant_id not in {v.id for v in exercise.variants}:
            variant_id = exercise.default_variant
        dose = plain(exercise.variant(variant_id).dose, **changes)
        found.items.append(
            PrescribedExercise(
                exercise=exercise_id,
                stages=(Stage(1, variant_id, dose),),
                frequency=frequency,
                role=RxRole.WARM_UP,
                reason=reason,
                citation="seed-004",
                progression=Progression.FIXED,
            )
        )
    return found


def _variety(
    profile: Profile,
    assessments: Sequence[Emphasis],
    catalog: Catalog,
    effects: PainEffects,
    items: Sequence[PrescribedExercise],
) -> tuple[str, ...]:
    """Seed 000's exercises the runner may rotate through, and any exercise a self-test
    brought forward: those first, then the ones serving more of the runner's concerns,
    then catalog order."""
    strength = {i.exercise for i in items if i.role is not RxRole.WARM_UP}
    hsr = any(i.citation == "beyer-2015" for i in items)
    emphasised = [e.exercise for e in assessments if e.exercise is not None]
    ranked = []
    for position, exercise in enumerate(catalog.exercises):
        seed = "seed-000" in exercise.citations
        if not (seed or exercise.id in emphasised) or exercise.id in strength:
            continue
        if exercise.id in effects.excluded or (hsr and exercise.id in CALF_LOADERS):
            continue
        served = sum(c in exercise.indications for c in profile.concerns)
        first = emphasised.index(exercise.id) if exercise.id in emphasised else len(emphasised)
        ranked.append(((first, -served, position), exercise.id))
    return tuple(exercise_id for _, exercise_id in sorted(ranked))


def _time_warnings(
    profile: Profile, items: Sequence[PrescribedExercise], catalog: Catalog
) -> list[str]:
    """A warning when the protocols due in one session do not fit the asked minutes."""
    sessions = profile.sessions_per_week
    every = [
        i
        for i in items
        if i.role is RxRole.CONCERN_PROTOCOL
        and (i.frequency is Frequency.EVERY_SECOND_DAY or i.per_week >= sessions)
    ]
    if not every:
        return []
    heaviest = sum(max(estimate_item_s(s.dose) for s in i.stages) for i in every)
    if heaviest <= limit_s(profile.minutes * 60):
        return []
    need = -(-heaviest // 60)
    return [
        f"Your protocols take about {need} minutes a session at their fullest; you asked for "
        f"{profile.minutes}. Set the minutes to at least {need}: until then those sessions run "
        "longer than asked, because footcore cuts other exercises, never a protocol's load."
    ]
