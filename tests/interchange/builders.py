"""Small builders for plans and catalogs used by the interchange tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from footcore.domain.catalog import (
    Catalog,
    Caution,
    Citation,
    Dose,
    Exercise,
    Illustration,
    Pose,
    Variant,
)
from footcore.domain.plan import Plan, PlanItem, PlannedSession, PlanWeek, SessionKind, WeekKind
from footcore.domain.vocab import Concern, PainSite, Position, Role, Sides

MONDAY = dt.date(2025, 3, 3)


def make_exercise(exercise_id: str = "short-foot", **over: Any) -> Exercise:
    name = over.pop("name", exercise_id.replace("-", " ").title())
    dose = over.pop("dose", Dose(sets=1, reps_min=10, hold_s=5))
    fields: dict[str, Any] = {
        "id": exercise_id,
        "name": name,
        "aliases": (),
        "role": Role.STRENGTH,
        "purpose": f"Builds the small muscles used in {name.lower()}.",
        "targets": ("intrinsic foot muscles",),
        "steps": (
            f"Sit tall for {name.lower()} with the foot flat.",
            "Draw the ball of the foot towards the heel without curling the toes.",
            "Hold, then relax fully.",
        ),
        "sides": Sides.EACH,
        "variants": (
            Variant(id="seated", name="Seated", position=Position.SEATED, dose=dose),
            Variant(
                id="standing",
                name="Standing",
                position=Position.STANDING,
                dose=replace(dose, sets=2),
            ),
        ),
        "default_variant": "seated",
        "cautions": (
            Caution(
                text=f"Skip {name.lower()} while the ball of the foot hurts.",
                avoid_with_pain=(PainSite.BALL_OF_FOOT,),
            ),
        ),
        "indications": (Concern.PLANTAR_FASCIITIS,),
        "citations": ("seed-000",),
        "illustration": Illustration(
            view="side",
            start=Pose("rest", {"ankle": 0.0}),
            end=Pose("work", {"ankle": 10.0}),
            alt=f"A seated runner doing {name.lower()}.",
        ),
    }
    fields.update(over)
    return Exercise(**fields)


def make_catalog(*exercises: Exercise, **citations: str) -> Catalog:
    chosen = exercises or (make_exercise("short-foot"), make_exercise("heel-raise"))
    texts = {
        "seed-000": "Runner foot article: Top 10 Foot Exercises for Runners (seed 000).",
        "taddei-2020": "Taddei UT et al. Foot core training to prevent running-related "
        "injuries. Am J Sports Med. 2020.",
        **citations,
    }
    return Catalog(
        exercises=chosen,
        citations={key: Citation(key=key, text=text) for key, text in texts.items()},
    )


def make_item(exercise: str = "short-foot", **over: Any) -> PlanItem:
    fields: dict[str, Any] = {
        "exercise": exercise,
        "variant": "seated",
        "dose": Dose(sets=1, reps_min=10, hold_s=5),
        "reason": f"{exercise} is a keystone of the routine.",
    }
    fields.update(over)
    return PlanItem(**fields)


def make_session(day: dt.date = MONDAY, **over: Any) -> PlannedSession:
    fields: dict[str, Any] = {
        "date": day,
        "kind": SessionKind.STRENGTH,
        "items": (make_item("short-foot"), make_item("heel-raise")),
        "estimated_s": 600,
        "reason": "Two days away from the long run.",
    }
    fields.update(over)
    return PlannedSession(**fields)


def make_week(index: int = 1, *sessions: PlannedSession, **over: Any) -> PlanWeek:
    start = MONDAY + dt.timedelta(weeks=index - 1)
    chosen = sessions or (
        make_session(start + dt.timedelta(days=1)),
        make_session(start + dt.timedelta(days=3), kind=SessionKind.ACTIVATION, estimated_s=180),
        make_session(start + dt.timedelta(days=4)),
    )
    fields: dict[str, Any] = {"index": index, "start": start, "kind": WeekKind.BUILD}
    fields.update(over)
    return PlanWeek(sessions=chosen, **fields)


def make_plan(weeks: int = 2, **over: Any) -> Plan:
    fields: dict[str, Any] = {"weeks": tuple(make_week(i) for i in range(1, weeks + 1))}
    fields.update(over)
    return Plan(**fields)
