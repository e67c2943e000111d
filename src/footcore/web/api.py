"""The JSON API (django-ninja); OpenAPI at /api/openapi.json, docs at /api/docs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.security import SessionAuth

from footcore.web import errors
from footcore.web.assessments.api import router as assessments_router
from footcore.web.clinic.api import router as clinic_router
from footcore.web.custom_exercises.api import router as custom_exercises_router
from footcore.web.library.api import router as exercises_router
from footcore.web.sessions.api import router as log_router
from footcore.web.training.api import router as plan_router


class RunnerAuth(SessionAuth):
    """Session sign-in (CSRF checked on writes) in multi-user mode. In personal mode the
    middleware has already let only this computer in, as the one local runner, so an
    operation that never reads the user (the catalog) never looks it up."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if settings.PERSONAL_MODE:
            return True
        return super().authenticate(request, key)


api = NinjaAPI(
    title="footcore API",
    version="1",
    description="Foot-and-ankle strength coaching for runners. Session cookie authentication.",
    auth=RunnerAuth(),
    urls_namespace="api",
)
errors.install(api)

api.add_router("/", exercises_router)
api.add_router("/", plan_router)
api.add_router("/", log_router)
api.add_router("/", assessments_router)
api.add_router("/", clinic_router)
api.add_router("/", custom_exercises_router)
