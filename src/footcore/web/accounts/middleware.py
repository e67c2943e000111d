"""Who is asking: the local runner in personal mode, a signed-in user otherwise."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseForbidden
from django.utils.functional import SimpleLazyObject

from footcore.web.accounts.services import local_runner
from footcore.web.errors import error_response

# The API answers a stranger with 401 JSON rather than a redirect to a form.
OPEN_PREFIXES = ("/api/",)


def is_loopback(address: str | None) -> bool:
    if not address:
        return False
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class PersonalModeMiddleware:
    """In personal mode every request acts as the one local runner, without a session.

    No sign-in and no session row means a read never writes. Requests from anywhere
    but this computer are refused: personal mode has no password to protect it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.PERSONAL_MODE:
            if not is_loopback(request.META.get("REMOTE_ADDR")):
                refusal = "footcore runs in personal mode and only answers this computer."
                if request.path.startswith(OPEN_PREFIXES):
                    return error_response(403, [], refusal)
                return HttpResponseForbidden(refusal, content_type="text/plain")
            # Lazy: pages that never look at the user never query for it.
            request.user = SimpleLazyObject(local_runner)  # type: ignore[assignment]
        return self.get_response(request)


class LoginRequired(LoginRequiredMiddleware):
    """Django's login-required default, except for paths that authorise themselves."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponseBase],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if request.path.startswith(OPEN_PREFIXES):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
