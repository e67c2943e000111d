"""What each current pain site changes in a prescription, or that it changes nothing.

Exclusions come from the catalog's cautions and the forefoot rule; caps hold an
exercise at or below a rung. Every site the runner names gets a sentence, so no pain
is silently ignored (footcore's rules unless a source is named).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from footcore.domain.catalog import Catalog
from footcore.domain.profile import Profile
from footcore.domain.rotation import exclusion
from footcore.domain.vocab import Concern, PainSite

FOREFOOT_EXCLUDED = ("toe-walking", "heel-raise-towel", "standing-heel-raise-loaded")
"""Exercises that put the whole body's weight (or more) through the ball of the foot:
left out while the ball of the foot hurts (seed 000 says so for toe walking; footcore
extends it to the other forefoot loaders)."""
FOREFOOT_CAPS: Mapping[str, str] = {
    "calf-raises": "floor-supported",
    "seated-heel-raise-loaded": "bodyweight",
}
"""Forefoot loaders that stay at an unloaded rung instead."""

_SITE_RULES: Mapping[PainSite, tuple[Mapping[str, str], str]] = {
    PainSite.ARCH: (
        {"short-foot": "seated", "single-leg-raise": "eyes-closed"},
        "Arch pain: the short foot stays seated and the balance ladder stops before the "
        "balance disk; stop any exercise that sharpens the pain.",
    ),
    PainSite.ANKLE: (
        {"single-leg-raise": "free-standing", "ankle-rotations": "lying"},
        "Ankle pain: the balance ladder stays on firm floor with eyes open, and ankle "
        "rotations stay lying down; stop any exercise that sharpens the pain.",
    ),
    PainSite.SHIN: (
        {"shin-curls": "floor"},
        "Shin pain: shin curls stay on flat floor. Pain on one spot of the bone, or pain "
        "that grows as you run, needs a clinician before more loading.",
    ),
    PainSite.TOES: (
        {"toe-curls": "no-towel"},
        "Toe pain: toe curls go without the towel; stop any exercise that sharpens the pain.",
    ),
}


@dataclass
class PainEffects:
    excluded: dict[str, str] = field(default_factory=dict)
    """Exercise id -> why it is left out."""
    caps: dict[str, str] = field(default_factory=dict)
    """Exercise id -> the highest rung allowed."""
    notes: list[str] = field(default_factory=list)


def pain_effects(profile: Profile, catalog: Catalog) -> PainEffects:
    """Exclusions, rung caps and one sentence per pain site (plus equipment exclusions)."""
    effects = PainEffects()
    for exercise in catalog.exercises:
        reason = exclusion(exercise, profile)
        if reason is not None:
            effects.excluded[exercise.id] = reason
    pain = set(profile.pain)
    if PainSite.BALL_OF_FOOT in pain:
        for exercise_id in FOREFOOT_EXCLUDED:
            if exercise_id not in catalog.ids():
                continue
            effects.excluded.setdefault(
                exercise_id,
                f"{catalog.get(exercise_id).name} left out while the ball of your foot hurts: "
                "it loads the forefoot",
            )
        effects.caps.update({k: v for k, v in FOREFOOT_CAPS.items() if _has(catalog, k, v)})
        effects.notes.append(
            "Ball-of-foot pain: toe walking, heel raises on a step and loaded calf raises are "
            "left out, and calf raises stay on flat floor without load, while the pain lasts."
        )
    if PainSite.HEEL in pain:
        effects.notes.append(
            "Heel pain: heel walking is left out."
            + (
                ""
                if Concern.PLANTAR_FASCIITIS in profile.concerns
                else " If the pain is under the heel, add the plantar fasciitis concern to "
                "get the heel-raise protocol for it."
            )
        )
    if PainSite.ACHILLES in pain:
        if {Concern.ACHILLES, Concern.ACHILLES_INSERTIONAL} & set(profile.concerns):
            effects.notes.append(
                "Achilles pain: the heavy slow resistance protocol is the treatment; some "
                "discomfort during the sets is acceptable, more pain after training means a "
                "lighter load next time (Beyer 2015)."
            )
        else:
            effects.excluded.setdefault(
                "toe-walking", "Toe Walking left out while your Achilles hurts"
            )
            if _has(catalog, "calf-raises", "step"):
                effects.caps["calf-raises"] = _lower(catalog, "calf-raises", "step", effects.caps)
            effects.notes.append(
                "Achilles pain: toe walking is left out and calf raises stay without "
                "dumbbells. Add the Achilles concern to get the heavy slow resistance protocol."
            )
    for site, (caps, note) in _SITE_RULES.items():
        if site in pain:
            for exercise_id, top in caps.items():
                if not _has(catalog, exercise_id, top):
                    continue
                effects.caps[exercise_id] = _lower(catalog, exercise_id, top, effects.caps)
            effects.notes.append(note)
    return effects


def _lower(catalog: Catalog, exercise_id: str, top: str, caps: Mapping[str, str]) -> str:
    """The lower of `top` and an existing cap for the exercise."""
    if exercise_id not in caps:
        return top
    exercise = catalog.get(exercise_id)
    return min(top, caps[exercise_id], key=exercise.rung_index)


def _has(catalog: Catalog, exercise_id: str, variant_id: str) -> bool:
    if exercise_id not in catalog.ids():
        return False
    return variant_id in {v.id for v in catalog.get(exercise_id).variants}
