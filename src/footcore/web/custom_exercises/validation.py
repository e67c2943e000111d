"""A custom exercise's document, checked by the catalog's own schema and rules.

The document is the clinician's short form of a catalog entry (one rung, the catalog's
dose vocabulary). It is turned into the catalog's `ExerciseSpec` and validated by the
same strict pydantic models, the same `catalog_problems` (with every shipped exercise
and the clinic's others, so names cannot clash) and the same pose checks the loader
runs on `exercises.yaml`. Only the field paths are translated back to the document's
own (`variants[0].dose.reps_min` is `dose.reps_min`). Every problem is raised at once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ValidationError

from footcore.catalog.poses import pose_problems
from footcore.catalog.schema import ExerciseSpec, IllustrationSpec, placeholder_illustration
from footcore.domain.catalog import Catalog, Citation, Exercise, Illustration
from footcore.domain.catalog_rules import SLUG, catalog_problems
from footcore.domain.problems import Invalid, Problem
from footcore.web.custom_exercises.models import exercise_id_for

CITATION_KEY = "clinic-authored"
CLINIC_CITATION = Citation(
    key=CITATION_KEY,
    text="Written by a clinician of your clinic for its clients; not part of "
    "footcore's cited catalog (footcore's label).",
    status="design",
)
"""What a custom exercise cites: the catalog rule wants a source, and this one is honest."""

VARIANT = "main"
FIELDS = (
    "slug", "name", "purpose", "role", "position", "sides", "equipment", "targets",
    "steps", "dose", "cautions", "indications", "figure", "figure_like",
)  # fmt: skip
READ_ONLY = frozenset({"id", "has_picture", "image_url", "retired"})
MAX_DOCUMENT_BYTES = 20_000
MAX_TEXT = 500
MAX_LIST = 20
MAX_SLUG = 60
MAX_NAME = 80


@dataclass(frozen=True, slots=True)
class Checked:
    document: dict[str, Any]
    """The document as it is stored: no read-only fields; `figure_like` copied into `figure`."""
    exercise: Exercise


def check(
    raw: Mapping[str, Any],
    *,
    clinic_id: int,
    shipped: Catalog,
    others: Sequence[Exercise] = (),
) -> Checked:
    """The exercise `raw` describes for clinic `clinic_id`; `Invalid` names every bad field.

    `others` are the clinic's other custom exercises (a name is the clinic's only once).
    """
    problems = _budget(raw)
    if problems:
        raise Invalid(problems)
    document = {k: v for k, v in raw.items() if k not in READ_ONLY}
    problems.extend(Problem(k, "unknown field") for k in document if k not in FIELDS)
    slug = document.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug) or len(slug) > MAX_SLUG:
        problems.append(
            Problem("slug", f"lowercase words joined by hyphens, at most {MAX_SLUG} characters")
        )
        slug = "x"
    exercise_id = exercise_id_for(clinic_id, slug)
    name = document.get("name")
    if isinstance(name, str) and len(name) > MAX_NAME:
        problems.append(Problem("name", f"at most {MAX_NAME} characters"))
    figure_like = document.get("figure_like")
    if figure_like not in (None, ""):
        if not isinstance(figure_like, str) or figure_like not in shipped.ids():
            problems.append(Problem("figure_like", f"{figure_like!r} is not a catalog exercise"))
        else:
            document["figure"] = illustration_to_dict(shipped.get(figure_like).illustration)
    spec = _spec(document, exercise_id, problems)
    illustration = _illustration(document.get("figure"), problems)
    if problems or spec is None:
        raise Invalid(problems)
    drawing = illustration or placeholder_illustration(spec)
    exercise = spec.to_domain(drawing)
    citations = {**shipped.citations, CITATION_KEY: CLINIC_CITATION}
    whole = Catalog(
        exercises=(*shipped.exercises, *(o for o in others if o.id != exercise_id), exercise),
        citations=MappingProxyType(citations),
    )
    problems.extend(
        Problem(_document_field(p.field, illustrations=p.part.value == "illustrations"), p.message)
        for p in catalog_problems(whole)
        if p.subject == exercise_id
    )
    if problems:
        raise Invalid(problems)
    return Checked(document=document, exercise=exercise)


def exercise_from(document: Mapping[str, Any], exercise_id: str) -> Exercise:
    """A stored (already checked) document as the catalog's exercise."""
    problems: list[Problem] = []
    spec = _spec(document, exercise_id, problems)
    illustration = _illustration(document.get("figure"), problems)
    if spec is None or problems:
        raise Invalid(problems)
    exercise: Exercise = spec.to_domain(illustration or placeholder_illustration(spec))
    return exercise


def illustration_to_dict(drawing: Illustration) -> dict[str, Any]:
    return {
        "view": drawing.view,
        "start": {"name": drawing.start.name, "angles": dict(drawing.start.angles)},
        "end": {"name": drawing.end.name, "angles": dict(drawing.end.angles)},
        "alt": drawing.alt,
        "props": list(drawing.props),
    }


def _budget(raw: object) -> list[Problem]:
    if not isinstance(raw, Mapping):
        return [Problem("", "the exercise is a JSON object")]
    try:
        size = len(json.dumps(raw, default=str))
    except (TypeError, ValueError, RecursionError):
        return [Problem("", "the exercise is not plain JSON")]
    if size > MAX_DOCUMENT_BYTES:
        return [Problem("", f"the exercise is larger than {MAX_DOCUMENT_BYTES} bytes")]
    found: list[Problem] = []
    for key, value in raw.items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            found.append(Problem(str(key), f"at most {MAX_TEXT} characters"))
        if isinstance(value, list):
            if len(value) > MAX_LIST:
                found.append(Problem(str(key), f"at most {MAX_LIST} entries"))
            for n, item in enumerate(value):
                if isinstance(item, str) and len(item) > MAX_TEXT:
                    found.append(Problem(f"{key}[{n}]", f"at most {MAX_TEXT} characters"))
    return found


def _cautions(raw: object) -> object:
    # A caution may be given as its text alone, as a form sends it.
    if isinstance(raw, list):
        return [{"text": c} if isinstance(c, str) else c for c in raw]
    return raw


def _spec(document: Mapping[str, Any], exercise_id: str, problems: list[Problem]) -> Any:
    name = document.get("name")
    # The one rung is named like the exercise; a bad name is reported once, as `name`.
    variant: dict[str, Any] = {"id": VARIANT, "name": name if isinstance(name, str) else ""}
    for key in ("position", "dose", "equipment"):
        if key in document:
            variant[key] = document[key]
    data: dict[str, Any] = {
        "id": exercise_id,
        "variants": [variant],
        "default_variant": VARIANT,
        "citations": [CITATION_KEY],
        "role": document.get("role", "strength"),
    }
    for key in ("name", "purpose", "sides", "targets", "steps", "indications"):
        if key in document:
            data[key] = document[key]
    if "cautions" in document:
        data["cautions"] = _cautions(document["cautions"])
    return _validated(ExerciseSpec, data, "", problems)


def _illustration(raw: object, problems: list[Problem]) -> Illustration | None:
    if raw is None:
        return None
    spec = _validated(IllustrationSpec, raw, "figure", problems)
    if spec is None:
        return None
    drawing: Illustration = spec.to_domain()
    problems.extend(Problem("figure", message) for message in pose_problems(drawing))
    return drawing


def _validated(model: type[BaseModel], data: object, at: str, problems: list[Problem]) -> Any:
    if not isinstance(data, Mapping):
        problems.append(Problem(at, "an object"))
        return None
    try:
        return model.model_validate(dict(data))
    except ValidationError as error:
        for detail in error.errors(include_url=False, include_input=False):
            message = "unknown field" if detail["type"] == "extra_forbidden" else detail["msg"]
            if detail["type"] == "missing":
                message = "required"
            path = _loc(detail["loc"])
            field = f"{at}.{path}" if at and path else at or _document_field(path)
            problems.append(Problem(field, message))
        return None
    except RecursionError:
        problems.append(Problem(at, "nested too deeply"))
        return None


def _loc(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _document_field(path: str, *, illustrations: bool = False) -> str:
    """A catalog field path as the document's own field."""
    if illustrations:
        return f"figure.{path}" if path else "figure"
    if path.startswith("variants[0]."):
        rest = path.removeprefix("variants[0].")
        return "name" if rest == "name" else rest
    if path in ("id", "aliases"):
        return "slug" if path == "id" else "name"
    if path in ("variants", "default_variant", "citations") or path.startswith("citations"):
        return ""
    return path


__all__ = ["CITATION_KEY", "CLINIC_CITATION", "Checked", "check", "exercise_from"]
