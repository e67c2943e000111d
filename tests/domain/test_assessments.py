from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.assessments import (
    DEFINITIONS,
    Grade,
    TestKind,
    Trials,
    Unit,
    Value,
    headline,
    validate_result,
)
from footcore.domain.problems import Problem
from footcore.domain.vocab import Side


def fields(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


def test_every_test_kind_has_a_definition() -> None:
    assert set(DEFINITIONS) == set(TestKind)
    assert all(d.kind is kind for kind, d in DEFINITIONS.items())


def test_every_definition_states_how_to_do_it_and_its_unit() -> None:
    for definition in DEFINITIONS.values():
        assert definition.instructions, definition.kind
        assert definition.name
        assert definition.short_name
        if definition.valid is None:
            assert definition.unit is Unit.GRADE
            assert definition.grades
        else:
            assert definition.valid.unit is definition.unit
            assert definition.valid.low == 0


def test_the_published_protocols_are_cited() -> None:
    assert "hebert-losier-2017" in DEFINITIONS[TestKind.HEEL_RAISE].citations
    assert DEFINITIONS[TestKind.BALANCE_EYES_CLOSED].citations == ("springer-2007",)
    assert DEFINITIONS[TestKind.PAPER_GRIP_HALLUX].citations == ("menz-2006",)
    assert DEFINITIONS[TestKind.SHORT_FOOT_HOLD].citations == ("mulligan-cook-2013",)
    assert DEFINITIONS[TestKind.FAAM_SPORTS].citations == ("martin-faam-2005",)


def test_the_heel_raise_is_paced_at_60_bpm_and_counted_to_fatigue() -> None:
    heel_raise = DEFINITIONS[TestKind.HEEL_RAISE]
    assert heel_raise.cadence_bpm == 60
    assert heel_raise.unit is Unit.REPS
    assert (heel_raise.valid.low, heel_raise.valid.high) == (0, 150)  # type: ignore[union-attr]
    assert any("30 raises a minute" in step for step in heel_raise.instructions)


def test_balance_is_three_trials_per_side_up_to_120_s() -> None:
    for kind in (TestKind.BALANCE_EYES_OPEN, TestKind.BALANCE_EYES_CLOSED):
        balance = DEFINITIONS[kind]
        assert balance.trials == 3
        assert balance.per_side
        assert balance.valid is not None
        assert balance.valid.high == 120


def test_paper_grip_has_no_partial_grade_but_toe_yoga_does() -> None:
    assert Grade.PARTIAL not in DEFINITIONS[TestKind.PAPER_GRIP_LESSER_TOES].grades
    assert Grade.PARTIAL in DEFINITIONS[TestKind.TOE_YOGA_LESSER_TOES].grades


def test_only_faam_is_not_per_side_and_only_big_toe_extension_is_optional() -> None:
    not_per_side = {d.kind for d in DEFINITIONS.values() if not d.per_side}
    optional = {d.kind for d in DEFINITIONS.values() if d.optional}
    assert not_per_side == {TestKind.FAAM_ADL, TestKind.FAAM_SPORTS}
    assert optional == {TestKind.BIG_TOE_EXTENSION}


def test_a_valid_heel_raise_has_no_problems() -> None:
    assert validate_result(TestKind.HEEL_RAISE, 25, Side.LEFT) == []


def test_it_rejects_a_900_second_balance_with_the_valid_range() -> None:
    problems = validate_result(TestKind.BALANCE_EYES_OPEN, 900, Side.RIGHT)
    assert problems == [
        Problem("value", "Single-leg balance, eyes open: 900 s is outside the valid range 0-120 s")
    ]


def test_it_names_negative_reps() -> None:
    [problem] = validate_result(TestKind.HEEL_RAISE, -3, Side.LEFT)
    assert problem.field == "value"
    assert "-3 reps cannot be negative" in problem.message


def test_it_asks_for_whole_repetitions() -> None:
    [problem] = validate_result(TestKind.HEEL_RAISE, 12.5, Side.LEFT)
    assert "whole repetitions" in problem.message


def test_it_names_a_missing_side_for_a_per_side_test() -> None:
    [problem] = validate_result(TestKind.KNEE_TO_WALL, 10, None)
    assert problem.field == "side"
    assert "per side" in problem.message


def test_it_rejects_a_side_for_the_questionnaire() -> None:
    assert fields(validate_result(TestKind.FAAM_ADL, 80, Side.LEFT)) == ["side"]


def test_it_reports_side_and_value_problems_together() -> None:
    assert fields(validate_result(TestKind.HEEL_RAISE, -1, None)) == ["side", "value"]


def test_knee_to_wall_beyond_25_cm_is_out_of_range() -> None:
    [problem] = validate_result(TestKind.KNEE_TO_WALL, 26, Side.LEFT)
    assert "0-25 cm" in problem.message


@pytest.mark.parametrize("value", [math.nan, "12", True])
def test_it_rejects_values_that_are_not_numbers(value: object) -> None:
    problems = validate_result(TestKind.SHORT_FOOT_HOLD, value, Side.LEFT)  # type: ignore[arg-type]
    assert fields(problems) == ["value"]
    assert "must be a number" in problems[0].message


def test_it_rejects_a_partial_paper_grip() -> None:
    [problem] = validate_result(TestKind.PAPER_GRIP_HALLUX, Grade.PARTIAL, Side.LEFT)
    assert problem.field == "value"
    assert "pass or fail" in problem.message


def test_it_rejects_a_number_for_a_graded_test() -> None:
    assert fields(validate_result(TestKind.TOE_YOGA_BIG_TOE, 3, Side.LEFT)) == ["value"]


def test_it_accepts_a_partial_toe_yoga() -> None:
    assert validate_result(TestKind.TOE_YOGA_BIG_TOE, Grade.PARTIAL, Side.RIGHT) == []


def test_it_names_the_bad_trial_of_a_balance_test() -> None:
    problems = validate_result(TestKind.BALANCE_EYES_CLOSED, Trials((3.0, -1.0, 200.0)), Side.LEFT)
    assert fields(problems) == ["value[1]", "value[2]"]


def test_it_limits_balance_to_three_trials() -> None:
    problems = validate_result(TestKind.BALANCE_EYES_OPEN, Trials((1, 2, 3, 4)), Side.LEFT)
    assert problems == [Problem("value", "Single-leg balance, eyes open: give 1 to 3 trials")]


def test_it_refuses_trials_for_a_single_attempt_test() -> None:
    problems = validate_result(TestKind.KNEE_TO_WALL, Trials((10.0,)), Side.LEFT)
    assert "not trials" in problems[0].message


def test_the_headline_of_trials_is_the_best_one() -> None:
    trials = Trials((12.0, 30.5, 20.0))
    assert headline(trials) == 30.5
    assert trials.mean_s == pytest.approx(62.5 / 3)
    assert headline(Grade.FAIL) is Grade.FAIL
    assert headline(17) == 17


@given(
    kind=st.sampled_from([d.kind for d in DEFINITIONS.values() if d.valid is not None]),
    value=st.floats(allow_nan=False, allow_infinity=True),
)
def test_a_number_is_accepted_exactly_when_it_is_in_range(kind: TestKind, value: float) -> None:
    definition = DEFINITIONS[kind]
    assert definition.valid is not None
    side = Side.LEFT if definition.per_side else None
    in_range = definition.valid.contains(value)
    whole = definition.unit is not Unit.REPS or (math.isfinite(value) and value == int(value))
    result: Value = value
    assert (validate_result(kind, result, side) == []) == (in_range and whole)


def test_a_heel_raise_must_say_incline_or_flat_and_no_other_test_takes_a_surface() -> None:
    from footcore.domain.assessments import surface_problems

    assert surface_problems(TestKind.HEEL_RAISE, "incline") == []
    assert surface_problems(TestKind.HEEL_RAISE, "flat") == []
    for bad in (None, "", "unknown", "grass"):
        (problem,) = surface_problems(TestKind.HEEL_RAISE, bad)
        assert problem.field == "surface"
        assert "incline or flat" in problem.message
    (problem,) = surface_problems(TestKind.KNEE_TO_WALL, "flat")
    assert problem.field == "surface"
    assert surface_problems(TestKind.KNEE_TO_WALL, None) == []
