"""Clinic pages for clinicians: the client list, a client's record and its code."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from footcore.domain.problems import Invalid
from footcore.web.clinic import audit, follow, services
from footcore.web.clinic.forms import ClientForm
from footcore.web.clinic.roles import client_of, require_clinician
from footcore.web.runner_clock import runner_today


@require_http_methods(["GET", "POST"])
def roster(request: HttpRequest) -> HttpResponse:
    clinician = require_clinician(request)
    form = ClientForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                client = services.add_client(
                    clinician=clinician,
                    name=form.cleaned_data["name"],
                    birth_year=form.cleaned_data["birth_year"],
                    today=runner_today(None),
                )
            except Invalid as exc:
                for p in exc.problems:
                    form.add_error(p.field if p.field in form.fields else None, p.message)
            else:
                return redirect("clinic-client", client_id=client.pk)
        status = 400
    rows = follow.roster(clinician, runner_today(None))
    for row in rows:
        if row.follow is not None:
            audit.read(clinician, row.client, "roster: adherence, pain and alerts")
    return render(
        request,
        "footcore/clinic/roster.html",
        {"clinician": clinician, "rows": rows, "form": form, "nav": "clinic"},
        status=status,
    )


@require_POST
def revoke_code(request: HttpRequest, client_id: int) -> HttpResponse:
    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    services.revoke_code(clinician=clinician, client=client)
    messages.success(request, "The code no longer works; browsers that used it are signed out.")
    return redirect("clinic-client", client_id=client.pk)


@require_POST
def reissue_code(request: HttpRequest, client_id: int) -> HttpResponse:
    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    code = services.reissue_code(clinician=clinician, client=client)
    messages.success(request, f"New code: {code}. The old one no longer works.")
    return redirect("clinic-client", client_id=client.pk)
