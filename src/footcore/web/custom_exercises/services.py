"""Writes: a clinician creates, edits and retires a custom exercise, and sets its picture.

Each write checks the whole document with the catalog's rules (`validation.check`) and
stores one row in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from footcore.catalog.cache import default_catalog
from footcore.domain.problems import invalid
from footcore.web.clinic.models import Clinician
from footcore.web.custom_exercises.models import CustomExercise
from footcore.web.custom_exercises.pictures import clean_picture
from footcore.web.custom_exercises.selectors import clinic_catalog
from footcore.web.custom_exercises.validation import check


def _others(clinician: Clinician, keep: CustomExercise | None) -> list[Any]:
    catalog = clinic_catalog(clinician.clinic_id)
    shipped = set(default_catalog().ids())
    skip = None if keep is None else keep.exercise_id
    return [e for e in catalog.exercises if e.id not in shipped and e.id != skip]


def create_exercise(
    *, clinician: Clinician, document: Mapping[str, Any], picture: bytes | None = None
) -> CustomExercise:
    """A new exercise of the clinician's clinic; `Invalid` names every bad field."""
    checked = check(
        document,
        clinic_id=clinician.clinic_id,
        shipped=default_catalog(),
        others=_others(clinician, None),
    )
    cleaned = None if picture is None else clean_picture(picture)
    try:
        with transaction.atomic():
            return CustomExercise.objects.create(
                clinic_id=clinician.clinic_id,
                slug=checked.document["slug"],
                name=checked.exercise.name,
                document=checked.document,
                picture=None if cleaned is None else cleaned.data,
                picture_type="" if cleaned is None else cleaned.content_type,
                created_by=clinician.user,
            )
    except IntegrityError:
        raise invalid("slug", "the clinic already has an exercise with this slug") from None


def update_exercise(
    *,
    clinician: Clinician,
    row: CustomExercise,
    document: Mapping[str, Any],
    picture: bytes | None = None,
    drop_picture: bool = False,
) -> CustomExercise:
    """The edited exercise. Its slug is its id in prescriptions, so it cannot change."""
    if document.get("slug", row.slug) != row.slug:
        raise invalid("slug", "the slug names the exercise in prescriptions: it cannot change")
    checked = check(
        {**document, "slug": row.slug},
        clinic_id=clinician.clinic_id,
        shipped=default_catalog(),
        others=_others(clinician, row),
    )
    cleaned = None if picture is None else clean_picture(picture)
    with transaction.atomic():
        row.name = checked.exercise.name
        row.document = checked.document
        if cleaned is not None:
            row.picture, row.picture_type = cleaned.data, cleaned.content_type
        elif drop_picture:
            row.picture, row.picture_type = None, ""
        row.save()
    return row


def set_picture(*, row: CustomExercise, data: bytes) -> CustomExercise:
    cleaned = clean_picture(data)
    row.picture, row.picture_type = cleaned.data, cleaned.content_type
    row.save(update_fields=("picture", "picture_type", "updated_at"))
    return row


def retire_exercise(*, row: CustomExercise) -> CustomExercise:
    """No longer offered for new prescriptions; clients who have it keep it."""
    if row.retired_at is None:
        row.retired_at = timezone.now()
        row.save(update_fields=("retired_at", "updated_at"))
    return row
