from __future__ import annotations

from django.urls import path

from footcore.web.custom_exercises import views

urlpatterns = [
    path("clinic/exercises", views.exercise_list, name="custom-exercises"),
    path("clinic/exercises/new", views.new_exercise, name="custom-exercise-new"),
    path("clinic/exercises/<slug:exercise_id>", views.edit_exercise, name="custom-exercise"),
    path("clinic/exercises/<slug:exercise_id>/retire", views.retire, name="custom-exercise-retire"),
    path("clinic/exercises/<slug:exercise_id>/image", views.image, name="custom-exercise-image"),
    path("my-clinic/exercises/<slug:exercise_id>", views.card, name="custom-exercise-card"),
]
