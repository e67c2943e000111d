"""Load the exercise catalog from its YAML data files, validated end to end.

Three files live next to this module: `exercises.yaml` (a list of exercises),
`citations.yaml` (references keyed by citation key) and `illustrations.yaml` (figure
poses keyed by exercise id). Loading parses each with a safe YAML loader that also
rejects duplicate keys, validates the shape with the strict models in `schema`, then
runs the pure cross-checks of `footcore.domain.catalog_rules` and the figure's pose
checks. Any problem raises `CatalogError`; each line of its message names the file,
the exercise and the field, e.g.
`exercises.yaml: exercise 'toe-walking': variants[1].dose.reps_min: Input should be a
valid integer`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from footcore.catalog.cache import default_catalog as default_catalog  # kept importable here
from footcore.catalog.poses import pose_problems
from footcore.catalog.schema import (
    CitationSpec,
    ExerciseSpec,
    IllustrationSpec,
    placeholder_illustration,
)
from footcore.catalog.sources import PathArg, Source, parse_yaml, read_source
from footcore.domain.catalog import Catalog, Exercise, Illustration
from footcore.domain.catalog_rules import CatalogPart, catalog_problems

EXERCISES_FILE = "exercises.yaml"
CITATIONS_FILE = "citations.yaml"
ILLUSTRATIONS_FILE = "illustrations.yaml"

_Spec = TypeVar("_Spec", bound=BaseModel)


class CatalogError(Exception):
    """The catalog's data files are unreadable or invalid; `problems` lists every fault."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


def load_catalog(
    exercises_path: PathArg | None = None,
    citations_path: PathArg | None = None,
    illustrations_path: PathArg | None = None,
) -> Catalog:
    """Read, validate and cross-check the catalog; raise `CatalogError` on any problem.

    Paths default to the package's own data files. When the illustrations file does
    not exist, every exercise gets a neutral placeholder drawing; once it exists, an
    exercise without an entry there is an error.
    """
    problems: list[str] = []
    exercises_source = read_source(exercises_path, EXERCISES_FILE, problems)
    citations_source = read_source(citations_path, CITATIONS_FILE, problems)
    illustrations_source = read_source(
        illustrations_path, ILLUSTRATIONS_FILE, problems, optional=True
    )

    exercises = _parse_exercises(exercises_source, problems)
    citations = _parse_keyed(citations_source, CitationSpec, "citation", problems)
    has_drawings = illustrations_source is not None and illustrations_source.text is not None
    illustrations = (
        _parse_keyed(illustrations_source, IllustrationSpec, "exercise", problems)
        if has_drawings
        else None
    )
    if (
        problems
        or exercises_source is None
        or exercises is None
        or citations_source is None
        or citations is None
        or (has_drawings and illustrations is None)
    ):
        raise CatalogError(problems)

    drawings = {key: spec.to_domain() for key, spec in (illustrations or {}).items()}
    catalog = Catalog(
        exercises=tuple(
            spec.to_domain(drawings.get(spec.id) or placeholder_illustration(spec))
            for spec in exercises
        ),
        citations=MappingProxyType({key: spec.to_domain(key) for key, spec in citations.items()}),
    )
    names = {
        CatalogPart.EXERCISES: exercises_source.name,
        CatalogPart.CITATIONS: citations_source.name,
        CatalogPart.ILLUSTRATIONS: (
            illustrations_source.name if illustrations_source else ILLUSTRATIONS_FILE
        ),
    }
    problems.extend(f"{names[p.part]}: {p}" for p in catalog_problems(catalog))
    if illustrations is not None:
        problems.extend(
            _illustration_coverage(catalog.exercises, drawings, names[CatalogPart.ILLUSTRATIONS])
        )
    if problems:
        raise CatalogError(problems)
    return catalog


def check_catalog(
    exercises_path: PathArg | None = None,
    citations_path: PathArg | None = None,
    illustrations_path: PathArg | None = None,
) -> list[str]:
    """Every problem `load_catalog` would raise for these files; empty when valid."""
    try:
        load_catalog(exercises_path, citations_path, illustrations_path)
    except CatalogError as error:
        return list(error.problems)
    return []


def _parse_exercises(source: Source | None, problems: list[str]) -> list[ExerciseSpec] | None:
    if source is None:
        return None
    ok, data = parse_yaml(source, problems)
    if not ok:
        return None
    if not isinstance(data, list):
        problems.append(f"{source.name}: expected a list of exercises, found {_kind(data)}")
        return None
    specs: list[ExerciseSpec] = []
    failed = False
    for index, item in enumerate(data, start=1):
        label = f"exercise #{index}"
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"].strip():
            label = f"exercise {item['id']!r}"
        if not isinstance(item, dict):
            problems.append(f"{source.name}: {label}: expected a mapping, found {_kind(item)}")
            failed = True
            continue
        spec = _validate(ExerciseSpec, item, f"{source.name}: {label}", problems)
        if spec is None:
            failed = True
        else:
            specs.append(spec)
    return None if failed else specs


def _parse_keyed(
    source: Source | None, model: type[_Spec], noun: str, problems: list[str]
) -> dict[str, _Spec] | None:
    if source is None:
        return None
    ok, data = parse_yaml(source, problems)
    if not ok:
        return None
    if not isinstance(data, dict):
        problems.append(f"{source.name}: expected a mapping keyed by {noun}, found {_kind(data)}")
        return None
    specs: dict[str, _Spec] = {}
    failed = False
    for key, item in data.items():
        if not isinstance(key, str):
            problems.append(f"{source.name}: {noun} key {key!r}: must be a string")
            failed = True
            continue
        spec = _validate(model, item, f"{source.name}: {noun} {key!r}", problems)
        if spec is None:
            failed = True
        else:
            specs[key] = spec
    return None if failed else specs


def _validate(model: type[_Spec], item: object, prefix: str, problems: list[str]) -> _Spec | None:
    if not isinstance(item, dict):
        problems.append(f"{prefix}: expected a mapping, found {_kind(item)}")
        return None
    try:
        return model.model_validate(item)
    except ValidationError as error:
        for detail in error.errors(include_url=False, include_input=False):
            message = "unknown field" if detail["type"] == "extra_forbidden" else detail["msg"]
            problems.append(f"{prefix}: {_field_path(detail['loc'])}: {message}")
        return None
    except RecursionError:
        problems.append(f"{prefix}: the data refers to itself (a YAML alias cycle)")
        return None


def _field_path(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "[key]":
            path += " (key)"
        else:
            path += f".{part}" if path else part
    return path or "(top level)"


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__} ({str(value)[:40]!r})"


def _illustration_coverage(
    exercises: Sequence[Exercise], drawings: Mapping[str, Illustration], file_name: str
) -> list[str]:
    found: list[str] = []
    known = {e.id for e in exercises}
    for exercise in exercises:
        if exercise.id not in drawings:
            found.append(
                f"{file_name}: exercise {exercise.id!r}: illustration: missing "
                f"(add an entry keyed {exercise.id!r})"
            )
    for key, drawing in drawings.items():
        if key not in known:
            found.append(f"{file_name}: exercise {key!r}: illustration for an unknown exercise")
            continue
        found.extend(
            f"{file_name}: exercise {key!r}: {message}" for message in pose_problems(drawing)
        )
    return found
