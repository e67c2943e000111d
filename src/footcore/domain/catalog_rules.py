"""Cross-checks on a whole catalog that a schema alone cannot express.

The loader runs these after parsing the data files; clinician-authored exercises
can be run through the same rules. Every problem names the exercise (or citation)
and a field path in the data file's own notation (`variants[1].dose.reps_min`), so a
message can point straight at the line to fix.

The dose ranges are sanity bounds, not clinical advice: they catch typos (a hold of
300 s, 50 sets) rather than judge a prescription (`footcore-design`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from footcore.domain.catalog import Catalog, Citation, Dose, Exercise, Illustration, Variant
from footcore.domain.vocab import Role, Sides

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids are lowercase words joined by single hyphens, as in URLs and CLI flags."""

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
URL = re.compile(r"^https?://\S+$")

_Adder = Callable[[str, str], None]

CITATION_STATUSES = frozenset({"seed", "verified", "secondary", "design"})
"""How far a reference was checked (labels of evidence.md, plus our own design rules)."""

SETS_RANGE = (1, 10)
REPS_RANGE = (1, 100)
HOLD_S_RANGE = (1, 120)
DURATION_S_RANGE = (1, 600)
REST_S_RANGE = (0, 600)
REP_S_RANGE = (1, 600)
RM_RANGE = (1, 100)
TEMPO_PHASE_S_RANGE = (0, 30)
"""Bounds (inclusive) on dose numbers: sanity limits against typos (`footcore-design`)."""


class CatalogPart(StrEnum):
    """Which part of the catalog a problem lives in (each part is one data file)."""

    EXERCISES = "exercises"
    CITATIONS = "citations"
    ILLUSTRATIONS = "illustrations"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the catalog, located as precisely as the data allows."""

    subject: str | None
    """The exercise id (or citation key) at fault; None for catalog-wide problems."""
    field: str
    """Path inside the subject, e.g. `variants[1].dose.reps_min`."""
    message: str
    part: CatalogPart = CatalogPart.EXERCISES

    def __str__(self) -> str:
        noun = "citation" if self.part is CatalogPart.CITATIONS else "exercise"
        where = f"{noun} {self.subject!r}: " if self.subject is not None else ""
        return f"{where}{self.field}: {self.message}"


def catalog_problems(catalog: Catalog) -> list[Problem]:
    """Every rule violation in `catalog`, in a stable order (empty when all is well).

    Checks: slug ids, unique ids, names and aliases across exercises; unique variant
    ids; the default variant exists; doses are complete and within the sanity ranges
    above; every exercise has steps, targets, citations that resolve, and either an
    indication or the activation role; illustrations are well formed; citations
    carry text, a known status and well-formed DOIs and URLs.
    """
    problems = list(_catalog_wide(catalog))
    for exercise in catalog.exercises:
        problems.extend(exercise_problems(exercise, citation_keys=frozenset(catalog.citations)))
    for key, citation in catalog.citations.items():
        problems.extend(citation_problems(key, citation))
    return problems


def _catalog_wide(catalog: Catalog) -> Iterator[Problem]:
    id_counts = Counter(e.id for e in catalog.exercises)
    for exercise_id, count in id_counts.items():
        if count > 1:
            yield Problem(exercise_id, "id", f"duplicate exercise id ({count} exercises use it)")
    owners: dict[str, str] = {}
    for exercise in catalog.exercises:
        for label in dict.fromkeys(n.strip().lower() for n in (exercise.name, *exercise.aliases)):
            owner = owners.setdefault(label, exercise.id)
            if owner != exercise.id:
                yield Problem(
                    exercise.id,
                    "aliases",
                    f"name or alias {label!r} is already used by exercise {owner!r}",
                )


def exercise_problems(exercise: Exercise, *, citation_keys: frozenset[str]) -> list[Problem]:
    """Rule violations inside one exercise; `citation_keys` are the keys that resolve."""
    found: list[Problem] = []

    def add(field: str, message: str) -> None:
        found.append(Problem(exercise.id, field, message))

    if not SLUG.match(exercise.id):
        add("id", "must be a lowercase slug such as 'toe-yoga'")
    for field, text in (("name", exercise.name), ("purpose", exercise.purpose)):
        if not text.strip():
            add(field, "must not be empty")
    _check_texts(add, "aliases", exercise.aliases, required=False)
    _check_texts(add, "targets", exercise.targets, required=True)
    _check_texts(add, "steps", exercise.steps, required=True)
    if not exercise.indications and exercise.role is not Role.ACTIVATION:
        add("indications", "list at least one concern, unless the role is 'activation'")
    _check_duplicates(add, "indications", [str(c) for c in exercise.indications])

    if not exercise.citations:
        add("citations", "cite at least one source")
    _check_duplicates(add, "citations", list(exercise.citations))
    for index, key in enumerate(exercise.citations):
        if key not in citation_keys:
            add(f"citations[{index}]", f"unknown citation key {key!r}")

    for index, caution in enumerate(exercise.cautions):
        if not caution.text.strip():
            add(f"cautions[{index}].text", "must not be empty")

    found.extend(_variant_problems(exercise, citation_keys))
    found.extend(illustration_problems(exercise.id, exercise.illustration))
    return found


def _variant_problems(exercise: Exercise, citation_keys: frozenset[str]) -> Iterator[Problem]:
    if not exercise.variants:
        yield Problem(exercise.id, "variants", "list at least one variant")
    ids = [v.id for v in exercise.variants]
    for variant_id, count in Counter(ids).items():
        if count > 1:
            yield Problem(exercise.id, "variants", f"duplicate variant id {variant_id!r}")
    if exercise.default_variant not in ids:
        yield Problem(
            exercise.id,
            "default_variant",
            f"{exercise.default_variant!r} is not one of the variants {ids}",
        )
    for index, variant in enumerate(exercise.variants):
        yield from _one_variant(exercise, index, variant, citation_keys)
    if exercise.default_variant in ids:
        default_index = ids.index(exercise.default_variant)
        per_side = exercise.variants[default_index].dose.per_side
        if per_side != (exercise.sides is Sides.EACH):
            yield Problem(
                exercise.id,
                f"variants[{default_index}].dose.per_side",
                f"the default variant's per_side ({per_side}) must match sides "
                f"({exercise.sides.value!r}: 'each' means per_side true)",
            )


def _one_variant(
    exercise: Exercise, index: int, variant: Variant, citation_keys: frozenset[str]
) -> Iterator[Problem]:
    where = f"variants[{index}]"
    if not SLUG.match(variant.id):
        yield Problem(exercise.id, f"{where}.id", "must be a lowercase slug such as 'seated'")
    if not variant.name.strip():
        yield Problem(exercise.id, f"{where}.name", "must not be empty")
    both = sorted(set(variant.equipment) & set(variant.optional_equipment))
    if both:
        yield Problem(
            exercise.id,
            f"{where}.optional_equipment",
            f"{[str(e) for e in both]} cannot be both required and optional",
        )
    for field, items in (
        ("equipment", variant.equipment),
        ("optional_equipment", variant.optional_equipment),
    ):
        for item, count in Counter(items).items():
            if count > 1:
                yield Problem(exercise.id, f"{where}.{field}", f"{str(item)!r} is listed twice")
    if variant.source is not None:
        if variant.source not in citation_keys:
            yield Problem(
                exercise.id, f"{where}.source", f"unknown citation key {variant.source!r}"
            )
        elif variant.source not in exercise.citations:
            yield Problem(
                exercise.id,
                f"{where}.source",
                f"{variant.source!r} must also be listed in the exercise's citations",
            )
    for field, message in dose_problems(variant.dose):
        yield Problem(exercise.id, f"{where}.dose.{field}", message)


def dose_problems(dose: Dose) -> list[tuple[str, str]]:
    """(field, message) pairs for a dose that is incomplete or out of the sanity ranges.

    A dose needs repetitions or a timed bout, and the time model needs to know how
    long a repetition lasts: a hold, a duration, a tempo, or a `rep_s` estimate.
    """
    found: list[tuple[str, str]] = []
    bounded: tuple[tuple[str, int | None, tuple[int, int]], ...] = (
        ("sets", dose.sets, SETS_RANGE),
        ("reps_min", dose.reps_min, REPS_RANGE),
        ("reps_max", dose.reps_max, REPS_RANGE),
        ("hold_s", dose.hold_s, HOLD_S_RANGE),
        ("duration_s", dose.duration_s, DURATION_S_RANGE),
        ("rest_s", dose.rest_s, REST_S_RANGE),
        ("rep_s", dose.rep_s, REP_S_RANGE),
        ("rm", dose.rm, RM_RANGE),
    )
    for field, value, (low, high) in bounded:
        if value is not None and not low <= value <= high:
            found.append((field, f"{value} is outside the sane range {low}-{high}"))
    if dose.tempo is not None:
        low, high = TEMPO_PHASE_S_RANGE
        for field, value in (
            ("up_s", dose.tempo.up_s),
            ("top_s", dose.tempo.top_s),
            ("down_s", dose.tempo.down_s),
        ):
            if not low <= value <= high:
                found.append((f"tempo.{field}", f"{value} is outside the sane range {low}-{high}"))
        if dose.tempo.rep_s <= 0:
            found.append(("tempo", "a repetition must take some time"))
    if dose.reps_max is not None and dose.reps_min is None:
        found.append(("reps_min", "reps_max is set, so reps_min is required"))
    if dose.reps_min is not None and dose.reps_max is not None and dose.reps_min > dose.reps_max:
        found.append(("reps_min", f"reps_min {dose.reps_min} exceeds reps_max {dose.reps_max}"))
    if dose.reps_min is None and dose.duration_s is None:
        found.append(("reps_min", "a dose needs repetitions or a duration_s"))
    if dose.hold_s is not None and dose.duration_s is not None:
        found.append(("duration_s", "give a hold_s or a duration_s per repetition, not both"))
    if dose.reps_min is None and dose.hold_s is not None:
        found.append(("hold_s", "a hold needs repetitions (reps_min) to hold"))
    timed = dose.hold_s is not None or dose.duration_s is not None or dose.tempo is not None
    if dose.reps_min is not None and not timed and dose.rep_s is None:
        found.append(("rep_s", "estimate how long one repetition takes (needed by the time model)"))
    if dose.rm is not None and dose.reps_min is None:
        found.append(("rm", "a repetition-maximum load needs repetitions"))
    if dose.note is not None and not dose.note.strip():
        found.append(("note", "must not be empty when given"))
    return found


def illustration_problems(exercise_id: str, illustration: Illustration) -> list[Problem]:
    """Structural problems with an illustration (the figure module checks the angles)."""
    found: list[Problem] = []

    def add(field: str, message: str) -> None:
        found.append(Problem(exercise_id, field, message, CatalogPart.ILLUSTRATIONS))

    # Which views and joints exist is the figure module's vocabulary (its pose checks).
    if not illustration.view.strip():
        add("view", "name the view the figure is drawn in")
    if not illustration.alt.strip():
        add("alt", "describe the picture for screen readers")
    for field, pose in (("start", illustration.start), ("end", illustration.end)):
        if not pose.name.strip():
            add(f"{field}.name", "must not be empty")
    for index, prop in enumerate(illustration.props):
        if not prop.strip():
            add(f"props[{index}]", "must not be empty")
    return found


def citation_problems(key: str, citation: Citation) -> list[Problem]:
    """Problems with one reference: its key, text, status, DOI and URL."""
    found: list[Problem] = []

    def add(field: str, message: str) -> None:
        found.append(Problem(key, field, message, CatalogPart.CITATIONS))

    if not SLUG.match(key):
        add("key", "must be a lowercase slug such as 'rathleff-2015'")
    if key != citation.key:
        add("key", f"stored under {key!r} but names itself {citation.key!r}")
    if not citation.text.strip():
        add("text", "give the full reference")
    if citation.status not in CITATION_STATUSES:
        add("status", f"{citation.status!r} is not one of {sorted(CITATION_STATUSES)}")
    if citation.doi is not None and not DOI.match(citation.doi):
        add("doi", f"{citation.doi!r} is not a DOI such as '10.1111/sms.12313'")
    if citation.url is not None and not URL.match(citation.url):
        add("url", f"{citation.url!r} is not an http(s) address")
    return found


def _check_texts(add: _Adder, field: str, items: tuple[str, ...], *, required: bool) -> None:
    if required and not items:
        add(field, "list at least one entry")
    for index, text in enumerate(items):
        if not text.strip():
            add(f"{field}[{index}]", "must not be empty")
    _check_duplicates(add, field, list(items))


def _check_duplicates(add: _Adder, field: str, items: list[str]) -> None:
    for item, count in Counter(items).items():
        if count > 1:
            add(field, f"{item!r} is listed {count} times")
