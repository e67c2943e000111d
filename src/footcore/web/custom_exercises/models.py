"""A clinic's custom exercise: the clinician's document and, optionally, a picture."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from footcore.web.clinic.models import Clinic


class CustomExercise(models.Model):
    """One exercise a clinic wrote for its clients. Its catalog id is
    `custom-<clinic id>-<slug>`, so a prescription names it like any catalog exercise."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="custom_exercises")
    slug = models.CharField(max_length=60, help_text="The clinic's own lowercase slug.")
    name = models.CharField(max_length=80, help_text="Shown to clinicians and clients.")
    document = models.JSONField(
        help_text="The clinician's fields as the API takes them, already validated."
    )
    picture = models.BinaryField(
        null=True, blank=True, help_text="Re-encoded image bytes, no metadata; never a file."
    )
    picture_type = models.CharField(
        max_length=20, blank=True, help_text="`image/png` or `image/jpeg` when a picture is set."
    )
    retired_at = models.DateTimeField(
        null=True, blank=True, help_text="Retired: not offered for new prescriptions."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name", "pk")
        constraints = (
            models.UniqueConstraint(fields=("clinic", "slug"), name="custom_exercise_slug"),
        )

    def __str__(self) -> str:
        return f"{self.name} ({self.clinic})"

    @property
    def exercise_id(self) -> str:
        return exercise_id_for(self.clinic_id, self.slug)


PREFIX = "custom-"
"""No shipped exercise id starts with this (a test checks), so a lookup of a shipped id
never touches the database."""


def exercise_id_for(clinic_id: int, slug: str) -> str:
    return f"{PREFIX}{clinic_id}-{slug}"


def parse_exercise_id(exercise_id: str) -> tuple[int, str] | None:
    """`(clinic id, slug)` of a custom id; None for anything else."""
    if not exercise_id.startswith(PREFIX) or len(exercise_id) > 100:
        return None
    clinic, _, slug = exercise_id.removeprefix(PREFIX).partition("-")
    if not clinic.isdigit() or len(clinic) > 18 or not slug:
        return None
    return int(clinic), slug
