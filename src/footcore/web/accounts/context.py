from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def footcore_mode(request: HttpRequest) -> dict[str, object]:
    return {"personal_mode": settings.PERSONAL_MODE}
