"""`/api/join`, `/api/my-clinic` and `/api/clinic/...`: the clinic side of the API.

Every clinic operation answers 404 with the same body for a client that does not
exist, belongs to another clinic or was unlinked, and for a caller who is no clinician.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Body, Router, Schema
from ninja.responses import Status
from pydantic import ConfigDict

from footcore.catalog.loader import default_catalog
from footcore.domain.prescription_edit import edit_document
from footcore.domain.problems import Problem
from footcore.web.clinic import audit, care, client_session, prescribing, services
from footcore.web.clinic.api_access import client_or_404, clinician_or_404, not_found
from footcore.web.clinic.api_templates import router as templates_router
from footcore.web.clinic.follow import alerts, follow_up_for
from footcore.web.clinic.models import Client
from footcore.web.clinic.roles import client_record_for
from footcore.web.errors import (
    BAD_REQUEST,
    NOT_FOUND,
    UNPROCESSABLE,
    error_body,
    responses,
)
from footcore.web.runner_clock import runner_today
from footcore.web.training import selectors as training_selectors

CONFLICT = 409
TOO_MANY = 429

router = Router(tags=["clinic"])
# Templates and the audit export live in their own module, under the same tag.
router.add_router("", templates_router)


class JoinIn(Schema):
    model_config = ConfigDict(extra="forbid")

    code: str
    birth_year: int
    consent: bool = False


class JoinOut(Schema):
    clinic: str
    contact: str
    booking_url: str
    shares_logs: bool


class ClientIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: str
    birth_year: int


class ClientOut(Schema):
    id: int
    name: str
    birth_year: int
    code: str | None
    shares_logs: bool
    created_at: str


class ConsentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    share: bool


def client_out(client: Client) -> dict[str, Any]:
    return {
        "id": client.pk,
        "name": client.name,
        "birth_year": client.birth_year,
        "code": client.code,
        "shares_logs": client.shares_logs,
        "created_at": client.created_at.isoformat(),
    }


def join_out(client: Client) -> dict[str, Any]:
    return {
        "clinic": client.clinic.name,
        "contact": client.clinic.contact,
        "booking_url": client.clinic.booking_url,
        "shares_logs": client.shares_logs,
    }


@router.post(
    "/join",
    auth=None,
    response={200: JoinOut, **responses(NOT_FOUND, TOO_MANY, BAD_REQUEST, UNPROCESSABLE)},
    summary="Open a client's program with the code and birth year (starts a session)",
)
def post_join(request: HttpRequest, payload: JoinIn) -> Any:
    try:
        client = services.join(
            code=payload.code,
            birth_year=payload.birth_year,
            address=client_session.address(request),
        )
    except services.TooManyAttempts:
        return Status(429, error_body([], "too many wrong codes from here; wait 15 minutes"))
    except services.JoinRefused:
        return Status(404, error_body([], "no program matches this code and birth year"))
    client_session.start(request, client)
    if payload.consent:
        services.set_consent(client=client, share=True)
    return Status(200, join_out(client))


@router.get("/my-clinic", response={200: JoinOut, **responses(NOT_FOUND)}, summary="Your clinic")
def get_my_clinic(request: HttpRequest) -> Any:
    client = client_record_for(request.user)
    return not_found() if client is None else Status(200, join_out(client))


@router.put(
    "/my-clinic/consent",
    response={200: JoinOut, **responses(NOT_FOUND, BAD_REQUEST, UNPROCESSABLE)},
    summary="Share your logs with your clinic, or stop sharing",
)
def put_consent(request: HttpRequest, payload: ConsentIn) -> Any:
    client = client_record_for(request.user)
    if client is None:
        return not_found()
    return Status(200, join_out(services.set_consent(client=client, share=payload.share)))


@router.post(
    "/my-clinic/unlink",
    response={204: None, **responses(NOT_FOUND)},
    summary="End the link with your clinic",
)
def post_unlink(request: HttpRequest) -> Any:
    client = client_record_for(request.user)
    if client is None:
        return not_found()
    services.unlink(client=client)
    return Status(204, None)


@router.get(
    "/clinic/clients",
    response={200: list[ClientOut], **responses(NOT_FOUND)},
    summary="The clinic's linked clients",
)
def list_clients(request: HttpRequest) -> Any:
    clinician = clinician_or_404(request)
    clients = Client.objects.filter(clinic=clinician.clinic, unlinked_at__isnull=True)
    return Status(200, [client_out(c) for c in clients])


@router.post(
    "/clinic/clients",
    response={201: ClientOut, **responses(NOT_FOUND, BAD_REQUEST, UNPROCESSABLE)},
    summary="Add a client; the answer carries the client code",
)
def create_client(request: HttpRequest, payload: ClientIn) -> Any:
    clinician = clinician_or_404(request)
    client = services.add_client(
        clinician=clinician,
        name=payload.name,
        birth_year=payload.birth_year,
        today=runner_today(None),
    )
    return Status(201, client_out(client))


@router.get(
    "/clinic/clients/{client_id}",
    response={200: ClientOut, **responses(NOT_FOUND)},
    summary="One client",
)
def get_client(request: HttpRequest, client_id: str) -> Any:
    clinician, client = client_or_404(request, client_id)
    audit.read(clinician, client, "read the client record")
    return Status(200, client_out(client))


class IntakeOut(Schema):
    intake: dict[str, Any]
    prescription: dict[str, Any]


# A JSON object; its fields are checked by the domain, which names any bad one.
FreeDocument = Body[dict[str, Any]]


class ClearanceIn(Schema):
    model_config = ConfigDict(extra="forbid")

    note: str = ""


class ClearanceOut(Schema):
    by: str
    on: str
    note: str


class AlertOut(Schema):
    client: int
    client_name: str
    kind: str
    on: str
    message: str


def _today(client: Client) -> dt.date:
    return runner_today(training_selectors.get_profile(client.runner))


@router.post(
    "/clinic/clients/{client_id}/intake",
    response={201: IntakeOut, **responses(NOT_FOUND, BAD_REQUEST, UNPROCESSABLE)},
    summary="Record an intake; answers with the prescription it proposes, a reason per item",
)
def post_intake(request: HttpRequest, client_id: str, payload: FreeDocument) -> Any:
    clinician, client = client_or_404(request, client_id)
    row, rx = prescribing.record_intake(
        clinician=clinician, client=client, data=payload, today=_today(client)
    )
    return Status(201, {"intake": row.data, "prescription": edit_document(rx, default_catalog())})


@router.get(
    "/clinic/clients/{client_id}/prescription",
    response={200: dict[str, Any], **responses(NOT_FOUND)},
    summary="The client's prescription as one editable document",
)
def get_prescription(request: HttpRequest, client_id: str) -> Any:
    clinician, client = client_or_404(request, client_id)
    rx = training_selectors.current_prescription(client.runner)
    if rx is None:
        return Status(404, error_body([], "no prescription yet: record an intake first"))
    audit.read(clinician, client, "read the prescription")
    return Status(200, edit_document(rx, default_catalog()))


@router.put(
    "/clinic/clients/{client_id}/prescription",
    response={200: dict[str, Any], **responses(NOT_FOUND, CONFLICT, BAD_REQUEST, UNPROCESSABLE)},
    summary="Replace the prescription with the edited document (what GET returns)",
)
def put_prescription(request: HttpRequest, client_id: str, payload: FreeDocument) -> Any:
    clinician, client = client_or_404(request, client_id)
    try:
        rx = prescribing.edit_prescription(
            clinician=clinician, client=client, document=payload, today=_today(client)
        )
    except prescribing.StaleVersion as exc:
        return Status(409, error_body([Problem("version", str(exc))]))
    return Status(200, edit_document(rx, default_catalog()))


@router.get(
    "/clinic/clients/{client_id}/progress",
    response={200: dict[str, Any], **responses(NOT_FOUND)},
    summary="Adherence, pain, alerts and the timeline (logs only while the client shares them)",
)
def get_progress(request: HttpRequest, client_id: str) -> Any:
    clinician, client = client_or_404(request, client_id)
    audit.read(clinician, client, "read progress and timeline")
    follow = follow_up_for(client, _today(client))
    cleared = care.last_clearance(client)
    return Status(
        200,
        {
            "shares_logs": client.shares_logs,
            "adherence_percent": follow.adherence_percent if follow else None,
            "last_pain_0_10": follow.last_pain_0_10 if follow else None,
            "trend": follow.trend.value if follow and follow.trend else None,
            "alerts": [
                {"kind": a.kind.value, "on": a.on.isoformat(), "message": a.message}
                for a in (follow.alerts if follow else ())
            ],
            "cleared_by": None if cleared is None else cleared.by_name,
            "timeline": care.timeline(client),
        },
    )


@router.post(
    "/clinic/clients/{client_id}/clearance",
    response={201: ClearanceOut, **responses(NOT_FOUND, BAD_REQUEST, UNPROCESSABLE)},
    summary="Sign the client's clearance to train again after a red flag",
)
def post_clearance(request: HttpRequest, client_id: str, payload: ClearanceIn) -> Any:
    clinician, client = client_or_404(request, client_id)
    signed = care.sign_clearance(
        clinician=clinician, client=client, note=payload.note, today=_today(client)
    )
    return Status(201, {"by": signed.by_name, "on": signed.on.isoformat(), "note": signed.note})


@router.get(
    "/clinic/alerts",
    response={200: list[AlertOut], **responses(NOT_FOUND)},
    summary="Alerts over the clinic's clients who share their logs, newest first",
)
def get_alerts(request: HttpRequest) -> Any:
    clinician = clinician_or_404(request)
    found = alerts(clinician, runner_today(None))
    for client in {c.pk: c for c, _ in found}.values():
        audit.read(clinician, client, "read alerts")
    return Status(
        200,
        [
            {
                "client": c.pk,
                "client_name": c.name,
                "kind": a.kind.value,
                "on": a.on.isoformat(),
                "message": a.message,
            }
            for c, a in found
        ],
    )
