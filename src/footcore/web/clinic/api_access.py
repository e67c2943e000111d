"""Who an `/api/clinic/...` operation answers: the caller's clinician role and client.

Every refusal is the same 404, whether the client does not exist, belongs to another
clinic or was unlinked, or the caller is no clinician: `Http404`, which the API's error
handler answers in its one error shape.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja.responses import Status

from footcore.web.clinic.models import Client, Clinician
from footcore.web.clinic.roles import client_of, clinician_for
from footcore.web.errors import error_body

NOT_FOUND_WORDS = "not found"


def not_found() -> Status[Any]:
    return Status(404, error_body([], NOT_FOUND_WORDS))


def clinician_or_404(request: HttpRequest) -> Clinician:
    clinician = clinician_for(request.user)
    if clinician is None:
        raise Http404(NOT_FOUND_WORDS)
    return clinician


def client_or_404(request: HttpRequest, client_id: str) -> tuple[Clinician, Client]:
    """The caller's client `client_id`, or 404 for any id that is not one, of any shape."""
    clinician = clinician_or_404(request)
    if not client_id.isdigit() or len(client_id) > 18:
        raise Http404(NOT_FOUND_WORDS)
    try:
        return clinician, client_of(clinician, int(client_id))
    except Http404:
        raise Http404(NOT_FOUND_WORDS) from None
