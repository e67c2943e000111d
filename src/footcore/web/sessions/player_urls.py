"""Routes of the guided-session player (included from `footcore.web.urls`)."""

from __future__ import annotations

from django.urls import path

from footcore.web.sessions import player

urlpatterns = [
    path("session/<str:day>", player.session_player, name="session-player"),
    path("sw.js", player.service_worker, name="service-worker"),
]
