"""`/api/assessments` and `/api/faam`: self-test results in, interpretations out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import ConfigDict, Field, StrictFloat

from footcore.domain.assessments import DEFINITIONS, TestKind
from footcore.domain.faam import FaamScore, SubscaleScore
from footcore.domain.problems import Invalid, Problem, invalid
from footcore.domain.vocab import Side
from footcore.web.accounts.services import current_user
from footcore.web.api_types import IsoDate
from footcore.web.assessments import selectors, services
from footcore.web.assessments.readings import Reading
from footcore.web.errors import BODY, READ
from footcore.web.runner_clock import runner_today
from footcore.web.training.selectors import get_profile

router = Router(tags=["assessments"])

RawValue = StrictFloat | list[StrictFloat] | str
"""A number in the test's unit, the trials of a timed test in seconds, or a grade."""


class ResultIn(Schema):
    """One test, one or both sides. Balance takes up to 3 trials per side, in seconds."""

    model_config = ConfigDict(extra="forbid")

    test: str
    left: RawValue | None = None
    right: RawValue | None = None
    surface: str | None = Field(
        default=None,
        description="Heel raise only, and required for it: `incline` (a 10 degree board, as"
        " the published values were measured) or `flat` (floor; compared only with your own"
        " flat-floor results). Leave it out for every other test.",
    )
    date: IsoDate | None = None


class ReadingOut(Schema):
    date: dt.date
    test: str
    name: str
    side: str | None
    value: Any
    surface: str | None
    """Heel raises: incline, flat, or unknown (saved before the surface was asked)."""
    shown: str
    standing: str
    norm: str
    change: str | None
    change_real: bool | None
    asymmetry: str | None
    asymmetry_flagged: bool


class FaamIn(Schema):
    """Answers 4 (no difficulty) to 0 (unable), or null for N/A: 21 ADL, 8 Sports."""

    model_config = ConfigDict(extra="forbid")

    adl: list[Any]
    sports: list[Any]
    adl_self_rating: Any = None
    sports_self_rating: Any = None
    overall: str | None = None
    date: IsoDate | None = None


class SubscaleOut(Schema):
    answered: int
    items: int
    percent: float | None
    not_scorable_reason: str | None
    self_rating_0_100: int | None


class FaamOut(Schema):
    adl: SubscaleOut
    sports: SubscaleOut
    overall: str | None
    citation: str


def reading_out(reading: Reading) -> dict[str, Any]:
    result = reading.result
    return {
        "date": result.date,
        "test": result.kind.value,
        "name": DEFINITIONS[result.kind].name,
        "side": None if result.side is None else result.side.value,
        "value": selectors.value_to_json(result.value),
        "surface": None if result.surface is None else result.surface.value,
        "shown": reading.shown,
        "standing": reading.standing,
        "norm": reading.norm,
        "change": reading.change,
        "change_real": reading.change_real,
        "asymmetry": reading.asymmetry,
        "asymmetry_flagged": reading.asymmetry_flagged,
    }


def _subscale(sub: SubscaleScore) -> dict[str, Any]:
    return {
        "answered": sub.answered,
        "items": sub.items,
        "percent": sub.percent,
        "not_scorable_reason": sub.not_scorable_reason,
        "self_rating_0_100": sub.self_rating_0_100,
    }


def faam_out(score: FaamScore) -> dict[str, Any]:
    return {
        "adl": _subscale(score.adl),
        "sports": _subscale(score.sports),
        "overall": None if score.overall is None else score.overall.value,
        "citation": score.citation,
    }


@router.get(
    "/assessments",
    response={200: list[ReadingOut], **READ},
    summary="Your self-test results, oldest first, each with its interpretation",
)
def list_results(request: HttpRequest) -> Any:
    user = current_user(request)
    return [reading_out(r) for r in selectors.readings_for(user, get_profile(user))]


@router.post(
    "/assessments",
    response={201: list[ReadingOut], **BODY},
    summary="Record one self-test (per side) and replan from today",
)
def post_result(request: HttpRequest, payload: ResultIn) -> Any:
    user = current_user(request)
    per_side = [k for k in TestKind if DEFINITIONS[k].per_side]
    try:
        kind = TestKind(payload.test)
    except ValueError:
        kind = None
    if kind is None or kind not in per_side:
        choices = ", ".join(k.value for k in per_side)
        raise invalid("test", f"unknown test {payload.test!r}: choose one of {choices}")
    sides = {
        side: raw
        for side, raw in ((Side.LEFT, payload.left), (Side.RIGHT, payload.right))
        if raw is not None
    }
    profile = get_profile(user)
    try:
        services.record_results(
            user=user,
            values={kind: sides},
            today=runner_today(profile),
            day=payload.date,
            heel_raise_surface=payload.surface,
        )
    except Invalid as exc:
        # The body names one test, so its fields are `left`, `right[1]`, not `heel-raise.left`.
        prefix = f"{kind.value}."
        raise Invalid(
            Problem(p.field.removeprefix(prefix), p.message) for p in exc.problems
        ) from None
    saved = [
        r
        for r in selectors.readings_for(user, profile)
        if r.result.kind is kind and r.result.date == (payload.date or runner_today(profile))
    ]
    latest = {r.result.side: r for r in saved}
    return Status(201, [reading_out(r) for r in latest.values()])


@router.post(
    "/faam",
    response={201: FaamOut, **BODY},
    summary="Score and store a FAAM questionnaire (martin-faam-2005) and replan from today",
)
def post_faam(request: HttpRequest, payload: FaamIn) -> Any:
    user = current_user(request)
    score = services.record_faam(
        user=user,
        adl=payload.adl,
        sports=payload.sports,
        adl_self_rating=payload.adl_self_rating,
        sports_self_rating=payload.sports_self_rating,
        overall=payload.overall,
        today=runner_today(get_profile(user)),
        day=payload.date,
    )
    return Status(201, faam_out(score))
