"""Starting a client session: the browser or API client that gave a valid code acts as
that client's runner until the code is revoked or the session ends."""

from __future__ import annotations

from django.contrib.auth import login
from django.http import HttpRequest

from footcore.web.clinic.models import Client

SESSION_KEY = "footcore_client"


def start(request: HttpRequest, client: Client) -> None:
    login(request, client.runner, backend="django.contrib.auth.backends.ModelBackend")
    request.session[SESSION_KEY] = client.pk


def address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")[:64]
