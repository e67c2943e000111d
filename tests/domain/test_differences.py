from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.assessments import Grade, TestKind, Trials
from footcore.domain.differences import (
    CHANGE_THRESHOLDS,
    CLINICALLY_IMPORTANT,
    Direction,
    asymmetry,
    change,
)
from footcore.domain.norms import EvidenceStatus
from footcore.domain.vocab import Side


def test_heel_raises_18_against_26_are_flagged_with_the_left_weaker() -> None:
    result = asymmetry(18, 26, TestKind.HEEL_RAISE)
    assert result.flagged
    assert result.weaker is Side.LEFT
    assert result.difference == 8
    assert result.gap_percent == pytest.approx(100 * 8 / 26)
    assert result.sentence.startswith("heel raises: left side 18 vs right 26 reps")
    assert result.threshold is not None
    assert result.threshold.citation == "footcore-design"
    assert result.threshold.status is EvidenceStatus.DESIGN


def test_heel_raises_within_10_percent_are_not_flagged() -> None:
    assert not asymmetry(28, 30, TestKind.HEEL_RAISE).flagged


def test_knee_to_wall_flags_more_than_1_5_cm_apart() -> None:
    flagged = asymmetry(9.0, 11.0, TestKind.KNEE_TO_WALL)
    assert flagged.flagged
    assert flagged.weaker is Side.LEFT
    assert "chisholm-2012" in flagged.sentence
    assert not asymmetry(9.0, 10.5, TestKind.KNEE_TO_WALL).flagged
    assert not asymmetry(9.1, 10.6, TestKind.KNEE_TO_WALL).flagged  # 1.5 despite float error


def test_balance_needs_both_a_quarter_and_3_s_apart() -> None:
    assert asymmetry(Trials((30.0, 20.0)), 18.0, TestKind.BALANCE_EYES_OPEN).flagged
    assert not asymmetry(2.0, 4.0, TestKind.BALANCE_EYES_CLOSED).flagged  # 50% but 2 s
    assert not asymmetry(40.0, 35.0, TestKind.BALANCE_EYES_OPEN).flagged  # 5 s but 12.5%


def test_differing_grades_are_flagged_and_the_lower_grade_is_weaker() -> None:
    result = asymmetry(Grade.PASS, Grade.PARTIAL, TestKind.TOE_YOGA_BIG_TOE)
    assert result.flagged
    assert result.weaker is Side.RIGHT
    assert not asymmetry(Grade.FAIL, Grade.FAIL, TestKind.PAPER_GRIP_HALLUX).flagged


def test_big_toe_extension_has_no_side_threshold() -> None:
    result = asymmetry(40, 70, TestKind.BIG_TOE_EXTENSION)
    assert not result.flagged
    assert result.threshold is None
    assert "no side-to-side threshold" in result.sentence


def test_asymmetry_refuses_the_questionnaire_and_mixed_values() -> None:
    with pytest.raises(ValueError, match="not tested per side"):
        asymmetry(80, 90, TestKind.FAAM_ADL)
    with pytest.raises(ValueError, match="both sides need a grade"):
        asymmetry(Grade.PASS, 3, TestKind.TOE_YOGA_BIG_TOE)


def test_equal_sides_have_no_weaker_side() -> None:
    result = asymmetry(0, 0, TestKind.HEEL_RAISE)
    assert result.weaker is None
    assert not result.flagged
    assert result.gap_percent == 0


def test_a_heel_raise_change_beyond_6_2_reps_is_real() -> None:
    result = change(18, 25, TestKind.HEEL_RAISE)
    assert result.real is True
    assert result.direction is Direction.BETTER
    assert "hebert-losier-2017" in result.sentence
    assert "real improvement" in result.sentence


def test_a_heel_raise_change_of_6_reps_is_within_error() -> None:
    result = change(25, 19, TestKind.HEEL_RAISE)
    assert result.real is False
    assert result.direction is Direction.WORSE
    assert "within measurement error" in result.sentence


def test_knee_to_wall_uses_the_same_rater_mdc_of_1_9_cm() -> None:
    assert CHANGE_THRESHOLDS[TestKind.KNEE_TO_WALL].citation == "powden-2015"
    assert change(8.0, 10.0, TestKind.KNEE_TO_WALL).real is True
    assert change(8.0, 9.9, TestKind.KNEE_TO_WALL).real is False  # exactly 1.9 is not beyond
    assert change(8.1, 10.0, TestKind.KNEE_TO_WALL).real is False


def test_faam_changes_use_the_mdc_and_report_the_mcid() -> None:
    assert CLINICALLY_IMPORTANT[TestKind.FAAM_ADL].value == 8
    assert CLINICALLY_IMPORTANT[TestKind.FAAM_SPORTS].value == 9
    adl = change(80.0, 86.0, TestKind.FAAM_ADL)
    assert adl.real is True
    assert adl.important is False
    sports = change(60.0, 72.0, TestKind.FAAM_SPORTS)
    assert sports.real is False
    assert sports.important is True
    decline = change(90.0, 70.0, TestKind.FAAM_SPORTS)
    assert decline.real
    assert decline.important
    assert "real decline" in decline.sentence


def test_tests_without_a_published_error_give_no_verdict() -> None:
    result = change(20.0, 40.0, TestKind.BALANCE_EYES_OPEN)
    assert result.real is None
    assert result.threshold is None
    assert result.difference == 20.0


def test_a_graded_change_is_described_without_a_verdict() -> None:
    result = change(Grade.FAIL, Grade.PASS, TestKind.PAPER_GRIP_HALLUX)
    assert result.direction is Direction.BETTER
    assert result.real is None
    assert "fail -> pass" in result.sentence
    with pytest.raises(ValueError, match="both results need a grade"):
        change(Grade.FAIL, 3, TestKind.TOE_YOGA_BIG_TOE)


@given(
    before=st.integers(min_value=0, max_value=150),
    after=st.integers(min_value=0, max_value=150),
)
def test_a_heel_raise_change_is_real_exactly_beyond_the_limits_of_agreement(
    before: int, after: int
) -> None:
    result = change(before, after, TestKind.HEEL_RAISE)
    assert result.real is (abs(after - before) > 6.2)
    assert result.difference == after - before


@given(
    left=st.floats(min_value=0, max_value=25),
    right=st.floats(min_value=0, max_value=25),
)
def test_asymmetry_does_not_depend_on_which_side_is_which(left: float, right: float) -> None:
    one = asymmetry(left, right, TestKind.KNEE_TO_WALL)
    other = asymmetry(right, left, TestKind.KNEE_TO_WALL)
    assert one.flagged == other.flagged
    assert one.difference == other.difference
