"""`/api/exercises`: the catalog as JSON."""

from __future__ import annotations

import json
from functools import lru_cache

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja.errors import HttpError

from footcore.domain.serialize import exercise_summary, exercise_to_dict
from footcore.web.errors import NOT_FOUND, UNPROCESSABLE, responses
from footcore.web.library import selectors

router = Router(tags=["exercises"])


class TempoOut(Schema):
    up_s: int
    top_s: int
    down_s: int


class DoseOut(Schema):
    sets: int
    reps_min: int | None
    reps_max: int | None
    hold_s: int | None
    duration_s: int | None
    per_side: bool
    rest_s: int | None
    tempo: TempoOut | None
    rm: int | None
    rep_s: int | None
    note: str | None
    text: str


class ExerciseSummaryOut(Schema):
    id: str
    name: str
    aliases: list[str]
    role: str
    purpose: str
    position: str
    equipment: list[str]
    sides: str
    indications: list[str]
    dose: DoseOut


class VariantOut(Schema):
    id: str
    name: str
    position: str
    equipment: list[str]
    optional_equipment: list[str]
    cue: str
    source: str | None
    dose: DoseOut


class CautionOut(Schema):
    text: str
    avoid_with_pain: list[str]


class CitationOut(Schema):
    key: str
    text: str
    doi: str | None
    url: str | None
    status: str


class ExerciseOut(ExerciseSummaryOut):
    targets: list[str]
    steps: list[str]
    keystone: bool
    default_variant: str
    variants: list[VariantOut]
    regressions: list[str]
    progressions: list[str]
    cautions: list[CautionOut]
    illustration_alt: str
    citations: list[CitationOut]


@router.get(
    "/exercises",
    response={200: list[ExerciseSummaryOut], **responses(UNPROCESSABLE)},
    summary="List exercises",
)
def list_exercises(
    request: HttpRequest,
    concern: str | None = None,
    equipment: str | None = None,
    position: str | None = None,
    q: str | None = None,
) -> HttpResponse:
    flt = selectors.parse_filter(concern=concern, equipment=equipment, position=position, q=q)
    return _json_response(_list_json(flt))


@router.get(
    "/exercises/{exercise_id}",
    response={200: ExerciseOut, **responses(NOT_FOUND)},
    summary="One exercise",
)
def get_exercise(request: HttpRequest, exercise_id: str) -> HttpResponse:
    exercise = selectors.get_exercise(exercise_id)
    if exercise is None:
        close = selectors.close_ids(exercise_id)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        raise HttpError(404, f"no exercise with id {exercise_id!r}{hint}")
    return _json_response(_detail_json(exercise.id))


# The catalog never changes while the process runs, so its JSON is built once per
# filter and served as bytes; the schemas above still document the shape.
@lru_cache(maxsize=512)
def _list_json(flt: selectors.ExerciseFilter) -> bytes:
    return json.dumps([exercise_summary(e) for e in selectors.list_exercises(flt)]).encode()


@lru_cache(maxsize=128)
def _detail_json(exercise_id: str) -> bytes:
    exercise = selectors.catalog().get(exercise_id)
    return json.dumps(exercise_to_dict(exercise, selectors.catalog())).encode()


def _json_response(body: bytes) -> HttpResponse:
    return HttpResponse(body, content_type="application/json")
