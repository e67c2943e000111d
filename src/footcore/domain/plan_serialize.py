"""The JSON form of a plan, shared by the API, the CLI and the backup."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from footcore.domain.catalog import Catalog
from footcore.domain.plan import Plan, PlanItem, PlannedSession, PlanWeek, SessionKind, WeekKind
from footcore.domain.serialize import dose_fields, dose_from_dict

DOSE_KEYS = (
    "sets",
    "reps_min",
    "reps_max",
    "hold_s",
    "duration_s",
    "per_side",
    "rest_s",
    "tempo",
    "rm",
    "rep_s",
    "note",
)
"""The dose keys of the plan's JSON form, in order (no derived `text`)."""


def plan_to_dict(plan: Plan, catalog: Catalog) -> dict[str, Any]:
    """`{"weeks": [...], "warnings": [...]}` as documented in the API.

    Raises KeyError when an item names an exercise or variant the catalog lacks, so a
    plan never leaves the program pointing at something that does not exist.
    """
    return {
        "weeks": [_week(week, catalog) for week in plan.weeks],
        "warnings": list(plan.warnings),
    }


def _week(week: PlanWeek, catalog: Catalog) -> dict[str, Any]:
    return {
        "index": week.index,
        "kind": week.kind.value,
        "start": week.start.isoformat(),
        "sessions": [session_to_dict(session, catalog) for session in week.sessions],
    }


def session_to_dict(session: PlannedSession, catalog: Catalog) -> dict[str, Any]:
    """One session of the plan's JSON form."""
    return {
        "date": session.date.isoformat(),
        "kind": session.kind.value,
        "estimated_s": session.estimated_s,
        "reason": session.reason,
        "items": [_item(item, catalog) for item in session.items],
    }


def _item(item: PlanItem, catalog: Catalog) -> dict[str, Any]:
    catalog.get(item.exercise).variant(item.variant)
    return item_to_dict(item)


def item_to_dict(item: PlanItem) -> dict[str, Any]:
    """One item of a session in the plan's JSON form (also how the web stores it)."""
    return {
        "exercise": item.exercise,
        "variant": item.variant,
        "dose": dose_fields(item.dose),
        "reason": item.reason,
    }


SessionKey = tuple[dt.date, str]
"""A stored session's day and kind (one of each kind a day)."""


def session_digests(plan: Plan) -> dict[SessionKey, str]:
    """For each session, a digest of what its stored row keeps: its week's index and
    kind, its day, kind, length and reason, and its items. Equal digests, equal rows."""
    items: dict[int, tuple[PlanItem, str]] = {}
    """id(item) -> (item, its JSON): a plan places the same item objects many times."""
    found: dict[SessionKey, str] = {}
    for week in plan.weeks:
        head = json.dumps([week.index, week.kind.value])
        for session in week.sessions:
            parts = [head, json.dumps([session.date.isoformat(), session.kind.value])]
            parts.append(json.dumps([session.estimated_s, session.reason]))
            for item in session.items:
                known = items.get(id(item))
                if known is None:
                    known = items[id(item)] = (item, json.dumps(item_to_dict(item)))
                parts.append(known[1])
            text = "[" + ",".join(parts) + "]"
            found[(session.date, session.kind.value)] = hashlib.sha256(text.encode()).hexdigest()
    return found


def plan_digest(plan: Plan, sessions: Mapping[SessionKey, str] | None = None) -> str:
    """A digest of everything a stored plan keeps (each session's row, each week's start
    and notes, the warnings): equal digests, the same plan to store. `sessions` are the
    plan's `session_digests` when already worked out."""
    rows = session_digests(plan) if sessions is None else sessions
    form = [
        [
            [week.index, week.start.isoformat(), list(week.notes)],
            [rows[(s.date, s.kind.value)] for s in week.sessions],
        ]
        for week in plan.weeks
    ]
    form.append(list(plan.warnings))
    return hashlib.sha256(json.dumps(form).encode()).hexdigest()


def item_from_dict(data: Mapping[str, Any]) -> PlanItem:
    """The inverse of `item_to_dict`."""
    return PlanItem(
        exercise=data["exercise"],
        variant=data["variant"],
        dose=dose_from_dict(data["dose"]),
        reason=data["reason"],
    )


def plan_from_dict(data: Mapping[str, Any]) -> Plan:
    """The inverse of `plan_to_dict` (week notes are not part of the JSON form)."""
    return Plan(
        weeks=tuple(
            PlanWeek(
                index=int(week["index"]),
                start=dt.date.fromisoformat(week["start"]),
                kind=WeekKind(week["kind"]),
                sessions=tuple(
                    PlannedSession(
                        date=dt.date.fromisoformat(session["date"]),
                        kind=SessionKind(session["kind"]),
                        items=tuple(item_from_dict(item) for item in session["items"]),
                        estimated_s=int(session["estimated_s"]),
                        reason=session["reason"],
                    )
                    for session in week["sessions"]
                ),
            )
            for week in data["weeks"]
        ),
        warnings=tuple(data.get("warnings", ())),
    )
