"""`/api/clinic/templates`, starting a client's prescription from one, and the audit export.

A clinic's own template is seen by its clinicians only: for anyone else it answers the
same 404 as a template that does not exist (`NoSuchTemplate` is an `Http404`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import ConfigDict, Field

from footcore.catalog.loader import default_catalog
from footcore.domain.prescription_edit import edit_document
from footcore.domain.problems import Problem
from footcore.domain.templates import ApplyMode
from footcore.web.clinic import audit, rx_templates
from footcore.web.clinic.api_access import client_or_404, clinician_or_404
from footcore.web.clinic.prescribing import StaleVersion
from footcore.web.errors import BAD_REQUEST, NOT_FOUND, UNPROCESSABLE, error_body, responses
from footcore.web.runner_clock import runner_today
from footcore.web.training import selectors as training

CONFLICT = 409

router = Router(tags=["clinic"])


class TemplateOut(Schema):
    id: str
    name: str
    shipped: bool
    source: str
    summary: str
    exercises: list[str]


class TemplateIn(Schema):
    model_config = ConfigDict(extra="forbid")

    client: int = Field(description="The client whose current prescription is saved.")
    name: str


class StartIn(Schema):
    model_config = ConfigDict(extra="forbid")

    template: str = Field(description="A template id from GET /api/clinic/templates.")
    mode: ApplyMode = ApplyMode.REPLACE
    why: str = ""
    version: int | None = Field(
        None, description="The prescription version edited; a newer stored one answers 409."
    )


class AuditOut(Schema):
    at: str
    clinician: str
    client_id: int | None
    client: str | None
    action: str
    what: str


def _out(view: rx_templates.TemplateView) -> dict[str, Any]:
    return {
        "id": view.id,
        "name": view.name,
        "shipped": view.shipped,
        "source": view.source,
        "summary": view.summary,
        "exercises": list(view.exercises),
    }


@router.get(
    "/clinic/templates",
    response={200: list[TemplateOut], **responses(NOT_FOUND)},
    summary="footcore's templates and the clinic's own",
)
def list_templates(request: HttpRequest) -> Any:
    clinician = clinician_or_404(request)
    views = rx_templates.templates_for(clinician)
    return Status(200, [_out(v) for v in views])


@router.post(
    "/clinic/templates",
    response={201: TemplateOut, **responses(NOT_FOUND, BAD_REQUEST, UNPROCESSABLE)},
    summary="Save a client's prescription as a template of the clinic",
)
def create_template(request: HttpRequest, payload: TemplateIn) -> Any:
    clinician, client = client_or_404(request, str(payload.client))
    view = rx_templates.save_template(clinician=clinician, client=client, name=payload.name)
    return Status(201, _out(view))


@router.get(
    "/clinic/templates/{template_id}",
    response={200: TemplateOut, **responses(NOT_FOUND)},
    summary="One template",
)
def get_template(request: HttpRequest, template_id: str) -> Any:
    clinician = clinician_or_404(request)
    view = rx_templates.template_for(clinician, template_id)
    return Status(200, _out(view))


@router.delete(
    "/clinic/templates/{template_id}",
    response={204: None, **responses(NOT_FOUND, UNPROCESSABLE)},
    summary="Delete one of the clinic's own templates",
)
def delete_template(request: HttpRequest, template_id: str) -> Any:
    rx_templates.delete_template(clinician=clinician_or_404(request), template_id=template_id)
    return Status(204, None)


@router.post(
    "/clinic/clients/{client_id}/prescription/template",
    response={200: dict[str, Any], **responses(NOT_FOUND, CONFLICT, BAD_REQUEST, UNPROCESSABLE)},
    summary="Start the client's prescription from a template (the editor's document back)",
)
def start_from_template(request: HttpRequest, client_id: str, payload: StartIn) -> Any:
    clinician, client = client_or_404(request, client_id)
    try:
        rx = rx_templates.start_from_template(
            clinician=clinician, client=client, template_id=payload.template,
            mode=payload.mode, why=payload.why, version=payload.version,
            today=runner_today(training.get_profile(client.runner)),
        )  # fmt: skip
    except rx_templates.NoSuchTemplate:
        return Status(
            404, error_body([Problem("template", "no such template")], "no such template")
        )
    except StaleVersion as exc:
        return Status(409, error_body([Problem("version", str(exc))]))
    return Status(200, edit_document(rx, default_catalog()))


@router.get(
    "/clinic/audit",
    response={200: list[AuditOut], **responses(NOT_FOUND, UNPROCESSABLE)},
    summary="The clinic's audit log (every clinician read and write), oldest first",
)
def get_audit(request: HttpRequest, since: dt.date | None = None) -> Any:
    clinician = clinician_or_404(request)
    rows = list(audit.to_rows(audit.entries(clinician.clinic, since)))
    audit.exported(
        clinician.clinic,
        actor=clinician.user,
        actor_name=clinician.user.get_username(),
        what="exported the audit log (API)" + (f" since {since.isoformat()}" if since else ""),
    )
    return Status(200, rows)
