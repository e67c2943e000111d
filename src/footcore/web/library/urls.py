from __future__ import annotations

from django.urls import path

from footcore.web.library import views

urlpatterns = [
    path("exercises", views.exercise_list, name="exercise-list"),
    path("exercises/<slug:exercise_id>", views.exercise_detail, name="exercise-detail"),
    path(
        "exercises/<slug:exercise_id>/illustration.svg",
        views.exercise_illustration,
        name="exercise-illustration",
    ),
]
