"""The sign-in throttle in front of Django's password check."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class SignInThrottle(AxesStandaloneBackend):  # type: ignore[misc]
    """django-axes' lockout check; a call without a request has no client to count.

    Every sign-in over HTTP (the form, the admin) passes its request, so it is
    counted and can be locked out. Only in-process callers such as Django's test
    client call `authenticate` without one; axes would refuse them outright.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        super().authenticate(request, username, password, **kwargs)
        return None
