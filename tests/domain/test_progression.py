from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footcore.catalog.loader import default_catalog
from footcore.domain import progression
from footcore.domain.catalog import Dose, Exercise
from footcore.domain.progression import (
    MAX_SETS,
    NoUsableVariant,
    build_ladder,
    describe_change,
    level_dose,
    lighter,
    lower_steps,
    raise_steps,
)
from footcore.domain.timing import counted_reps, estimate_dose_s
from footcore.domain.vocab import Equipment
from tests.domain.planning_builders import make_dose, make_exercise, make_variant, small_catalog

CALF = small_catalog().get("calf-raises")


def reps(dose: Dose) -> tuple[int, int | None, int | None]:
    return (dose.sets, dose.reps_min, dose.reps_max)


def volume(dose: Dose) -> int:
    return dose.sets * counted_reps(dose) * (2 if dose.per_side else 1)


def test_level_zero_is_the_default_rung_at_its_seed_dose() -> None:
    variant, dose = level_dose(CALF, 0)
    assert variant.id == CALF.default_variant == "step"
    assert dose == CALF.dose


def test_an_extra_set_never_means_less_work_than_the_step_before() -> None:
    # 2 x 7 reps is 14; a third set starts at 5 (15 reps), not back at 1 (3 reps).
    wide = make_dose(sets=2, reps_min=1, reps_max=7)
    assert [reps(d) for d in raise_steps(wide)][:3] == [(2, 4, 7), (2, 7, 7), (3, 5, 7)]


def test_going_up_first_raises_the_reps_then_adds_a_set() -> None:
    seen = [reps(level_dose(CALF, level)[1]) for level in range(7)]
    assert seen == [
        (1, 10, 15),
        (1, 13, 15),
        (1, 15, 15),
        (2, 10, 15),
        (2, 13, 15),
        (2, 15, 15),
        (3, 10, 15),
    ]


def test_once_the_rung_is_used_up_it_moves_to_the_next_rung_at_its_seed_dose() -> None:
    top_of_rung = len(raise_steps(CALF.dose))
    assert level_dose(CALF, top_of_rung)[0].id == "step"
    variant, dose = level_dose(CALF, top_of_rung + 1)
    assert variant.id == "step-dumbbells"
    assert dose == CALF.variant("step-dumbbells").dose


def test_sets_stop_at_three_unless_the_seed_already_has_more() -> None:
    assert max(d.sets for d in raise_steps(make_dose(sets=1))) == MAX_SETS
    assert max(d.sets for d in raise_steps(make_dose(sets=5))) == 5


def test_a_dose_without_repetitions_only_gains_sets() -> None:
    assert [d.sets for d in raise_steps(Dose(duration_s=60))] == [2, 3]


def test_going_down_lowers_the_dose_then_steps_down_the_ladder() -> None:
    assert reps(level_dose(CALF, -1)[1]) == (1, 7, 10)
    variant, dose = level_dose(CALF, -2)
    assert variant.id == "floor"
    assert dose == CALF.variant("floor").dose


def test_lowering_takes_sets_away_first() -> None:
    assert [reps(d) for d in lower_steps(make_dose(sets=3, reps_min=12, reps_max=12))] == [
        (2, 12, 12),
        (1, 12, 12),
        (1, 8, 12),
    ]


def test_levels_past_either_end_stay_at_the_end() -> None:
    ladder = build_ladder(CALF)
    assert level_dose(CALF, 1000) == ladder.states[-1] == ladder.at(ladder.top_level)
    assert level_dose(CALF, -1000) == ladder.states[0] == ladder.at(ladder.bottom_level)


def test_without_a_step_it_starts_on_the_nearest_rung_that_needs_none() -> None:
    variant, _dose = level_dose(CALF, 0, equipment=[Equipment.TOWEL])
    assert variant.id == "floor"
    assert all(v.id == "floor" for v, _ in build_ladder(CALF, []).states)


def test_when_two_rungs_are_equally_near_it_takes_the_easier_one() -> None:
    exercise = make_exercise(
        "x",
        variants=(
            make_variant("easy"),
            make_variant("usual", equipment=(Equipment.BAND,)),
            make_variant("hard"),
        ),
        default="usual",
    )
    assert level_dose(exercise, 0, equipment=[])[0].id == "easy"
    assert level_dose(exercise, 50, equipment=[])[0].id == "hard"


def test_an_exercise_whose_every_rung_needs_missing_equipment_has_no_ladder() -> None:
    towel_only = small_catalog().get("toe-curls")
    with pytest.raises(NoUsableVariant):
        level_dose(towel_only, 0, equipment=[Equipment.STEP])


def test_lighter_takes_a_set_away_or_else_some_repetitions() -> None:
    assert reps(lighter(make_dose(sets=3))) == (2, 10, 15)
    assert reps(lighter(make_dose(sets=1, reps_min=15, reps_max=15))) == (1, 10, 15)
    assert lighter(Dose(duration_s=60)) == Dose(duration_s=60)
    assert lighter(Dose(reps_min=1)) == Dose(reps_min=1)


def test_it_describes_what_changed_since_last_time() -> None:
    step = CALF.variant("step")
    one, two = make_dose(sets=1), make_dose(sets=2)
    assert describe_change(CALF, None, (step, one)) is None
    assert describe_change(CALF, (step, one), (step, one)) is None
    assert describe_change(CALF, (step, one), (step, two)) == "progressed to 2 sets"
    assert describe_change(CALF, (step, two), (step, one)) == "eased to 1 set"
    assert describe_change(CALF, (step, one), (step, make_dose(reps_min=13))) == (
        "progressed to 13-15 reps"
    )
    harder = CALF.variant("step-dumbbells")
    assert describe_change(CALF, (step, one), (harder, one)) == "moved up to Step dumbbells"
    assert describe_change(CALF, (harder, one), (step, one)) == "eased to Step"


def check_monotonic(exercise: Exercise, equipment: list[Equipment] | None) -> None:
    ladder = build_ladder(exercise, equipment)
    rank = {v.id: i for i, v in enumerate(exercise.variants)}
    for level in range(ladder.bottom_level - 2, ladder.top_level + 2):
        (old_rung, old), (new_rung, new) = ladder.at(level), ladder.at(level + 1)
        assert rank[new_rung.id] >= rank[old_rung.id]
        if new_rung.id == old_rung.id:
            assert estimate_dose_s(new) >= estimate_dose_s(old)
            assert volume(new) >= volume(old)


small_doses = st.builds(
    make_dose,
    sets=st.integers(1, 5),
    reps_min=st.integers(1, 15),
    reps_max=st.integers(0, 10),
    hold_s=st.none() | st.integers(1, 30),
    per_side=st.booleans(),
).map(lambda d: dataclasses.replace(d, reps_max=(d.reps_min or 0) + (d.reps_max or 0)))


@settings(max_examples=150)
@given(
    rung_doses=st.lists(small_doses, min_size=1, max_size=5),
    default=st.integers(0, 4),
    needs_band=st.lists(st.booleans(), min_size=5, max_size=5),
    has_band=st.booleans(),
)
def test_rising_levels_never_ease_the_rung_nor_the_volume_within_it(
    rung_doses: list[Dose], default: int, needs_band: list[bool], has_band: bool
) -> None:
    rungs = tuple(
        make_variant(f"rung-{i}", dose=d, equipment=(Equipment.BAND,) if needs_band[i] else ())
        for i, d in enumerate(rung_doses)
    )
    exercise = make_exercise("x", variants=rungs, default=rungs[min(default, len(rungs) - 1)].id)
    equipment = [Equipment.BAND] if has_band else []
    if not any(not v.equipment or has_band for v in rungs):
        with pytest.raises(NoUsableVariant):
            build_ladder(exercise, equipment)
        return
    check_monotonic(exercise, equipment)
    assert build_ladder(exercise, equipment) == build_ladder(exercise, equipment)


@pytest.mark.parametrize("exercise", default_catalog().exercises, ids=lambda e: e.id)
def test_every_real_ladder_is_monotonic(exercise: Exercise) -> None:
    check_monotonic(exercise, None)
    if any(not rung.equipment for rung in exercise.variants):
        check_monotonic(exercise, [])


def test_a_remembered_ladder_is_never_handed_to_another_exercise_or_equipment() -> None:
    # Ladders are remembered by the exercise object and the equipment at hand.
    calf = CALF
    with_step = build_ladder(calf, (Equipment.STEP,))
    assert build_ladder(calf, (Equipment.STEP,)) is with_step
    assert build_ladder(calf, ()).at(0)[0].id != with_step.at(0)[0].id
    renamed = dataclasses.replace(calf, id="calf-raises-copy")
    assert build_ladder(renamed, (Equipment.STEP,)).exercise_id == "calf-raises-copy"
    needs_band = make_exercise(
        "band-only", variants=(make_variant("band", equipment=(Equipment.BAND,)),)
    )
    with pytest.raises(NoUsableVariant):
        build_ladder(needs_band, ())
    with pytest.raises(NoUsableVariant):
        build_ladder(needs_band, ())  # remembered, and still refused
    assert build_ladder(needs_band, (Equipment.BAND,)).at(0)[0].id == "band"


def test_the_remembered_ladders_stay_bounded() -> None:
    for i in range(progression._LADDERS_SIZE + 50):
        build_ladder(make_exercise(f"exercise-{i}"), ())
    assert len(progression._LADDERS) <= progression._LADDERS_SIZE


def test_planning_the_same_runners_again_builds_no_new_ladder() -> None:
    # A pain's cap and a clinician's starting rung make runner-specific exercises: each
    # is made once, so the remembered ladders do not fill up with copies.
    from tests.domain.test_plan_digests import (
        a_clinicians_template_with_a_pinned_exercise,
        bench_issue,
    )

    progression._LADDERS.clear()
    bench_issue()
    a_clinicians_template_with_a_pinned_exercise()
    remembered = len(progression._LADDERS)
    bench_issue()
    a_clinicians_template_with_a_pinned_exercise()
    assert len(progression._LADDERS) == remembered
