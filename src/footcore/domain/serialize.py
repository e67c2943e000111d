"""Plain-dict forms of domain values, shared by the CLI, the API and the exports.

Key names are part of footcore's public JSON contract: change them only with care.
"""

from __future__ import annotations

from typing import Any

from footcore.domain.catalog import Catalog, Dose, Exercise, Tempo, Variant


def dose_to_dict(dose: Dose) -> dict[str, Any]:
    """Every key is always present; `None` marks what the source does not give."""
    return {**dose_fields(dose), "text": dose.describe()}


def dose_fields(dose: Dose) -> dict[str, Any]:
    """`dose_to_dict` without the derived `text` (how a plan stores its doses)."""
    return {
        "sets": dose.sets,
        "reps_min": dose.reps_min,
        "reps_max": dose.reps_max,
        "hold_s": dose.hold_s,
        "duration_s": dose.duration_s,
        "per_side": dose.per_side,
        "rest_s": dose.rest_s,
        "tempo": (
            None
            if dose.tempo is None
            else {"up_s": dose.tempo.up_s, "top_s": dose.tempo.top_s, "down_s": dose.tempo.down_s}
        ),
        "rm": dose.rm,
        "rep_s": dose.rep_s,
        "note": dose.note,
    }


def variant_to_dict(variant: Variant) -> dict[str, Any]:
    return {
        "id": variant.id,
        "name": variant.name,
        "position": variant.position.value,
        "equipment": [e.value for e in variant.equipment],
        "optional_equipment": [e.value for e in variant.optional_equipment],
        "cue": variant.cue,
        "source": variant.source,
        "dose": dose_to_dict(variant.dose),
    }


def exercise_summary(exercise: Exercise) -> dict[str, Any]:
    """The short form used in lists."""
    return {
        "id": exercise.id,
        "name": exercise.name,
        "aliases": list(exercise.aliases),
        "role": exercise.role.value,
        "purpose": exercise.purpose,
        "position": exercise.position.value,
        "equipment": [e.value for e in exercise.equipment],
        "sides": exercise.sides.value,
        "indications": [c.value for c in exercise.indications],
        "dose": dose_to_dict(exercise.dose),
    }


def exercise_to_dict(exercise: Exercise, catalog: Catalog) -> dict[str, Any]:
    """The full form: everything a page or a hand-out needs, citations resolved."""
    data = exercise_summary(exercise)
    data.update(
        {
            "targets": list(exercise.targets),
            "steps": list(exercise.steps),
            "keystone": exercise.keystone,
            "default_variant": exercise.default_variant,
            "variants": [variant_to_dict(v) for v in exercise.variants],
            "regressions": [v.id for v in exercise.regressions],
            "progressions": [v.id for v in exercise.progressions],
            "cautions": [
                {"text": c.text, "avoid_with_pain": [p.value for p in c.avoid_with_pain]}
                for c in exercise.cautions
            ],
            "illustration_alt": exercise.illustration.alt,
            "citations": [
                {"key": c.key, "text": c.text, "doi": c.doi, "url": c.url, "status": c.status}
                for c in catalog.cited(exercise.citations)
            ],
        }
    )
    return data


def dose_from_dict(data: dict[str, Any]) -> Dose:
    """The inverse of `dose_to_dict` (the `text` key is derived and ignored)."""
    tempo = data.get("tempo")
    return Dose(
        sets=int(data["sets"]),
        reps_min=data.get("reps_min"),
        reps_max=data.get("reps_max"),
        hold_s=data.get("hold_s"),
        duration_s=data.get("duration_s"),
        per_side=bool(data.get("per_side", False)),
        rest_s=data.get("rest_s"),
        tempo=None if tempo is None else Tempo(tempo["up_s"], tempo["top_s"], tempo["down_s"]),
        rm=data.get("rm"),
        rep_s=data.get("rep_s"),
        note=data.get("note"),
    )
