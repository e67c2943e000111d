from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.http import HttpRequest


class Roles:
    """The signed-in user's clinic roles, looked up only if a template asks."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request

    @cached_property
    def clinician(self) -> object:
        from footcore.web.clinic.roles import clinician_for

        return None if settings.PERSONAL_MODE else clinician_for(self._request.user)

    @cached_property
    def client(self) -> object:
        from footcore.web.clinic.roles import client_record_for

        return None if settings.PERSONAL_MODE else client_record_for(self._request.user)

    @cached_property
    def physio_change(self) -> object:
        """The last change a clinician made to this client's prescription, with notes."""
        if self.client is None:
            return None
        from footcore.web.clinic.roles import physio_change

        return physio_change(self._request.user)


def footcore_mode(request: HttpRequest) -> dict[str, object]:
    return {
        "personal_mode": settings.PERSONAL_MODE,
        "roles": Roles(request),
        "find_a_therapist": settings.FIND_A_THERAPIST,
    }
