from __future__ import annotations

from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.assessments import Grade, HeelRaiseSurface, TestKind, Trials
from footcore.domain.norms import (
    BALANCE_EYES_CLOSED_MEAN_S,
    BALANCE_EYES_OPEN_BEST_S,
    HEEL_RAISE_AGES,
    HEEL_RAISE_LOA,
    HEEL_RAISE_MEDIANS,
    JAN_NORMAL_GRADE,
    LUNSFORD_PERRY_MEAN,
    EvidenceStatus,
    Standing,
    balance_reference,
    compare,
    heel_raise_median,
    knee_to_wall_deg,
)
from footcore.domain.vocab import Sex

INCLINE = HeelRaiseSurface.INCLINE


def test_the_heel_raise_medians_are_the_corrected_section_6_values() -> None:
    assert HEEL_RAISE_AGES == (20, 30, 40, 50, 60, 70, 80)
    assert HEEL_RAISE_MEDIANS[Sex.MALE] == (37.5, 32.9, 28.3, 23.8, 19.1, 14.6, 10.0)
    assert HEEL_RAISE_MEDIANS[Sex.FEMALE] == (30.1, 27.4, 24.6, 22.0, 19.2, 16.4, 13.7)


def test_the_heel_raise_median_at_a_given_age_is_the_published_value() -> None:
    reference = heel_raise_median(50, Sex.MALE)
    assert reference.value == 23.8
    assert reference.citation == "hebert-losier-2017"
    assert reference.status is EvidenceStatus.SECONDARY


def test_the_heel_raise_median_is_interpolated_between_ages() -> None:
    assert heel_raise_median(35, Sex.MALE).value == pytest.approx((32.9 + 28.3) / 2, abs=0.05)
    assert heel_raise_median(42, Sex.FEMALE).value == pytest.approx(24.6 - 0.2 * 2.6, abs=0.05)


def test_ages_outside_20_to_80_take_the_nearest_end_and_say_so() -> None:
    old = heel_raise_median(88, Sex.FEMALE)
    assert old.value == 13.7
    assert "aged 80" in old.population
    assert heel_raise_median(19, Sex.MALE).value == 37.5


@given(age=st.floats(min_value=20, max_value=80), sex=st.sampled_from(Sex))
def test_the_interpolated_median_lies_between_its_neighbours(age: float, sex: Sex) -> None:
    medians = HEEL_RAISE_MEDIANS[sex]
    value = heel_raise_median(age, sex).value
    assert min(medians) - 0.05 <= value <= max(medians) + 0.05
    older = heel_raise_median(min(age + 1, 80), sex).value
    assert older <= value + 0.05  # the medians fall with age for both sexes


def test_the_verified_fallbacks_carry_their_citations() -> None:
    assert (LUNSFORD_PERRY_MEAN.value, LUNSFORD_PERRY_MEAN.citation) == (
        27.9,
        "lunsford-perry-1995",
    )
    assert (JAN_NORMAL_GRADE.value, JAN_NORMAL_GRADE.citation) == (20, "jan-2005")
    assert LUNSFORD_PERRY_MEAN.status is JAN_NORMAL_GRADE.status is EvidenceStatus.VERIFIED
    assert HEEL_RAISE_LOA.value == 6.2


def test_a_profile_sex_from_another_enum_is_accepted_by_value() -> None:
    class OtherSex(StrEnum):
        MALE = "male"

    result = compare(TestKind.HEEL_RAISE, 20, 50, OtherSex.MALE, INCLINE)  # type: ignore[arg-type]
    assert result.reference is not None
    assert result.reference.value == 23.8
    assert "23.8" in result.sentence


def test_heel_raises_under_18_have_no_norm() -> None:
    assert compare(TestKind.HEEL_RAISE, 20, 16, Sex.MALE, INCLINE).standing is Standing.NO_NORM


def test_a_grade_is_not_a_heel_raise_count() -> None:
    with pytest.raises(ValueError, match="expected a number"):
        compare(TestKind.HEEL_RAISE, Grade.PASS, 30, Sex.MALE)


def test_eyes_open_balance_bands_are_springer_all_subject_best_of_3() -> None:
    ages = (25, 45, 55, 65, 75, 85)
    values = [balance_reference(TestKind.BALANCE_EYES_OPEN, age) for age in ages]
    assert [v.value for v in values if v] == list(BALANCE_EYES_OPEN_BEST_S)
    assert BALANCE_EYES_OPEN_BEST_S == (44.7, 41.9, 41.2, 32.1, 21.5, 9.4)
    assert balance_reference(TestKind.BALANCE_EYES_OPEN, 39.9).value == 44.7  # type: ignore[union-attr]
    assert balance_reference(TestKind.BALANCE_EYES_OPEN, 40).value == 41.9  # type: ignore[union-attr]


def test_eyes_closed_balance_uses_the_mean_of_3_values() -> None:
    assert BALANCE_EYES_CLOSED_MEAN_S == (9.4, 7.3, 4.8, 2.8, 2.0, 1.3)
    reference = balance_reference(TestKind.BALANCE_EYES_CLOSED, 30)
    assert reference is not None
    assert reference.statistic == "mean of 3 trials"
    assert reference.citation == "springer-2007"


def test_a_single_eyes_closed_time_gets_no_norm_because_best_of_3_is_unknown() -> None:
    for value in (16.0, Trials((16.0,)), Trials((16.0, 12.0))):
        result = compare(TestKind.BALANCE_EYES_CLOSED, value, 30, None)
        assert result.standing is Standing.NO_NORM
        assert result.reference is None


def test_balance_without_age_or_under_18_has_no_norm() -> None:
    assert compare(TestKind.BALANCE_EYES_OPEN, 30, None, None).standing is Standing.NO_NORM
    assert compare(TestKind.BALANCE_EYES_OPEN, 30, 15, None).standing is Standing.NO_NORM


def test_knee_to_wall_has_no_norm_and_never_uses_the_10_cm_rule() -> None:
    for distance_cm in (3, 9.5, 12):
        result = compare(TestKind.KNEE_TO_WALL, distance_cm, 30, Sex.FEMALE)
        assert result.standing is Standing.NO_NORM
        assert "no published norm" in result.sentence.lower()
        assert "unverified" in result.sentence


@pytest.mark.parametrize(
    "kind", [TestKind.SHORT_FOOT_HOLD, TestKind.TOE_YOGA_BIG_TOE, TestKind.BIG_TOE_EXTENSION]
)
def test_tests_without_a_norm_point_to_the_runners_own_trend(kind: TestKind) -> None:
    value = Grade.PARTIAL if kind is TestKind.TOE_YOGA_BIG_TOE else 20
    result = compare(kind, value, 30, Sex.MALE)
    assert result.standing is Standing.NO_NORM
    assert "showing your own trend" in result.sentence


def test_a_failed_paper_grip_is_below_and_cites_menz() -> None:
    failed = compare(TestKind.PAPER_GRIP_HALLUX, Grade.FAIL, 30, None)
    passed = compare(TestKind.PAPER_GRIP_LESSER_TOES, Grade.PASS, 30, None)
    assert (failed.standing, passed.standing) == (Standing.BELOW, Standing.WITHIN)
    assert "menz-2006" in failed.sentence
    assert "menz-2006" in passed.sentence


def test_a_paper_grip_needs_a_grade() -> None:
    with pytest.raises(ValueError, match="expected a grade"):
        compare(TestKind.PAPER_GRIP_HALLUX, 3, 30, None)


def test_knee_to_wall_converts_to_degrees_at_3_6_per_cm() -> None:
    assert knee_to_wall_deg(10) == pytest.approx(36.0)


def test_a_median_is_context_not_a_line_so_below_it_is_not_below() -> None:
    result = compare(TestKind.HEEL_RAISE, 21, 30, Sex.MALE, INCLINE)  # the median is 32.9
    assert result.standing is Standing.WITHIN
    assert "at or above the traditional normal grade of 20 reps (jan-2005)" in result.sentence
    assert "not a line to pass" in result.sentence
    assert "hebert-losier-2017" in result.sentence


def test_below_the_traditional_20_rep_grade_is_below_whatever_the_median() -> None:
    for age, sex in ((40, Sex.FEMALE), (None, None), (75, Sex.MALE)):
        result = compare(TestKind.HEEL_RAISE, 19, age, sex, INCLINE)
        assert result.standing is Standing.BELOW
        assert "below the traditional normal grade of 20 reps (jan-2005)" in result.sentence


def test_no_heel_raise_count_is_ever_called_above_typical() -> None:
    assert compare(TestKind.HEEL_RAISE, 60, 30, Sex.MALE, INCLINE).standing is not Standing.ABOVE


def test_balance_gets_no_verdict_because_springer_gives_no_lower_limit() -> None:
    closed = compare(TestKind.BALANCE_EYES_CLOSED, Trials((2.0, 3.0, 16.0)), 30, None)
    assert closed.compared_value == pytest.approx(7.0)
    assert closed.standing is Standing.NO_NORM
    assert "averaged 9.4 s" in closed.sentence
    opened = compare(TestKind.BALANCE_EYES_OPEN, Trials((10.0, 30.0, 20.0)), 30, None)
    assert opened.compared_value == 30.0
    assert opened.standing is Standing.NO_NORM
    assert "springer-2007" in opened.sentence


def test_a_hold_of_45_s_or_more_is_at_the_ceiling_of_the_test_never_above() -> None:
    result = compare(TestKind.BALANCE_EYES_OPEN, Trials((60.0, 50.0, 45.0)), 30, None)
    assert result.standing is Standing.NO_NORM
    assert "ceiling of the test" in result.sentence
    assert "45 s" in result.sentence


@pytest.mark.parametrize("surface", [HeelRaiseSurface.FLAT, HeelRaiseSurface.UNKNOWN, None])
def test_a_heel_raise_off_the_incline_gets_no_verdict_and_says_why(
    surface: HeelRaiseSurface | None,
) -> None:
    result = compare(TestKind.HEEL_RAISE, 12, 30, Sex.MALE, surface)
    assert result.standing is Standing.NO_NORM
    assert result.reference is None
    assert "10 degree incline board (hebert-losier-2017)" in result.sentence
    assert "own trend" in result.sentence
    assert "below" not in result.sentence


def test_a_flat_floor_count_is_compared_with_earlier_flat_floor_counts() -> None:
    result = compare(TestKind.HEEL_RAISE, 12, 30, Sex.MALE, HeelRaiseSurface.FLAT)
    assert "on a flat floor" in result.sentence
    assert "earlier flat-floor counts" in result.sentence


def test_the_same_count_on_the_incline_is_read_against_the_norm() -> None:
    result = compare(TestKind.HEEL_RAISE, 12, 30, Sex.MALE, INCLINE)
    assert result.standing is Standing.BELOW
