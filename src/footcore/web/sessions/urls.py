from __future__ import annotations

from django.urls import path

from footcore.web.sessions import views

urlpatterns = [
    path("log/<str:day>", views.log_view, name="log-session"),
    path("checkin", views.checkin_view, name="checkin"),
    path("safety", views.safety_view, name="safety"),
    path("safety/clearance", views.clearance_view, name="clearance"),
]
