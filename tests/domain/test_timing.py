from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from footcore.domain.catalog import Dose, Tempo
from footcore.domain.plan import PlanItem
from footcore.domain.timeline import build_timeline
from footcore.domain.timing import (
    DEFAULT_REP_S,
    DEFAULT_REST_S,
    EXERCISE_REST_S,
    GET_READY_S,
    RELAX_S,
    SWITCH_S,
    counted_reps,
    estimate_dose_s,
    estimate_item_s,
    estimate_session_s,
    fewest_sets_cut,
    transition_s,
    work_s,
)


def item(dose: Dose, exercise: str = "x") -> PlanItem:
    return PlanItem(exercise, "standard", dose, "because")


def test_a_short_foot_of_five_five_second_holds_per_foot_takes_79_s() -> None:
    # seed-000: hold 5 s, 5 times per foot: 5 holds and 4 relaxes a side, one switch.
    dose = Dose(reps_min=5, reps_max=5, hold_s=5, per_side=True)
    assert estimate_dose_s(dose) == 2 * (5 * 5 + 4 * RELAX_S) + SWITCH_S == 79


def test_it_counts_the_bottom_of_a_rep_range() -> None:
    assert counted_reps(Dose(reps_min=10, reps_max=15)) == 10
    assert counted_reps(Dose(reps_max=12)) == 12
    assert counted_reps(Dose(duration_s=60)) == 1


def test_the_default_rest_fills_in_when_the_dose_names_none() -> None:
    assert estimate_dose_s(Dose(sets=3, reps_min=10, rep_s=2)) == 3 * 20 + 2 * DEFAULT_REST_S


def test_a_named_rest_wins_over_the_default() -> None:
    assert estimate_dose_s(Dose(sets=3, reps_min=10, rep_s=2, rest_s=120)) == 60 + 240


def test_a_tempo_sets_the_length_of_each_repetition() -> None:
    # rathleff-2015: 3 s up, 2 s hold, 3 s down.
    dose = Dose(reps_min=12, tempo=Tempo(3, 2, 3))
    assert work_s(dose) == 8
    assert estimate_dose_s(dose) == 96


def test_timed_bouts_have_a_relax_between_them() -> None:
    # seed-000 toe walking: one minute, two to three times.
    assert estimate_dose_s(Dose(reps_min=2, reps_max=3, duration_s=60)) == 120 + RELAX_S


def test_a_single_timed_bout_per_foot_switches_once() -> None:
    assert estimate_dose_s(Dose(duration_s=60, per_side=True)) == 120 + SWITCH_S


def test_a_per_side_dose_switches_feet_in_every_set() -> None:
    dose = Dose(sets=2, reps_min=10, rep_s=3, per_side=True, rest_s=20)
    assert estimate_dose_s(dose) == 2 * (2 * 30 + SWITCH_S) + 20


def test_a_hold_wins_over_a_duration_and_reps_fall_back_to_the_default_length() -> None:
    assert work_s(Dose(hold_s=5, duration_s=60)) == 5
    assert work_s(Dose(reps_min=10)) == DEFAULT_REP_S
    assert work_s(Dose(reps_min=10, rep_s=15)) == 15


def test_a_session_adds_a_get_ready_to_each_exercise_and_a_rest_between_them() -> None:
    doses = [Dose(reps_min=10, rep_s=3), Dose(reps_min=5, rep_s=2)]
    assert transition_s(first=True) == GET_READY_S
    assert transition_s() == GET_READY_S + EXERCISE_REST_S
    assert (
        estimate_session_s([item(d) for d in doses]) == 30 + 10 + GET_READY_S * 2 + EXERCISE_REST_S
    )
    assert estimate_session_s(doses) == estimate_session_s([item(d) for d in doses])
    assert estimate_item_s(doses[0], first=True) == 30 + GET_READY_S


def test_an_empty_session_takes_no_time() -> None:
    assert estimate_session_s([]) == 0


doses = st.builds(
    Dose,
    sets=st.integers(1, 4),
    reps_min=st.none() | st.integers(1, 15),
    hold_s=st.none() | st.integers(1, 30),
    duration_s=st.none() | st.integers(5, 90),
    per_side=st.booleans(),
    rest_s=st.none() | st.integers(0, 120),
    tempo=st.none() | st.builds(Tempo, st.integers(1, 4), st.integers(0, 3), st.integers(1, 4)),
    rep_s=st.none() | st.integers(1, 20),
)


@settings(max_examples=150)
@given(session=st.lists(doses, min_size=1, max_size=6))
def test_the_estimate_equals_the_length_of_the_guided_session(session: list[Dose]) -> None:
    items = [item(d, f"exercise-{i}") for i, d in enumerate(session)]
    steps = build_timeline(items, names={})
    assert sum(step.duration_s for step in steps) == estimate_session_s(items)


@given(dose=doses)
def test_more_sets_never_take_less_time(dose: Dose) -> None:
    bigger = dataclasses.replace(dose, sets=dose.sets + 1)
    assert estimate_dose_s(bigger) > estimate_dose_s(dose)


def _cut_one_by_one(dose: Dose, budget_s: float) -> Dose:
    while dose.sets > 1 and estimate_item_s(dose) > budget_s:
        dose = dataclasses.replace(dose, sets=dose.sets - 1)
    return dose


@given(
    dose=doses.map(lambda d: dataclasses.replace(d, sets=d.sets * 2)),
    budget_s=st.integers(-60, 900),
)
def test_cutting_sets_to_a_budget_equals_cutting_them_one_at_a_time(
    dose: Dose, budget_s: int
) -> None:
    assert fewest_sets_cut(dose, budget_s) == _cut_one_by_one(dose, budget_s)


def test_a_dose_within_its_budget_keeps_every_set() -> None:
    dose = Dose(sets=3, reps_min=10)
    assert fewest_sets_cut(dose, estimate_item_s(dose)) is dose


def test_a_budget_too_small_for_one_set_leaves_one_set() -> None:
    assert fewest_sets_cut(Dose(sets=4, reps_min=10), 0).sets == 1
