"""Which exercises a runner may do at all, and the words for each concern.

Cautions rule an exercise out for the runner's pain sites, and missing equipment rules
out rungs (or the whole exercise). Which exercises a runner does, and when, is the
prescription's business (`prescribe`, `plan_builder`).
"""

from __future__ import annotations

from collections.abc import Mapping

from footcore.domain.catalog import Exercise
from footcore.domain.profile import Profile
from footcore.domain.progression import NoUsableVariant, build_ladder
from footcore.domain.vocab import Concern

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
