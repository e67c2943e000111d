"""The JSON API (django-ninja); OpenAPI at /api/openapi.json, docs at /api/docs."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.security import django_auth

from footcore.web import errors
from footcore.web.assessments.api import router as assessments_router
from footcore.web.clinic.api import router as clinic_router
from footcore.web.library.api import router as exercises_router
from footcore.web.sessions.api import router as log_router
from footcore.web.training.api import router as plan_router

api = NinjaAPI(
    title="footcore API",
    version="1",
    description="Foot-and-ankle strength coaching for runners. Session cookie authentication.",
    auth=django_auth,
    urls_namespace="api",
)
errors.install(api)

api.add_router("/", exercises_router)
api.add_router("/", plan_router)
api.add_router("/", log_router)
api.add_router("/", assessments_router)
api.add_router("/", clinic_router)
