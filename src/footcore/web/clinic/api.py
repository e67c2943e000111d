"""`/api/join`, `/api/my-clinic` and `/api/clinic/...`: the clinic side of the API.

Every clinic operation answers 404 with the same body for a client that does not
exist, belongs to another clinic or was unlinked, and for a caller who is no clinician.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import ConfigDict

from footcore.web.clinic import audit, client_session, services
from footcore.web.clinic.models import Client
from footcore.web.clinic.roles import client_of, client_record_for, clinician_for
from footcore.web.errors import ErrorOut, error_body
from footcore.web.runner_clock import runner_today

router = Router(tags=["clinic"])

NOT_FOUND = "not found"


def not_found() -> Status[Any]:
    return Status(404, error_body([], NOT_FOUND))


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
    response={200: JoinOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
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


@router.get("/my-clinic", response={200: JoinOut, 404: ErrorOut}, summary="Your clinic")
def get_my_clinic(request: HttpRequest) -> Any:
    client = client_record_for(request.user)
    return not_found() if client is None else Status(200, join_out(client))


@router.put(
    "/my-clinic/consent",
    response={200: JoinOut, 404: ErrorOut, 422: ErrorOut},
    summary="Share your logs with your clinic, or stop sharing",
)
def put_consent(request: HttpRequest, payload: ConsentIn) -> Any:
    client = client_record_for(request.user)
    if client is None:
        return not_found()
    return Status(200, join_out(services.set_consent(client=client, share=payload.share)))


@router.post(
    "/my-clinic/unlink",
    response={204: None, 404: ErrorOut},
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
    response={200: list[ClientOut], 404: ErrorOut},
    summary="The clinic's linked clients",
)
def list_clients(request: HttpRequest) -> Any:
    clinician = clinician_for(request.user)
    if clinician is None:
        return not_found()
    clients = Client.objects.filter(clinic=clinician.clinic, unlinked_at__isnull=True)
    return Status(200, [client_out(c) for c in clients])


@router.post(
    "/clinic/clients",
    response={201: ClientOut, 404: ErrorOut, 422: ErrorOut},
    summary="Add a client; the answer carries the client code",
)
def create_client(request: HttpRequest, payload: ClientIn) -> Any:
    clinician = clinician_for(request.user)
    if clinician is None:
        return not_found()
    client = services.add_client(
        clinician=clinician,
        name=payload.name,
        birth_year=payload.birth_year,
        today=runner_today(None),
    )
    return Status(201, client_out(client))


@router.get(
    "/clinic/clients/{client_id}",
    response={200: ClientOut, 404: ErrorOut},
    summary="One client",
)
def get_client(request: HttpRequest, client_id: int) -> Any:
    clinician = clinician_for(request.user)
    if clinician is None:
        return not_found()
    try:
        client = client_of(clinician, client_id)
    except Http404:
        return not_found()
    audit.read(clinician, client, "read the client record")
    return Status(200, client_out(client))
