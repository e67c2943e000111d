"""Template pages (the list, the editor's forms to start from one and save one) and the
audit log exports."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from footcore.domain.problems import Invalid
from footcore.domain.templates import ApplyMode
from footcore.web.clinic import audit, rx_templates
from footcore.web.clinic.prescribing import StaleVersion
from footcore.web.clinic.roles import client_of, require_clinician
from footcore.web.runner_clock import runner_today
from footcore.web.training import selectors as training


@require_POST
def start_from_template(request: HttpRequest, client_id: int) -> HttpResponse:
    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    raw_version = request.POST.get("version", "")
    try:
        rx_templates.start_from_template(
            clinician=clinician, client=client,
            template_id=request.POST.get("template", ""),
            mode=ApplyMode(request.POST.get("mode") or ApplyMode.REPLACE.value),
            why=request.POST.get("why", ""),
            version=int(raw_version) if raw_version.isdigit() else None,
            today=runner_today(training.get_profile(client.runner)),
        )  # fmt: skip
    except (rx_templates.NoSuchTemplate, ValueError):
        messages.error(request, "template: choose one of the list")
    except (StaleVersion, Invalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Prescription started from the template and shared with {client.name}."
        )
    return redirect(f"/clinic/clients/{client.pk}#editor")


@require_POST
def save_template(request: HttpRequest, client_id: int) -> HttpResponse:
    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    try:
        view = rx_templates.save_template(
            clinician=clinician, client=client, name=request.POST.get("name", "")
        )
    except Invalid as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Saved as the clinic's template {view.name!r}.")
    return redirect(f"/clinic/clients/{client.pk}#editor")


@require_safe
def template_list(request: HttpRequest) -> HttpResponse:
    clinician = require_clinician(request)
    views = rx_templates.templates_for(clinician)
    context = {"clinician": clinician, "templates": views, "nav": "clinic"}
    return render(request, "footcore/clinic/templates.html", context)


@require_POST
def delete_template(request: HttpRequest, template_id: str) -> HttpResponse:
    clinician = require_clinician(request)
    try:
        rx_templates.delete_template(clinician=clinician, template_id=template_id)
    except Invalid as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Template deleted.")
    return redirect("clinic-templates")


def _since(request: HttpRequest) -> dt.date | None:
    raw = request.GET.get("since", "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def _export(request: HttpRequest, fmt: str) -> HttpResponse:
    clinician = require_clinician(request)
    raw = request.GET.get("since", "").strip()
    since = _since(request)
    if raw and since is None:
        return HttpResponse(
            f"since: {raw[:20]!r} is not a date (YYYY-MM-DD)", status=400, content_type="text/plain"
        )
    rows = audit.entries(clinician.clinic, since)
    body, kind = (
        (audit.to_json(rows), "application/json")
        if fmt == "json"
        else (audit.to_csv(rows), "text/csv; charset=utf-8")
    )
    audit.exported(
        clinician.clinic,
        actor=clinician.user,
        actor_name=clinician.user.get_username(),
        what=f"exported the audit log ({fmt})" + (f" since {since.isoformat()}" if since else ""),
    )
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="footcore-audit.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def audit_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "csv")


@require_safe
def audit_json(request: HttpRequest) -> HttpResponse:
    return _export(request, "json")
