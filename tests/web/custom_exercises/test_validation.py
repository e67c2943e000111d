"""A custom exercise is checked by the catalog's own schema and rules, every problem named
by the document's field."""

from __future__ import annotations

from typing import Any

import pytest

from footcore.catalog.cache import default_catalog
from footcore.domain.problems import Invalid
from footcore.domain.vocab import Sides
from footcore.web.custom_exercises.models import PREFIX, parse_exercise_id
from footcore.web.custom_exercises.validation import check, exercise_from
from tests.web.custom_exercises.builders import document


def fields(raw: dict[str, Any]) -> list[str]:
    with pytest.raises(Invalid) as caught:
        check(raw, clinic_id=7, shipped=default_catalog())
    return [p.field for p in caught.value.problems]


def test_a_valid_document_becomes_a_catalog_exercise_with_a_clinic_scoped_id() -> None:
    checked = check(document(), clinic_id=7, shipped=default_catalog())
    exercise = checked.exercise
    assert exercise.id == "custom-7-banded-toe-spread"
    assert exercise.sides is Sides.EACH
    assert exercise.dose.describe() == "2 x 10 reps, hold 3 s, each foot, rest 30 s between sets"
    assert exercise.illustration == default_catalog().get("toe-spreads").illustration
    assert checked.document["figure"]["view"] == exercise.illustration.view
    assert exercise_from(checked.document, exercise.id) == exercise


def test_no_shipped_exercise_id_looks_like_a_custom_one() -> None:
    assert not [i for i in default_catalog().ids() if i.startswith(PREFIX)]
    assert parse_exercise_id("custom-12-a-b") == (12, "a-b")
    for other in ("short-foot", "custom-x-a", "custom-12-", "custom-", "custom-1" * 30):
        assert parse_exercise_id(other) is None


def test_dose_numbers_outside_the_catalogs_sane_ranges_are_named_by_field() -> None:
    dose = {"sets": 50, "reps_min": 10, "hold_s": 300, "per_side": True}
    assert fields(document(dose=dose)) == ["dose.sets", "dose.hold_s"]


def test_a_dose_of_the_wrong_type_is_named_as_the_catalog_loader_would() -> None:
    assert fields(document(dose={"sets": "2", "reps_min": 10, "hold_s": 3})) == ["dose.sets"]


def test_sides_each_needs_a_per_side_dose_as_in_the_catalog() -> None:
    assert fields(document(dose={"sets": 2, "reps_min": 10, "hold_s": 3})) == ["dose.per_side"]


def test_a_dose_without_repetitions_or_duration_is_refused() -> None:
    assert "dose.reps_min" in fields(document(dose={"sets": 2, "per_side": True}))


def test_empty_steps_targets_and_cautions_are_named() -> None:
    raw = document(steps=[], targets=["  "], cautions=[{"text": ""}])
    assert fields(raw) == ["targets[0]", "steps", "cautions[0].text"]


def test_unknown_fields_and_vocabulary_are_refused() -> None:
    raw = document(colour="red", position="hanging", equipment=["trampoline"])
    assert fields(raw) == ["colour", "position", "equipment[0]"]


def test_a_missing_name_is_named_once() -> None:
    raw = document()
    del raw["name"]
    assert fields(raw) == ["name"]


def test_a_slug_must_be_a_lowercase_slug() -> None:
    assert fields(document(slug="Banded Toe")) == ["slug"]
    assert fields(document(slug=None)) == ["slug"]


def test_a_name_already_used_by_the_catalog_is_refused() -> None:
    assert fields(document(name="Toe yoga")) == ["name"]


def test_a_name_used_by_another_exercise_of_the_clinic_is_refused() -> None:
    other = check(document(), clinic_id=7, shipped=default_catalog()).exercise
    with pytest.raises(Invalid) as caught:
        check(document(slug="other"), clinic_id=7, shipped=default_catalog(), others=[other])
    assert [p.field for p in caught.value.problems] == ["name"]


def test_an_exercise_needs_a_concern_unless_it_is_an_activation() -> None:
    assert fields(document(indications=[])) == ["indications"]
    check(document(indications=[], role="activation"), clinic_id=7, shipped=default_catalog())


def test_a_figure_is_checked_by_the_figures_pose_rules() -> None:
    figure = {
        "view": "foot-top",
        "start": {"name": "together", "angles": {"toe-spread": 0.0}},
        "end": {"name": "spread", "angles": {"toe-spread": 90.0}},
        "alt": "Toes spreading",
    }
    assert fields(document(figure=figure, figure_like=None)) == ["figure"]
    figure["end"] = {"name": "spread", "angles": {"toe-spread": 20.0}}
    checked = check(
        document(figure=figure, figure_like=None), clinic_id=7, shipped=default_catalog()
    )
    assert checked.exercise.illustration.end.angles["toe-spread"] == 20.0


def test_a_figure_of_the_wrong_shape_names_its_field() -> None:
    assert fields(document(figure={"view": "foot-top"}, figure_like=None)) == [
        "figure.start",
        "figure.end",
        "figure.alt",
    ]
    assert fields(document(figure_like="moonwalk")) == ["figure_like"]


def test_without_a_figure_the_catalogs_neutral_placeholder_is_drawn() -> None:
    exercise = check(document(figure_like=None), clinic_id=7, shipped=default_catalog()).exercise
    assert exercise.illustration.view == "seated-side"


def test_the_size_budget_is_checked_before_anything_else() -> None:
    assert fields(document(steps=["x" * 501])) == ["steps[0]"]
    assert fields(document(steps=["step"] * 21)) == ["steps"]
    assert fields({"purpose": "y" * 30_000}) == [""]
    assert fields([1, 2]) == [""]  # type: ignore[arg-type]
