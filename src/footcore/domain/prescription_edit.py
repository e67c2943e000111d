"""A clinician's edit of a prescription, as one document: what `edit_document` returns,
`apply_edit` accepts.

Per item the clinician sets the rung (`variant`), the dose, the side, the frequency,
the progression (`auto`, optionally `max_variant`: up to that rung; or `hold`: the rung
and dose stay until the clinician's next edit), a pin and a note; for the whole program
a start and a review date. The adaptation rules still act inside these limits: pain
regresses or pauses an exercise, "too easy" never steps past `max_variant` or a hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from footcore.domain.catalog import Catalog
from footcore.domain.catalog_rules import dose_problems
from footcore.domain.prescription import (
    Frequency,
    PrescribedExercise,
    PrescribedSide,
    Prescription,
    Progression,
    RxRole,
    Stage,
)
from footcore.domain.problems import Invalid, Problem
from footcore.domain.serialize import dose_from_dict, dose_to_dict

AUTO = "auto"
HOLD = "hold"
ITEM_KEYS = {
    "exercise", "variant", "dose", "side", "frequency", "per_week", "progression",
    "max_variant", "pinned", "note", "role", "reason", "citation", "name",
}  # fmt: skip
READ_ONLY = {"history", "name"}
DOC_KEYS = {"version", "start_on", "review_on", "why", "items", *READ_ONLY}
MAX_ITEMS = 20
MAX_NOTE = 500
EDITABLE_FREQUENCIES = (Frequency.DAILY, Frequency.EVERY_SECOND_DAY, Frequency.PER_WEEK)


def edit_document(rx: Prescription, catalog: Catalog) -> dict[str, Any]:
    caps = dict(rx.caps)
    return {
        "version": rx.version,
        "start_on": None if rx.start_on is None else rx.start_on.isoformat(),
        "review_on": None if rx.review_on is None else rx.review_on.isoformat(),
        "why": "",
        "items": [
            {
                "exercise": i.exercise,
                "name": catalog.get(i.exercise).name if i.exercise in catalog.ids() else i.exercise,
                "variant": i.variant,
                "dose": dose_to_dict(i.dose),
                "side": i.side.value,
                "frequency": i.frequency.value,
                "per_week": i.per_week,
                "progression": HOLD if i.progression is Progression.FIXED else AUTO,
                "max_variant": caps.get(i.exercise),
                "pinned": i.pinned or i.role is RxRole.CONCERN_PROTOCOL,
                "note": i.note,
                "role": i.role.value,
                "reason": i.reason,
                "citation": i.citation,
            }
            for i in rx.items
        ],
        "history": [
            {"version": c.version, "by": c.by, "on": c.on.isoformat(), "why": c.why}
            for c in rx.history
        ],
    }


def _date(raw: object, field: str, problems: list[Problem]) -> dt.date | None:
    if raw in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        problems.append(Problem(field, f"{raw!r} is not a date (YYYY-MM-DD)"))
        return None


def apply_edit(
    rx: Prescription,
    document: Mapping[str, Any],
    catalog: Catalog,
    *,
    by: str,
    today: dt.date,
) -> Prescription:
    """The next version of `rx` after a clinician's edit; `Invalid` names every bad field."""
    problems = [Problem(k, "unknown field") for k in document if k not in DOC_KEYS]
    start = _date(document.get("start_on"), "start_on", problems)
    review = _date(document.get("review_on"), "review_on", problems)
    if review is not None and review < today:
        problems.append(Problem("review_on", "cannot be in the past"))
    if start is not None and review is not None and review < start:
        problems.append(Problem("review_on", "comes before the start"))
    raw_items = document.get("items")
    if not isinstance(raw_items, list):
        problems.append(Problem("items", "a list of exercises"))
        raw_items = []
    elif not raw_items and not rx.variety:
        # Seed 000's routine is a rotation alone: it may hold no fixed exercise.
        problems.append(Problem("items", "at least one exercise"))
    elif len(raw_items) > MAX_ITEMS:
        problems.append(Problem("items", f"at most {MAX_ITEMS} exercises"))
        raw_items = []
    # One exercise may serve twice (the short foot as keystone and as warm-up): an item
    # is known by its exercise and role.
    current = {(i.exercise, i.role.value): i for i in rx.items}
    items: list[PrescribedExercise] = []
    caps = {
        k: v
        for k, v in rx.caps
        if k not in {i.get("exercise") for i in raw_items if isinstance(i, Mapping)}
    }
    seen: set[tuple[str, str]] = set()
    for n, raw in enumerate(raw_items):
        item, cap = _item(raw, f"items[{n}]", current, catalog, seen, problems)
        if item is not None:
            items.append(item)
            if cap is not None:
                caps[item.exercise] = cap
    why = str(document.get("why") or "").strip()[:MAX_NOTE] or "edited by the clinician"
    if problems:
        raise Invalid(problems)
    return rx.revised(
        by=by,
        on=today,
        why=why,
        items=tuple(items),
        caps=tuple(sorted(caps.items())),
        start_on=start,
        review_on=review,
    )


def _item(
    raw: object,
    at: str,
    current: Mapping[tuple[str, str], PrescribedExercise],
    catalog: Catalog,
    seen: set[tuple[str, str]],
    problems: list[Problem],
) -> tuple[PrescribedExercise | None, str | None]:
    if not isinstance(raw, Mapping):
        problems.append(Problem(at, "an object with an exercise id"))
        return None, None
    before = len(problems)
    problems.extend(Problem(f"{at}.{k}", "unknown field") for k in raw if k not in ITEM_KEYS)
    exercise_id = raw.get("exercise")
    if not isinstance(exercise_id, str) or exercise_id not in catalog.ids():
        problems.append(Problem(f"{at}.exercise", f"{exercise_id!r} is not an exercise id"))
        return None, None
    role = str(raw.get("role") or RxRole.KEYSTONE.value)
    if role not in {r.value for r in RxRole}:
        problems.append(Problem(f"{at}.role", f"{role!r} is not a role"))
        return None, None
    if (exercise_id, role) in seen:
        problems.append(Problem(f"{at}.exercise", f"{exercise_id} is listed twice as {role}"))
        return None, None
    seen.add((exercise_id, role))
    exercise = catalog.get(exercise_id)
    rungs = [v.id for v in exercise.variants]
    old = current.get((exercise_id, role))
    variant = raw.get("variant") or (old.variant if old else exercise.default_variant)
    if variant not in rungs:
        problems.append(
            Problem(
                f"{at}.variant", f"{variant!r} is not a rung of {exercise_id}: {', '.join(rungs)}"
            )
        )
        return None, None
    dose = old.dose if old and variant == old.variant else exercise.variant(variant).dose
    if raw.get("dose") is not None:
        try:
            dose = dose_from_dict(dict(raw["dose"]))
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(Problem(f"{at}.dose", f"not a dose: {exc}"))
            return None, None
        problems.extend(Problem(f"{at}.dose.{f}", m) for f, m in dose_problems(dose))
    side = _choice(
        raw, "side", PrescribedSide, old.side if old else PrescribedSide.BOTH, at, problems
    )
    frequency = _choice(
        raw, "frequency", Frequency, old.frequency if old else Frequency.PER_WEEK, at, problems
    )
    per_week = raw.get("per_week", old.per_week if old else 2)
    if isinstance(per_week, bool) or not isinstance(per_week, int) or not 1 <= per_week <= 7:
        problems.append(Problem(f"{at}.per_week", "1 to 7 sessions a week"))
    progression = raw.get("progression", AUTO)
    if progression not in (AUTO, HOLD):
        problems.append(Problem(f"{at}.progression", f"{progression!r} is not one of: auto, hold"))
    cap = raw.get("max_variant")
    if cap not in (None, ""):
        if cap not in rungs:
            problems.append(Problem(f"{at}.max_variant", f"{cap!r} is not a rung of {exercise_id}"))
        elif rungs.index(str(cap)) < rungs.index(variant):
            problems.append(Problem(f"{at}.max_variant", "is easier than the starting rung"))
    else:
        cap = None
    note = str(raw.get("note") or "").strip()
    if len(note) > MAX_NOTE:
        problems.append(Problem(f"{at}.note", f"at most {MAX_NOTE} characters"))
    pinned = bool(raw.get("pinned", False))
    if len(problems) > before:
        return None, None
    assert side is not None
    assert frequency is not None
    kept = old is not None and variant == old.variant and dose == old.dose
    if progression == HOLD:
        rule = Progression.FIXED
    elif kept and old is not None and old.progression is not Progression.FIXED:
        rule = old.progression
    else:
        rule = Progression.LADDER
    stages = old.stages if kept and old is not None else (Stage(1, variant, dose),)
    if old is not None:
        item = replace(
            old, stages=stages, side=side, frequency=frequency, per_week=int(per_week),
            progression=rule, note=note, pinned=pinned,
        )  # fmt: skip
    else:
        item = PrescribedExercise(
            exercise=exercise_id, stages=stages, frequency=frequency, role=RxRole(role),
            reason="chosen by your physio", citation="", per_week=int(per_week), side=side,
            progression=rule, note=note, pinned=pinned,
        )  # fmt: skip
    return item, None if cap is None else str(cap)


def _choice(
    raw: Mapping[str, Any], name: str, kind: Any, default: Any, at: str, problems: list[Problem]
) -> Any:
    value = raw.get(name, default)
    allowed = EDITABLE_FREQUENCIES if kind is Frequency else tuple(kind)
    try:
        found = kind(value)
    except ValueError:
        found = None
    if found is None or (kind is Frequency and found not in allowed and found != default):
        problems.append(
            Problem(
                f"{at}.{name}", f"{value!r} is not one of: {', '.join(m.value for m in allowed)}"
            )
        )
        return None
    return found
