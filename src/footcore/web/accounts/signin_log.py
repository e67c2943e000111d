"""Sign-in attempts that fail or are locked out, written to the `footcore.signin` log.

django-axes counts failures per client address and username and locks the pair
out (see `AXES_*` in the settings); this module only records what happened, for
whoever looks after the server. Passwords are never logged.
"""

from __future__ import annotations

import logging
from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

log = logging.getLogger("footcore.signin")

_SHOWN_CHARS = 80


def _client(request: HttpRequest | None) -> str:
    if request is None:
        return "no request"
    return str(request.META.get("REMOTE_ADDR") or "unknown address")


def _name(value: object) -> str:
    return repr(str(value or "")[:_SHOWN_CHARS])


@receiver(user_login_failed)
def log_failed_sign_in(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **_: Any
) -> None:
    log.warning(
        "sign-in failed: username=%s client=%s",
        _name(credentials.get("username")),
        _client(request),
    )


@receiver(user_locked_out)
def log_locked_out(
    sender: object, request: HttpRequest | None = None, username: str | None = None, **_: Any
) -> None:
    log.warning("sign-in locked out: username=%s client=%s", _name(username), _client(request))
