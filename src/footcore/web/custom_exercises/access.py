"""Who sees a custom exercise: the clinicians of its clinic, and a client of that clinic
whose current prescription names it. Everyone else gets the answer a missing exercise
gets (404), so an answer never tells whether another clinic has such an exercise."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.http import Http404
from django.urls import reverse

from footcore.web.clinic.models import Client, Clinician
from footcore.web.clinic.roles import clinician_for
from footcore.web.custom_exercises.models import PREFIX, CustomExercise, parse_exercise_id


def _row(clinic_id: int, exercise_id: str, *, picture: bool = False) -> CustomExercise | None:
    found = parse_exercise_id(exercise_id)
    if found is None or found[0] != clinic_id:
        return None
    rows = CustomExercise.objects.filter(clinic_id=clinic_id, slug=found[1])
    return (rows if picture else rows.defer("picture")).first()


def clinician_row(clinician: Clinician, exercise_id: str) -> CustomExercise:
    """The clinician's clinic's exercise `exercise_id`, else 404."""
    row = _row(clinician.clinic_id, exercise_id)
    if row is None:
        raise Http404("not found")
    return row


def viewer_row(user: AbstractBaseUser | AnonymousUser, exercise_id: str) -> CustomExercise | None:
    """The exercise with its picture, when `user` may see it; None otherwise."""
    if not user.is_authenticated or not isinstance(user, User):
        return None
    clinician = clinician_for(user)
    if clinician is not None:
        return _row(clinician.clinic_id, exercise_id, picture=True)
    client = Client.objects.filter(runner=user).values_list("clinic_id", flat=True).first()
    if client is None:
        return None
    from footcore.web.training.selectors import current_prescription

    rx = current_prescription(user)
    if rx is None or exercise_id not in {i.exercise for i in rx.items}:
        return None
    return _row(client, exercise_id, picture=True)


def image_url(exercise_id: str) -> str:
    return reverse("custom-exercise-image", args=[exercise_id])


def illustration_url(exercise_id: str) -> str:
    """Where a page finds an exercise's picture: the library's drawing, or for a custom
    exercise its own image behind the clinic's authorization."""
    if exercise_id.startswith(PREFIX):
        return image_url(exercise_id)
    return reverse("exercise-illustration", args=[exercise_id])


def document_out(row: CustomExercise) -> dict[str, Any]:
    """The exercise as the API answers it: what PUT takes, plus read-only fields."""
    return {
        **row.document,
        "id": row.exercise_id,
        "slug": row.slug,
        "has_picture": row.picture_type != "",
        "image_url": image_url(row.exercise_id),
        "retired": row.retired_at is not None,
    }
