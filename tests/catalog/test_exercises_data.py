"""The shipped catalog is a tested artifact: seed doses exactly as the seeds state them."""

from __future__ import annotations

import pytest

from footcore.catalog.loader import load_catalog
from footcore.domain.catalog import Catalog, Dose, Exercise, Tempo
from footcore.domain.vocab import Concern, Equipment, PainSite, Position, Role, Sides

CATALOG: Catalog = load_catalog()

REQUIRED_IDS = (
    "single-leg-raise",
    "heel-walking",
    "toe-walking",
    "calf-raises",
    "toe-curls",
    "short-foot",
    "toe-spreads",
    "plantar-stretch",
    "ankle-rotations",
    "shin-curls",
    "toe-yoga",
    "big-toe-tap",
    "heel-raise-towel",
)

CITATION_KEYS = (
    "seed-000",
    "seed-004",
    "matias-2016",
    "taddei-2020",
    "ridge-2019",
    "mulligan-cook-2013",
    "bmc-geriatr-2008",
    "lunsford-perry-1995",
    "jan-2005",
    "hebert-losier-2017",
    "springer-2007",
    "menz-2006",
    "powden-2015",
    "chisholm-2012",
    "bennell-1998",
    "martin-faam-2005",
    "silbernagel-2007",
    "rathleff-2015",
    "riel-2019",
    "fix-heel-2019",
    "beyer-2015",
    "alfredson-1998",
    "ottawa-rules",
    "warden-2014",
    "footcore-design",
)


def get(exercise_id: str) -> Exercise:
    return CATALOG.get(exercise_id)


def posterior_tibialis() -> Exercise:
    (found,) = [e for e in CATALOG.exercises if e.id.startswith("posterior-tibialis-")]
    return found


@pytest.mark.parametrize("exercise_id", REQUIRED_IDS)
def test_every_required_exercise_is_in_the_catalog(exercise_id: str) -> None:
    assert exercise_id in CATALOG.ids()


def test_there_is_a_posterior_tibialis_exercise() -> None:
    assert posterior_tibialis().role is Role.STRENGTH


# -- seed 000 (CURREX, "Top 10 Foot Exercises for Runners"): one assertion per exercise --


def test_single_leg_raise_holds_30_s_three_to_five_times_per_leg() -> None:
    assert get("single-leg-raise").dose == Dose(reps_min=3, reps_max=5, hold_s=30, per_side=True)


def test_heel_walking_covers_five_lengths_of_the_room() -> None:
    assert get("heel-walking").dose == Dose(
        reps_min=5, reps_max=5, rep_s=15, note="one length of the room per repetition"
    )


def test_toe_walking_is_two_to_three_one_minute_bouts() -> None:
    assert get("toe-walking").dose == Dose(reps_min=2, reps_max=3, duration_s=60)


def test_calf_raises_are_ten_to_fifteen_with_a_three_count_hold() -> None:
    assert get("calf-raises").dose == Dose(reps_min=10, reps_max=15, hold_s=3)


def test_toe_curls_are_ten_per_foot() -> None:
    assert get("toe-curls").dose == Dose(reps_min=10, reps_max=10, per_side=True, rep_s=4)


def test_short_foot_seated_is_five_holds_of_five_seconds_per_foot() -> None:
    assert get("short-foot").dose == Dose(reps_min=5, reps_max=5, hold_s=5, per_side=True)


def test_toe_spreads_are_ten_per_foot_holding_three_seconds() -> None:
    assert get("toe-spreads").dose == Dose(reps_min=10, reps_max=10, hold_s=3, per_side=True)


def test_plantar_stretch_is_ten_holds_of_ten_seconds_per_foot() -> None:
    assert get("plantar-stretch").dose == Dose(reps_min=10, reps_max=10, hold_s=10, per_side=True)


def test_ankle_rotations_trace_the_alphabet_once_per_leg() -> None:
    assert get("ankle-rotations").dose == Dose(
        reps_min=1,
        reps_max=1,
        per_side=True,
        rep_s=60,
        note="one full alphabet, A to Z, per foot",
    )


def test_shin_curls_are_five_with_a_three_count_hold() -> None:
    assert get("shin-curls").dose == Dose(reps_min=5, reps_max=5, hold_s=3)


# -- seed 004 (Meg Pezzino DPT, "Why Foot Strength Is Essential for Every Runner") -------


def test_toe_yoga_is_ten_to_fifteen_per_side() -> None:
    assert get("toe-yoga").dose == Dose(reps_min=10, reps_max=15, per_side=True, rep_s=4)


def test_short_foot_standing_is_ten_to_fifteen_holds_of_five_seconds() -> None:
    standing = get("short-foot").variant("standing")
    assert (standing.position, standing.source) == (Position.STANDING, "seed-004")
    assert standing.dose == Dose(reps_min=10, reps_max=15, hold_s=5, per_side=True)


def test_big_toe_tap_lasts_one_minute() -> None:
    assert get("big-toe-tap").dose == Dose(duration_s=60, per_side=True)


# -- evidence-based loaders ---------------------------------------------------------------


def test_posterior_tibialis_band_inversion_is_three_sets_of_ten() -> None:
    exercise = posterior_tibialis()
    assert exercise.default.equipment == (Equipment.BAND,)
    assert exercise.default.source == "bmc-geriatr-2008"
    assert (exercise.dose.sets, exercise.dose.reps_min, exercise.dose.reps_max) == (3, 10, 10)
    assert any("stronger band" in v.name.lower() for v in exercise.progressions)
    assert any(not v.equipment for v in exercise.regressions)


def test_heel_raise_towel_follows_rathleff_weeks_one_and_two() -> None:
    exercise = get("heel-raise-towel")
    assert exercise.default.equipment == (Equipment.STEP, Equipment.TOWEL)
    dose = exercise.dose
    assert (dose.sets, dose.reps_min, dose.reps_max, dose.rm) == (3, 12, 12, 12)
    assert dose.tempo == Tempo(up_s=3, top_s=2, down_s=3)
    assert dose.rest_s == 120
    assert dose.per_side


def test_heel_raise_towel_progresses_to_ten_then_eight_rm_with_a_backpack() -> None:
    steps = [(v.dose.sets, v.dose.rm) for v in get("heel-raise-towel").progressions]
    assert steps == [(4, 10), (5, 8)]
    assert all(Equipment.BACKPACK in v.equipment for v in get("heel-raise-towel").progressions)


def test_heel_raise_towel_regresses_to_both_legs() -> None:
    (regression,) = get("heel-raise-towel").regressions
    assert not regression.dose.per_side
    assert regression.source == "rathleff-2015"


# -- merging, cautions, indications, keystones -----------------------------------------


def test_foot_arch_doming_and_the_short_foot_exercise_are_one_exercise() -> None:
    for alias in ("foot arch doming", "foot doming", "Short Foot Exercise"):
        assert [e.id for e in CATALOG.filter(text=alias)] == ["short-foot"]
    assert [v.source for v in get("short-foot").variants[:2]] == ["seed-000", "seed-004"]


def test_toe_curls_are_also_called_towel_scrunches() -> None:
    assert "towel scrunches" in get("toe-curls").aliases


def test_toe_walking_is_avoided_with_ball_of_foot_pain() -> None:
    exercise = get("toe-walking")
    assert PainSite.BALL_OF_FOOT in exercise.avoided_with()
    assert any("balls of your feet" in c.text and "toes" in c.text for c in exercise.cautions)


def test_heel_walking_is_avoided_with_heel_pain() -> None:
    assert get("heel-walking").avoided_with() == frozenset({PainSite.HEEL})


@pytest.mark.parametrize(
    ("exercise_id", "concerns"),
    [
        ("toe-spreads", {Concern.METATARSALGIA}),
        ("plantar-stretch", {Concern.PLANTAR_FASCIITIS}),
        ("shin-curls", {Concern.SHIN_SPLINTS, Concern.STRESS_FRACTURE_HISTORY}),
        ("short-foot", {Concern.FLAT_FEET, Concern.PLANTAR_FASCIITIS}),
        ("ankle-rotations", {Concern.TRAIL_STABILITY}),
        ("heel-walking", {Concern.SHIN_SPLINTS}),
        ("toe-walking", {Concern.ACHILLES}),
        ("calf-raises", {Concern.ACHILLES}),
        ("heel-raise-towel", {Concern.PLANTAR_FASCIITIS}),
    ],
)
def test_indications_follow_the_sources(exercise_id: str, concerns: set[Concern]) -> None:
    assert concerns <= set(get(exercise_id).indications)


def test_posterior_tibialis_work_serves_flat_feet_and_shin_splints() -> None:
    assert {Concern.FLAT_FEET, Concern.SHIN_SPLINTS} <= set(posterior_tibialis().indications)


def test_short_foot_and_toe_yoga_are_the_keystones() -> None:
    assert {e.id for e in CATALOG.exercises if e.keystone} == {"short-foot", "toe-yoga"}


def test_the_warm_up_drills_are_activations() -> None:
    assert get("toe-yoga").role is Role.ACTIVATION
    assert get("big-toe-tap").role is Role.ACTIVATION


@pytest.mark.parametrize(
    ("exercise_id", "rung", "equipment"),
    [
        ("single-leg-raise", "balance-disk", Equipment.BALANCE_DISK),
        ("calf-raises", "step-dumbbells", Equipment.DUMBBELLS),
        ("toe-spreads", "rubber-band", Equipment.BAND),
    ],
)
def test_seed_progressions_need_their_equipment(
    exercise_id: str, rung: str, equipment: Equipment
) -> None:
    exercise = get(exercise_id)
    assert equipment in exercise.variant(rung).equipment
    assert rung in [v.id for v in exercise.progressions]


def test_seed_support_options_come_before_the_main_rung() -> None:
    assert Equipment.WALL in get("single-leg-raise").regressions[0].optional_equipment
    assert Equipment.WALL in get("calf-raises").regressions[-1].optional_equipment


def test_short_foot_goes_from_seated_to_standing() -> None:
    positions = [v.position for v in get("short-foot").variants]
    assert positions[:2] == [Position.SEATED, Position.STANDING]


# -- whole-catalog properties -----------------------------------------------------------


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=CATALOG.ids())
def test_every_exercise_has_three_to_six_numbered_steps(exercise: Exercise) -> None:
    assert 3 <= len(exercise.steps) <= 6


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=CATALOG.ids())
def test_every_exercise_can_be_done_without_equipment_where_that_makes_sense(
    exercise: Exercise,
) -> None:
    needs_kit = exercise.id == "heel-raise-towel"  # the step and towel are the exercise
    assert needs_kit or any(not v.equipment for v in exercise.variants)


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=CATALOG.ids())
def test_every_citation_resolves(exercise: Exercise) -> None:
    keys = [*exercise.citations, *(v.source for v in exercise.variants if v.source)]
    assert {c.key for c in CATALOG.cited(keys)} == set(keys)


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=CATALOG.ids())
def test_sides_say_how_the_default_dose_is_shared(exercise: Exercise) -> None:
    assert exercise.dose.per_side == (exercise.sides is Sides.EACH)


def test_every_listed_citation_key_is_defined() -> None:
    assert set(CITATION_KEYS) <= set(CATALOG.citations)


def test_the_seeds_are_marked_as_seeds() -> None:
    assert CATALOG.citations["seed-000"].status == "seed"
    assert "CURREX" in CATALOG.citations["seed-000"].text
    assert CATALOG.citations["seed-004"].status == "seed"
    assert "Pezzino" in CATALOG.citations["seed-004"].text
    assert CATALOG.citations["footcore-design"].status == "design"


def test_ranges_without_a_stated_rest_leave_rest_empty() -> None:
    rested = {e.id for e in CATALOG.exercises if any(v.dose.rest_s for v in e.variants)}
    assert rested == {"heel-raise-towel", "seated-heel-raise-loaded", "standing-heel-raise-loaded"}
