from __future__ import annotations

import datetime as dt

import pytest

from footcore.domain.assessments import (
    AssessmentResult,
    Grade,
    HeelRaiseSurface,
    TestKind,
    Trials,
    Value,
)
from footcore.domain.steering import (
    EXERCISES_FOR,
    Emphasis,
    emphasis_from_results,
    retest_dates,
)
from footcore.domain.vocab import Sex, Side

DAY = dt.date(2025, 3, 3)


def make_result(
    kind: TestKind, side: Side | None, value: Value, day: dt.date = DAY
) -> AssessmentResult:
    surface = HeelRaiseSurface.INCLINE if kind is TestKind.HEEL_RAISE else None
    return AssessmentResult(date=day, kind=kind, side=side, value=value, surface=surface)


def both(kind: TestKind, left: Value, right: Value) -> list[AssessmentResult]:
    return [make_result(kind, Side.LEFT, left), make_result(kind, Side.RIGHT, right)]


def by_exercise(emphases: tuple[Emphasis, ...]) -> dict[str | None, Emphasis]:
    return {e.exercise: e for e in emphases}


def test_strong_even_results_bring_nothing_forward() -> None:
    results = [
        *both(TestKind.HEEL_RAISE, 30, 31),
        *both(TestKind.BALANCE_EYES_OPEN, 45.0, 44.0),
        *both(TestKind.TOE_YOGA_BIG_TOE, Grade.PASS, Grade.PASS),
        *both(TestKind.KNEE_TO_WALL, 12.0, 12.5),
        *both(TestKind.SHORT_FOOT_HOLD, 30.0, 28.0),
        make_result(TestKind.FAAM_SPORTS, None, 100.0),
    ]
    assert emphasis_from_results(results, 30, Sex.MALE) == ()


def test_lopsided_heel_raises_bring_calf_work_forward_with_the_numbers() -> None:
    emphases = by_exercise(emphasis_from_results(both(TestKind.HEEL_RAISE, 18, 26), None, None))
    assert set(emphases) == {"calf-raises", "heel-raise-towel"}
    reasons = " ".join(emphases["calf-raises"].reasons)
    assert "heel raises: left side 18 vs right 26 reps" in reasons
    assert emphases["calf-raises"].citation == "footcore-design"


def test_heel_raises_below_the_norm_bring_calf_work_forward_on_one_side_too() -> None:
    results = [make_result(TestKind.HEEL_RAISE, Side.RIGHT, 12)]
    [first, second] = emphasis_from_results(results, 30, Sex.MALE)
    assert (first.exercise, second.exercise) == ("calf-raises", "heel-raise-towel")
    assert first.reasons[0].startswith("heel raises, right side: 12 reps is below")


def test_low_balance_brings_the_single_leg_raise_forward() -> None:
    results = both(TestKind.BALANCE_EYES_OPEN, Trials((5.0, 8.0, 6.0)), 44.0)
    [emphasis] = emphasis_from_results(results, 35, None)
    assert emphasis.exercise == "single-leg-raise"
    # Springer gives no lower limit, so only the side-to-side gap triggers it.
    assert len(emphasis.reasons) == 1


def test_a_failed_toe_test_brings_the_toe_exercises_forward_once() -> None:
    results = [
        *both(TestKind.TOE_YOGA_LESSER_TOES, Grade.FAIL, Grade.FAIL),
        *both(TestKind.PAPER_GRIP_HALLUX, Grade.PASS, Grade.FAIL),
    ]
    emphases = emphasis_from_results(results, None, None)
    assert [e.exercise for e in emphases] == ["toe-yoga", "toe-curls", "toe-spreads"]
    assert emphases[0].kinds == (TestKind.TOE_YOGA_LESSER_TOES, TestKind.PAPER_GRIP_HALLUX)
    assert "paper grip (big toe): right side fail" in emphases[0].reasons


def test_knee_to_wall_counts_only_an_asymmetry_because_it_has_no_verified_norm() -> None:
    assert emphasis_from_results(both(TestKind.KNEE_TO_WALL, 4.0, 4.5), 30, None) == ()
    [emphasis] = emphasis_from_results(both(TestKind.KNEE_TO_WALL, 6.0, 9.0), 30, None)
    assert emphasis.exercise == "ankle-rotations"
    assert "chisholm-2012" in emphasis.reasons[0]


def test_a_short_foot_hold_under_10_s_brings_the_short_foot_forward() -> None:
    [emphasis] = emphasis_from_results(both(TestKind.SHORT_FOOT_HOLD, 6.0, 7.0), None, None)
    assert emphasis.exercise == "short-foot"
    assert "footcore-design" in emphasis.reasons[0]


def test_a_low_faam_emphasises_the_whole_plan() -> None:
    [emphasis] = emphasis_from_results([make_result(TestKind.FAAM_SPORTS, None, 62.5)], None, None)
    assert emphasis.exercise is None
    assert emphasis.reasons[0].startswith("FAAM sports 62%")


def test_only_the_latest_result_of_each_side_counts() -> None:
    old = make_result(TestKind.HEEL_RAISE, Side.LEFT, 10, DAY)
    new = make_result(TestKind.HEEL_RAISE, Side.LEFT, 35, DAY + dt.timedelta(days=28))
    assert emphasis_from_results([new, old], 30, Sex.MALE) == ()


def test_every_kind_that_steers_has_catalog_style_ids() -> None:
    for exercises in EXERCISES_FOR.values():
        assert exercises
        assert all(e == e.lower() and " " not in e for e in exercises)


def test_retests_fall_every_4_weeks_after_the_start() -> None:
    assert retest_dates(DAY, 8) == (DAY + dt.timedelta(days=28), DAY + dt.timedelta(days=56))
    assert retest_dates(DAY, 11) == retest_dates(DAY, 8)
    assert retest_dates(DAY, 12)[-1] == DAY + dt.timedelta(days=84)


def test_a_plan_shorter_than_4_weeks_has_no_retest() -> None:
    assert retest_dates(DAY, 3) == ()


def test_a_negative_plan_length_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        retest_dates(DAY, -1)


def on(surface: HeelRaiseSurface, side: Side, reps: int, day: dt.date = DAY) -> AssessmentResult:
    return AssessmentResult(day, TestKind.HEEL_RAISE, side, float(reps), surface)


def test_a_low_flat_floor_heel_raise_brings_nothing_forward() -> None:
    for surface in (HeelRaiseSurface.FLAT, HeelRaiseSurface.UNKNOWN):
        results = [on(surface, Side.LEFT, 8), on(surface, Side.RIGHT, 8)]
        assert emphasis_from_results(results, 30, Sex.MALE) == ()


def test_the_latest_incline_result_counts_even_after_an_older_flat_one() -> None:
    later = DAY + dt.timedelta(days=28)
    results = [
        on(HeelRaiseSurface.FLAT, Side.LEFT, 40),
        on(HeelRaiseSurface.INCLINE, Side.LEFT, 8, later),
    ]
    assert "calf-raises" in by_exercise(emphasis_from_results(results, 30, Sex.MALE))


def test_sides_on_different_surfaces_are_never_called_lopsided() -> None:
    results = [
        on(HeelRaiseSurface.INCLINE, Side.LEFT, 30),
        on(HeelRaiseSurface.FLAT, Side.RIGHT, 60),
    ]
    assert emphasis_from_results(results, None, None) == ()
    same = [on(HeelRaiseSurface.FLAT, Side.LEFT, 30), on(HeelRaiseSurface.FLAT, Side.RIGHT, 60)]
    assert "calf-raises" in by_exercise(emphasis_from_results(same, None, None))
