from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import include, path
from django.views.decorators.http import require_safe

from footcore.web.api import api


@require_safe
@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """A runner with a plan goes to Today; a first visit gets the welcome page."""
    from footcore.web.accounts.services import current_user
    from footcore.web.clinic.roles import clinician_for
    from footcore.web.training.selectors import get_profile

    user = current_user(request)
    if not settings.PERSONAL_MODE and clinician_for(user) is not None:
        return redirect("clinic")
    if get_profile(user) is not None:
        return redirect("today")
    return render(request, "footcore/welcome.html", {"nav": "home"})


handler400 = "footcore.web.error_pages.bad_request"
handler403 = "footcore.web.error_pages.permission_denied"
handler404 = "footcore.web.error_pages.page_not_found"
handler500 = "footcore.web.error_pages.server_error"

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
    path("", include("footcore.web.custom_exercises.urls")),
]
