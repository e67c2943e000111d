"""Reads: a clinic's custom exercises, and the catalog as a clinician or a runner sees it.

The shipped catalog stays one object per process (`default_catalog`). A lookup that
names no `custom-` id gets exactly that object back without a query, so self-guided
runners and every shipped exercise cost what they did before. Only a lookup that names
a custom id reads the rows it names (one query), and only from the clinic the reader
belongs to; each row's conversion to a catalog exercise is memoised by its version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from types import MappingProxyType

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from footcore.catalog.cache import default_catalog
from footcore.domain.catalog import Catalog, Exercise
from footcore.web.custom_exercises.models import (
    PREFIX,
    CustomExercise,
    exercise_id_for,
    parse_exercise_id,
)
from footcore.web.custom_exercises.validation import CITATION_KEY, CLINIC_CITATION, exercise_from

_ROW_FIELDS = ("pk", "clinic_id", "slug", "document", "updated_at")


def clinic_exercises(clinic_id: int, *, retired: bool = False) -> list[CustomExercise]:
    rows = CustomExercise.objects.filter(clinic_id=clinic_id).defer("picture")
    return list(rows if retired else rows.filter(retired_at__isnull=True))


def clinic_catalog(clinic_id: int, *, keep: Iterable[str] | None = None) -> Catalog:
    """The shipped catalog and the clinic's exercises as its clinicians see them.

    Retired exercises are left out unless `keep` names them (the ids a prescription
    already has, so it still reads and edits); with `keep=None` all are in."""
    rows = CustomExercise.objects.filter(clinic_id=clinic_id)
    if keep is not None:
        kept = [found[1] for found in map(parse_exercise_id, keep) if found is not None]
        rows = rows.filter(Q(retired_at__isnull=True) | Q(slug__in=kept))
    found = [_exercise(*row) for row in rows.values_list(*_ROW_FIELDS)]
    return _extended(default_catalog(), found)


def runner_catalog(user: AbstractBaseUser | AnonymousUser, exercise_ids: Iterable[str]) -> Catalog:
    """The catalog for lookups of `exercise_ids` on behalf of runner `user`.

    Custom ids resolve only when they belong to the runner's clinic; any other stays
    unknown, as a shipped id that does not exist would."""
    shipped = default_catalog()
    wanted = {i for i in exercise_ids if i.startswith(PREFIX)}
    if not wanted or user.pk is None:
        return shipped
    slugs = [found[1] for found in map(parse_exercise_id, wanted) if found is not None]
    rows = CustomExercise.objects.filter(
        clinic__clients__runner_id=user.pk, slug__in=slugs
    ).values_list(*_ROW_FIELDS)
    found = [_exercise(*row) for row in rows]
    return _extended(shipped, [e for e in found if e.id in wanted])


def runner_names(
    user: AbstractBaseUser | AnonymousUser, exercise_ids: Iterable[str]
) -> dict[str, str]:
    """Exercise id to name for a runner's page: the shipped names and the custom ones named."""
    return {e.id: e.name for e in runner_catalog(user, exercise_ids).exercises}


def with_runner_exercises(
    user: AbstractBaseUser | AnonymousUser, catalog: Catalog, exercise_ids: Iterable[str]
) -> Catalog:
    """`catalog` when it already knows every id; else the runner's catalog for them."""
    known = set(catalog.ids())
    missing = [i for i in exercise_ids if i not in known]
    return catalog if not missing else runner_catalog(user, exercise_ids)


def _extended(shipped: Catalog, extra: Sequence[Exercise]) -> Catalog:
    if not extra:
        return shipped
    return Catalog(
        exercises=(*shipped.exercises, *extra),
        citations=MappingProxyType({**shipped.citations, CITATION_KEY: CLINIC_CITATION}),
    )


_MEMO: dict[tuple[int, dt.datetime], Exercise] = {}
_MEMO_SIZE = 512
"""Stored rows converted to catalog exercises, by row and version; bounded."""


def _exercise(
    pk: int, clinic_id: int, slug: str, document: object, updated_at: dt.datetime
) -> Exercise:
    key = (pk, updated_at)  # every save moves `updated_at`, so a key is one version
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        data = document if isinstance(document, dict) else {}
        found = _MEMO[key] = exercise_from(data, exercise_id_for(clinic_id, slug))
    return found
