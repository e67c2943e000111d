"""The JSON form of a prescription, shared by the API, the store and (later) the clinic.

`prescription_from_dict(prescription_to_dict(p)) == p`. Each item carries its
citation key and, for people, the source in plain words (`source`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from footcore.domain.prescription import (
    Change,
    Frequency,
    PrescribedExercise,
    PrescribedSide,
    Prescription,
    Progression,
    RxRole,
    Stage,
)
from footcore.domain.reasons import source_words
from footcore.domain.serialize import dose_from_dict, dose_to_dict
from footcore.domain.vocab import Concern


def _stage(stage: Stage) -> dict[str, Any]:
    return {
        "from_week": stage.from_week,
        "variant": stage.variant,
        "dose": dose_to_dict(stage.dose),
    }


def _stage_from(data: dict[str, Any]) -> Stage:
    return Stage(int(data["from_week"]), str(data["variant"]), dose_from_dict(data["dose"]))


def item_to_dict(item: PrescribedExercise) -> dict[str, Any]:
    return {
        "exercise": item.exercise,
        "variant": item.variant,
        "dose": dose_to_dict(item.dose),
        "stages": [_stage(s) for s in item.stages],
        "frequency": item.frequency.value,
        "per_week": item.per_week,
        "side": item.side.value,
        "course_weeks": item.course_weeks,
        "progression": item.progression.value,
        "criterion": item.criterion,
        "role": item.role.value,
        "reason": item.reason,
        "citation": item.citation,
        "source": source_words(item.citation),
        "concern": None if item.concern is None else item.concern.value,
        "regression": None if item.regression is None else _stage(item.regression),
        "easy": None if item.easy is None else _stage(item.easy),
        "note": item.note,
        "pinned": item.pinned,
    }


def item_from_dict(data: dict[str, Any]) -> PrescribedExercise:
    return PrescribedExercise(
        exercise=str(data["exercise"]),
        stages=tuple(_stage_from(s) for s in data["stages"]),
        frequency=Frequency(data["frequency"]),
        per_week=int(data["per_week"]),
        side=PrescribedSide(data["side"]),
        course_weeks=None if data["course_weeks"] is None else int(data["course_weeks"]),
        progression=Progression(data["progression"]),
        criterion=str(data["criterion"]),
        role=RxRole(data["role"]),
        reason=str(data["reason"]),
        citation=str(data["citation"]),
        concern=None if data["concern"] is None else Concern(data["concern"]),
        regression=None if data["regression"] is None else _stage_from(data["regression"]),
        easy=None if data["easy"] is None else _stage_from(data["easy"]),
        note=str(data.get("note", "")),
        pinned=bool(data.get("pinned", False)),
    )


def prescription_to_dict(prescription: Prescription) -> dict[str, Any]:
    return {
        "version": prescription.version,
        "items": [item_to_dict(i) for i in prescription.items],
        "notes": list(prescription.notes),
        "warnings": list(prescription.warnings),
        "variety": list(prescription.variety),
        "emphasis": list(prescription.emphasis),
        "caps": [list(pair) for pair in prescription.caps],
        "steady": prescription.steady,
        "start_on": _iso(prescription.start_on),
        "review_on": _iso(prescription.review_on),
        "history": [
            {"version": c.version, "by": c.by, "on": c.on.isoformat(), "why": c.why}
            for c in prescription.history
        ],
    }


def prescription_from_dict(data: dict[str, Any]) -> Prescription:
    return Prescription(
        items=tuple(item_from_dict(i) for i in data["items"]),
        notes=tuple(str(n) for n in data["notes"]),
        warnings=tuple(str(w) for w in data["warnings"]),
        variety=tuple(str(v) for v in data["variety"]),
        emphasis=tuple(str(v) for v in data["emphasis"]),
        caps=tuple((str(a), str(b)) for a, b in data["caps"]),
        steady=bool(data.get("steady", False)),
        start_on=_date(data.get("start_on")),
        review_on=_date(data.get("review_on")),
        history=tuple(
            Change(int(c["version"]), str(c["by"]), dt.date.fromisoformat(c["on"]), str(c["why"]))
            for c in data["history"]
        ),
    )


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _date(raw: object) -> dt.date | None:
    return None if raw is None else dt.date.fromisoformat(str(raw))
