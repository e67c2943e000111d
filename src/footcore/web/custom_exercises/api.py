"""`/api/clinic/exercises`: a clinic's custom exercises (list, create, get, update,
retire, picture). A caller who is no clinician, and any id that is not one of the
caller's clinic, gets the same 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Body, File, Router
from ninja.files import UploadedFile
from ninja.responses import Status

from footcore.domain.problems import Invalid, Problem
from footcore.web.clinic.roles import clinician_for
from footcore.web.custom_exercises import services
from footcore.web.custom_exercises.access import clinician_row, document_out
from footcore.web.custom_exercises.models import CustomExercise
from footcore.web.custom_exercises.pictures import MAX_BYTES
from footcore.web.custom_exercises.selectors import clinic_exercises
from footcore.web.errors import BAD_REQUEST, NOT_FOUND, UNPROCESSABLE, error_body, responses

router = Router(tags=["clinic"])

Document = Body[dict[str, Any]]
"""A JSON object; the catalog's rules check it and name any bad field."""

_NOT_FOUND = "not found"
_BODY = responses(NOT_FOUND, BAD_REQUEST, UNPROCESSABLE)


def _missing() -> Status[Any]:
    return Status(404, error_body([], _NOT_FOUND))


def _row(request: HttpRequest, exercise_id: str) -> tuple[Any, CustomExercise] | None:
    clinician = clinician_for(request.user)
    if clinician is None:
        return None
    try:
        return clinician, clinician_row(clinician, exercise_id)
    except Http404:
        return None


@router.get(
    "/clinic/exercises",
    response={200: list[dict[str, Any]], **responses(NOT_FOUND, UNPROCESSABLE)},
    summary="The clinic's custom exercises (retired ones with ?retired=true)",
)
def list_exercises(request: HttpRequest, retired: bool = False) -> Any:
    clinician = clinician_for(request.user)
    if clinician is None:
        return _missing()
    rows = clinic_exercises(clinician.clinic_id, retired=retired)
    return Status(200, [document_out(r) for r in rows])


@router.post(
    "/clinic/exercises",
    response={201: dict[str, Any], **_BODY},
    summary="Add a custom exercise: steps, dose, cautions, a figure (or a picture later)",
)
def create_exercise(request: HttpRequest, payload: Document) -> Any:
    clinician = clinician_for(request.user)
    if clinician is None:
        return _missing()
    row = services.create_exercise(clinician=clinician, document=payload)
    return Status(201, document_out(row))


@router.get(
    "/clinic/exercises/{exercise_id}",
    response={200: dict[str, Any], **responses(NOT_FOUND)},
    summary="One custom exercise, as PUT takes it",
)
def get_exercise(request: HttpRequest, exercise_id: str) -> Any:
    found = _row(request, exercise_id)
    return _missing() if found is None else Status(200, document_out(found[1]))


@router.put(
    "/clinic/exercises/{exercise_id}",
    response={200: dict[str, Any], **_BODY},
    summary="Replace a custom exercise with the edited document (its slug stays)",
)
def put_exercise(request: HttpRequest, exercise_id: str, payload: Document) -> Any:
    found = _row(request, exercise_id)
    if found is None:
        return _missing()
    clinician, row = found
    row = services.update_exercise(clinician=clinician, row=row, document=payload)
    return Status(200, document_out(row))


@router.post(
    "/clinic/exercises/{exercise_id}/retire",
    response={200: dict[str, Any], **responses(NOT_FOUND)},
    summary="Retire a custom exercise: no longer offered; clients who have it keep it",
)
def retire_exercise(request: HttpRequest, exercise_id: str) -> Any:
    found = _row(request, exercise_id)
    if found is None:
        return _missing()
    return Status(200, document_out(services.retire_exercise(row=found[1])))


@router.post(
    "/clinic/exercises/{exercise_id}/picture",
    response={200: dict[str, Any], **_BODY},
    summary="Set the exercise's picture (multipart field `picture`; checked and re-encoded)",
)
def put_picture(request: HttpRequest, exercise_id: str, picture: File[UploadedFile]) -> Any:
    found = _row(request, exercise_id)
    if found is None:
        return _missing()
    if picture.size is None or picture.size > MAX_BYTES:
        raise Invalid([Problem("picture", f"the file is larger than {MAX_BYTES // 1_000_000} MB")])
    row = services.set_picture(row=found[1], data=picture.read())
    return Status(200, document_out(row))
