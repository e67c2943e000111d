"""Prescription templates: a set of prescribed exercises a clinician starts a client from.

footcore ships six, each built by the same code that proposes prescriptions (the
concern protocols, seed 004's keystones and warm-up), so their doses are the sources'
and never typed twice. A clinician may also save a client's prescription as a template
of their clinic. Applying one gives the client's prescription a new version: `replace`
puts the template's exercises in place of the current ones, `add` adds them (an
exercise already there in the same role takes the template's version). The runner's
pain still rules: an exercise a pain site excludes is left out and rungs are capped,
as in a proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from footcore.domain.catalog import Catalog
from footcore.domain.pain_rules import pain_effects
from footcore.domain.plan_builder import FIRST_WEEK_EXERCISES, MAX_NEW_PER_WEEK
from footcore.domain.prescribe import keystones, take_items, warm_ups
from footcore.domain.prescription import (
    Frequency,
    PrescribedExercise,
    Prescription,
    Progression,
    RxRole,
    Stage,
)
from footcore.domain.prescription_serialize import item_from_dict, item_to_dict
from footcore.domain.problems import Invalid, Problem
from footcore.domain.profile import DEFAULT_MINUTES, SESSIONS_RANGE, Profile
from footcore.domain.protocol_parts import Found, plain
from footcore.domain.protocols import BEYER_COURSE_WEEKS, PROTOCOLS, RATHLEFF_COURSE_WEEKS
from footcore.domain.vocab import Concern

FOOT_CORE_PER_WEEK = 3
"""The foot-core programme's sessions a week after its first 8 weeks (matias-2016), and
throughout in the 2022 report of the trial. Its first phase asks 4, more strength
sessions than footcore's 2-3 a week (seed-000) place."""
FOOT_CORE_EXERCISES = ("short-foot", "toe-yoga", "toe-spreads", "toe-curls", "single-leg-raise")
"""footcore's choice: the trial's week-by-week table is not verified (evidence.md §1.1),
so its two parts, intrinsic foot-muscle strengthening and activation while standing,
are filled with the seeds' exercises at the seeds' doses."""
LOW, HIGH = SESSIONS_RANGE
MAX_NAME = 80
MAX_ITEMS = 20


class ApplyMode(StrEnum):
    REPLACE = "replace"
    """The template's exercises in place of the current ones."""
    ADD = "add"
    """The template's exercises added to the current ones."""


@dataclass(frozen=True, slots=True)
class TemplateContent:
    items: tuple[PrescribedExercise, ...]
    variety: tuple[str, ...] | None = None
    """Seed 000's rotation the template sets, or None to keep the client's."""
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ShippedTemplate:
    key: str
    name: str
    citation: str
    """The citation key (evidence.md) or seed the template comes from."""
    summary: str
    """What it holds, in plain words; footcore's own choices are labelled as such."""
    build: Callable[[Profile, Catalog], Found]
    sets_variety: bool = False


def _seed_000(profile: Profile, catalog: Catalog) -> Found:
    # The routine is the rotation itself (`Prescription.variety`), placed by the scheduler.
    return Found()


def _foot_core(profile: Profile, catalog: Catalog) -> Found:
    found = Found()
    per_week = min(FOOT_CORE_PER_WEEK, profile.sessions_per_week)
    for exercise_id in FOOT_CORE_EXERCISES:
        if exercise_id not in catalog.ids():
            continue
        exercise = catalog.get(exercise_id)
        found.items.append(
            PrescribedExercise(
                exercise=exercise_id,
                stages=(Stage(1, exercise.default_variant, plain(exercise.dose)),),
                frequency=Frequency.PER_WEEK,
                per_week=per_week,
                role=RxRole.KEYSTONE,
                reason=(
                    f"foot-core programme: foot-muscle work {FOOT_CORE_PER_WEEK} times a week "
                    "(Matias 2016); the exercise and its dose are the seeds' (footcore's choice)"
                ),
                citation="matias-2016",
                progression=Progression.LADDER,
                criterion="one step when the last dose was managed without more pain",
            )
        )
    if profile.sessions_per_week < FOOT_CORE_PER_WEEK:
        found.warnings.append(
            f"Foot-core programme: {FOOT_CORE_PER_WEEK} sessions a week (Matias 2016); the "
            f"profile asks for {profile.sessions_per_week}. Choose {FOOT_CORE_PER_WEEK} "
            "sessions a week."
        )
    found.notes.append(
        "Foot-core programme: the trial's own week-by-week exercises are not verified, so "
        "footcore fills it with the seeds' foot exercises (footcore's choice)."
    )
    return found


SHIPPED: tuple[ShippedTemplate, ...] = (
    ShippedTemplate(
        "seed-000-routine",
        "Seed 000: the ten-exercise foot routine",
        "seed-000",
        f"Seed 000's exercises in rotation, {LOW}-{HIGH} times a week for about "
        f"{DEFAULT_MINUTES} minutes: {FIRST_WEEK_EXERCISES} in week one, new ones each week (at "
        f"most {MAX_NEW_PER_WEEK} a week is footcore's choice).",
        _seed_000,
        sets_variety=True,
    ),
    ShippedTemplate(
        "seed-004-warm-up",
        "Seed 004: warm-up before a run",
        "seed-004",
        "Toe yoga and the short foot in the warm-up, the big-toe tap daily (seed 004); the "
        "warm-up's shorter reps are footcore's choice.",
        lambda profile, catalog: warm_ups(catalog),
    ),
    ShippedTemplate(
        "seed-004-weekly",
        "Seed 004: weekly strength routine",
        "seed-004",
        "The short foot and posterior tibialis work every week (seed 004), climbing their "
        "ladders (footcore's choice).",
        keystones,
    ),
    ShippedTemplate(
        "rathleff-heel-pain",
        "Plantar heel pain: high-load heel raise (Rathleff 2015)",
        "rathleff-2015",
        "The high-load heel raise with a towel under the toes every second day for "
        f"{RATHLEFF_COURSE_WEEKS} weeks, by the trial's table, and seed 000's plantar stretch.",
        PROTOCOLS[Concern.PLANTAR_FASCIITIS],
    ),
    ShippedTemplate(
        "hsr-achilles",
        "Achilles tendinopathy: heavy slow resistance (Beyer 2015)",
        "beyer-2015",
        f"Seated and standing loaded heel raises, 3 times a week for {BEYER_COURSE_WEEKS} weeks, "
        "by the trial's table (its unverified week 6-8 row is left out: footcore's choice).",
        PROTOCOLS[Concern.ACHILLES],
    ),
    ShippedTemplate(
        "foot-core",
        "Foot-core programme (Matias 2016, Taddei 2020)",
        "matias-2016",
        f"Intrinsic foot-muscle work and standing activation {FOOT_CORE_PER_WEEK} times a week "
        "(Matias 2016); the trial's exercise table is not verified, so the exercises and doses "
        "are the seeds' (footcore's choice).",
        _foot_core,
    ),
)
SHIPPED_BY_KEY: Mapping[str, ShippedTemplate] = {t.key: t for t in SHIPPED}


def shipped_content(
    template: ShippedTemplate, profile: Profile, catalog: Catalog
) -> TemplateContent:
    """The template for this runner: their equipment, age and pain decide as in a proposal."""
    effects = pain_effects(profile, catalog)
    items: list[PrescribedExercise] = []
    warnings: list[str] = []
    notes: list[str] = []
    take_items(template.build(profile, catalog), items, warnings, notes, effects, catalog)
    variety = None
    if template.sets_variety:
        variety = tuple(
            e.id
            for e in catalog.exercises
            if "seed-000" in e.citations and e.id not in effects.excluded
        )
    return TemplateContent(tuple(items), variety, tuple(warnings), tuple(notes))


def template_data(rx: Prescription) -> dict[str, Any]:
    """What a clinician's template stores of a prescription: its exercises and rotation."""
    return {"items": [item_to_dict(i) for i in rx.items], "variety": list(rx.variety)}


def check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise Invalid((Problem("name", "a template needs a name"),))
    if len(name) > MAX_NAME:
        raise Invalid((Problem("name", f"at most {MAX_NAME} characters"),))
    return name


def saved_content(data: Mapping[str, Any], profile: Profile, catalog: Catalog) -> TemplateContent:
    """A stored template for this runner; an exercise the catalog no longer holds, or
    one the runner's pain excludes, is left out with a warning."""
    effects = pain_effects(profile, catalog)
    found = Found()
    for raw in list(data.get("items") or [])[:MAX_ITEMS]:
        if not isinstance(raw, Mapping):
            continue
        try:
            item = item_from_dict(dict(raw))
            catalog.get(item.exercise).variant(item.variant)
        except (KeyError, TypeError, ValueError):
            found.warnings.append(f"The template's {raw.get('exercise')!r} is not in the catalog.")
            continue
        found.items.append(item)
    items: list[PrescribedExercise] = []
    warnings: list[str] = []
    notes: list[str] = []
    take_items(found, items, warnings, notes, effects, catalog)
    variety = tuple(
        v
        for v in data.get("variety") or []
        if isinstance(v, str) and v in catalog.ids() and v not in effects.excluded
    )
    return TemplateContent(tuple(items), variety, (*found.warnings, *warnings), tuple(notes))


def apply_template(
    rx: Prescription,
    content: TemplateContent,
    *,
    mode: ApplyMode,
    by: str,
    today: dt.date,
    why: str,
) -> Prescription:
    """The next version of `rx` started from a template (see the module docstring)."""
    if not content.items and not content.variety:
        raise Invalid(
            (Problem("template", "nothing in it suits this client's pain and equipment"),)
        )
    if mode is ApplyMode.REPLACE:
        items = content.items
        warnings, notes = content.warnings, content.notes
    else:
        new = {(i.exercise, i.role) for i in content.items}
        items = (*(i for i in rx.items if (i.exercise, i.role) not in new), *content.items)
        warnings = tuple(dict.fromkeys((*rx.warnings, *content.warnings)))
        notes = tuple(dict.fromkeys((*rx.notes, *content.notes)))
    return rx.revised(
        by=by,
        on=today,
        why=why,
        items=items,
        variety=rx.variety if content.variety is None else content.variety,
        warnings=warnings,
        notes=notes,
    )
