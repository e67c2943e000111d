from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import include, path
from django.views.decorators.http import require_safe

from footcore.web.api import api


@require_safe
@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return redirect("today")


urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("footcore.web.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("footcore.web.library.urls")),
    path("", include("footcore.web.training.urls")),
    path("", include("footcore.web.assessments.urls")),
    path("", include("footcore.web.progress.urls")),
    path("", include("footcore.web.sessions.urls")),
    path("", include("footcore.web.sessions.player_urls")),
    path("", include("footcore.web.clinic.urls")),
]
