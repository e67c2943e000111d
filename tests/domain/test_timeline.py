from __future__ import annotations

import importlib
import importlib.util
import itertools
import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.catalog import Dose, Tempo
from footcore.domain.plan import PlanItem
from footcore.domain.timeline import (
    DEFAULT_REP_S,
    DEFAULT_REST_S,
    EXERCISE_REST_S,
    GET_READY_S,
    RELAX_S,
    SWITCH_S,
    Step,
    StepKind,
    build_timeline,
    planned_reps,
    timeline_to_dicts,
    total_s,
)
from footcore.domain.vocab import Side


@dataclass(frozen=True)
class Item:
    """A plain stand-in for a plan item: the timeline needs only these three fields."""

    exercise: str
    variant: str
    dose: Dose


def make_item(exercise: str = "short-foot", **dose: Any) -> Item:
    return Item(exercise, "standard", Dose(**dose))


NAMES = {"short-foot": "Short foot", "toe-walking": "Toe walking", "calf-raise": "Calf raise"}


def kinds(steps: tuple[Step, ...], kind: StepKind) -> list[Step]:
    return [s for s in steps if s.kind is kind]


def test_a_per_side_hold_dose_makes_sets_times_reps_times_two_holds_and_one_switch_per_set() -> (
    None
):
    steps = build_timeline([make_item(sets=2, reps_min=5, hold_s=5, per_side=True)], names=NAMES)

    assert len(kinds(steps, StepKind.HOLD)) == 2 * 5 * 2
    switches = kinds(steps, StepKind.SWITCH)
    assert [(s.set_no, s.side) for s in switches] == [(1, Side.LEFT), (2, Side.LEFT)]
    assert all(s.duration_s == 5 for s in kinds(steps, StepKind.HOLD))


def test_the_right_foot_goes_first_and_is_announced() -> None:
    steps = build_timeline([make_item(reps_min=2, hold_s=5, per_side=True)], names=NAMES)

    holds = kinds(steps, StepKind.HOLD)
    assert [h.side for h in holds] == [Side.RIGHT, Side.RIGHT, Side.LEFT, Side.LEFT]
    assert holds[0].spoken.startswith("Right foot")
    assert "Switch to the left foot" in kinds(steps, StepKind.SWITCH)[0].spoken


def test_holds_are_separated_by_a_relax_but_not_followed_by_one_at_the_end_of_a_side() -> None:
    steps = build_timeline([make_item(reps_min=3, hold_s=5, per_side=True)], names=NAMES)

    relaxes = kinds(steps, StepKind.RELAX)
    assert len(relaxes) == 2 * (3 - 1)
    assert all(r.spoken == "Relax." and r.duration_s == RELAX_S for r in relaxes)
    for before, after in itertools.pairwise(steps):
        if after.kind is StepKind.RELAX:
            assert before.kind is StepKind.HOLD
            assert (before.side, before.rep_no) == (after.side, after.rep_no)


def test_step_durations_add_up_to_the_session_length() -> None:
    steps = build_timeline([make_item(sets=2, reps_min=5, hold_s=5, per_side=True)], names=NAMES)
    side_s = 5 * 5 + 4 * RELAX_S
    expected = GET_READY_S + 2 * (2 * side_s + SWITCH_S) + DEFAULT_REST_S

    assert total_s(steps) == expected
    assert steps[-1].starts_at_s == expected


def test_a_timed_dose_makes_one_timed_step_per_rep() -> None:
    steps = build_timeline(
        [make_item("toe-walking", reps_min=2, reps_max=3, duration_s=60)], names=NAMES
    )

    timed = kinds(steps, StepKind.TIMED)
    assert [(t.rep_no, t.duration_s) for t in timed] == [(1, 60), (2, 60)]
    assert timed[0].spoken == "Go: 1 minute."
    assert timed[1].spoken == "Again: 1 minute."


def test_a_timed_dose_without_reps_is_one_bout_per_set() -> None:
    steps = build_timeline([make_item("big-toe-tap", duration_s=60)], names={})

    assert [s.kind for s in steps] == [StepKind.READY, StepKind.TIMED, StepKind.DONE]
    assert total_s(steps) == GET_READY_S + 60


def test_rests_come_between_sets_and_not_after_the_last() -> None:
    steps = build_timeline([make_item("calf-raise", sets=3, reps_min=10)], names=NAMES)

    rests = kinds(steps, StepKind.REST)
    assert [r.set_no for r in rests] == [1, 2]
    assert all(r.duration_s == DEFAULT_REST_S for r in rests)
    assert steps[-2].kind is StepKind.REP
    assert "Next: set 2 of 3" in rests[0].spoken


def test_the_dose_own_rest_wins_over_the_default() -> None:
    steps = build_timeline([make_item(sets=2, reps_min=1, hold_s=5, rest_s=120)], names=NAMES)

    (rest,) = kinds(steps, StepKind.REST)
    assert rest.duration_s == 120
    assert rest.spoken.startswith("Rest 2 minutes.")


def test_a_zero_rest_is_left_out() -> None:
    steps = build_timeline([make_item(sets=3, reps_min=2, hold_s=5, rest_s=0)], names=NAMES)

    assert kinds(steps, StepKind.REST) == []


def test_exercises_are_separated_by_a_rest_that_names_the_next_one() -> None:
    steps = build_timeline(
        [make_item(reps_min=1, hold_s=5), make_item("toe-walking", duration_s=60)], names=NAMES
    )

    assert [s.kind for s in steps] == [
        StepKind.READY,
        StepKind.HOLD,
        StepKind.REST,
        StepKind.READY,
        StepKind.TIMED,
        StepKind.DONE,
    ]
    assert steps[2].duration_s == EXERCISE_REST_S
    assert steps[2].exercise is None
    assert "Next up: Toe walking" in steps[2].spoken
    assert steps[3].spoken.startswith("Get ready: Toe walking.")


def test_tempo_reps_last_the_whole_tempo_and_speak_its_phases() -> None:
    dose = {"sets": 1, "reps_min": 12, "tempo": Tempo(3, 2, 3)}
    steps = build_timeline([make_item("heel-raise", **dose)], names={})

    reps = kinds(steps, StepKind.REP)
    assert len(reps) == 12
    assert all(r.duration_s == 8 for r in reps)
    assert reps[0].spoken == "1: up 3, hold 2, down 3."


def test_a_tempo_without_a_top_hold_leaves_the_hold_out_of_the_cue() -> None:
    steps = build_timeline([make_item(reps_min=2, tempo=Tempo(3, 0, 3))], names={})

    assert kinds(steps, StepKind.REP)[1].spoken == "2: up 3, down 3."


def test_reps_without_a_tempo_last_the_dose_rep_s_or_the_default() -> None:
    own = build_timeline([make_item("heel-walking", reps_min=5, rep_s=10)], names={})
    default = build_timeline([make_item("toe-curl", reps_min=10)], names={})

    assert {s.duration_s for s in kinds(own, StepKind.REP)} == {10}
    assert {s.duration_s for s in kinds(default, StepKind.REP)} == {DEFAULT_REP_S}
    assert [s.spoken for s in kinds(default, StepKind.REP)][:3] == ["1.", "2.", "3."]
    assert kinds(default, StepKind.RELAX) == []


def test_the_player_counts_the_bottom_of_a_rep_range() -> None:
    assert planned_reps(Dose(reps_min=10, reps_max=15)) == 10
    assert planned_reps(Dose(reps_max=15)) == 15
    assert planned_reps(Dose(duration_s=60)) == 1


def test_the_get_ready_step_announces_the_exercise_and_the_dose_played() -> None:
    steps = build_timeline(
        [make_item(sets=2, reps_min=10, reps_max=15, hold_s=5, per_side=True)], names=NAMES
    )

    ready = steps[0]
    assert ready.kind is StepKind.READY
    assert ready.duration_s == GET_READY_S
    assert ready.exercise == "short-foot"
    assert ready.spoken == (
        "Get ready: Short foot. 2 sets of 10 holds of 5 seconds, each foot, right foot first."
    )
    assert "2 x 10 reps" in ready.display


def test_the_session_ends_with_one_done_step_of_no_length() -> None:
    steps = build_timeline([make_item(reps_min=2, hold_s=5)], names=NAMES)

    assert kinds(steps, StepKind.DONE) == [steps[-1]]
    assert steps[-1].duration_s == 0


def test_an_empty_session_is_only_the_done_step() -> None:
    steps = build_timeline([], names={})

    assert [s.kind for s in steps] == [StepKind.DONE]
    assert total_s(steps) == 0


def test_an_unknown_name_falls_back_to_the_readable_id() -> None:
    steps = build_timeline([make_item("posterior-tibialis-raise", reps_min=1)], names={})

    assert steps[0].spoken.startswith("Get ready: Posterior tibialis raise.")


def test_a_plan_item_can_be_played_directly() -> None:
    item = PlanItem("short-foot", "standing", Dose(reps_min=2, hold_s=5), "keystone")

    assert len(kinds(build_timeline([item], names=NAMES), StepKind.HOLD)) == 2


@pytest.mark.parametrize(
    "dose",
    [
        {"sets": 0, "reps_min": 5},
        {"reps_min": 0},
        {"reps_min": 5, "hold_s": 0},
        {"duration_s": -60},
        {"reps_min": 5, "rest_s": -1},
        {"reps_min": 5, "tempo": Tempo(0, 0, 0)},
    ],
)
def test_it_rejects_a_dose_that_cannot_be_played(dose: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="cannot play the dose of 'short-foot'"):
        build_timeline([make_item(**dose)], names=NAMES)


@pytest.mark.parametrize(
    "setting", [{"get_ready_s": 0}, {"switch_s": -1}, {"default_rest_s": -5}, {"relax_s": -1}]
)
def test_it_rejects_timings_that_would_stall_the_player(setting: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must"):
        build_timeline([make_item(reps_min=1)], names=NAMES, **setting)


def test_custom_timings_are_used() -> None:
    steps = build_timeline(
        [make_item(sets=2, reps_min=2, hold_s=5, per_side=True)],
        names=NAMES,
        get_ready_s=5,
        default_rest_s=45,
        switch_s=2.5,
        relax_s=0,
    )

    assert steps[0].duration_s == 5
    assert kinds(steps, StepKind.REST)[0].duration_s == 45
    assert kinds(steps, StepKind.SWITCH)[0].duration_s == 2.5
    assert kinds(steps, StepKind.RELAX) == []


def test_the_json_form_round_trips_and_uses_plain_strings() -> None:
    steps = build_timeline([make_item(reps_min=2, hold_s=5, per_side=True)], names=NAMES)

    data = json.loads(json.dumps(timeline_to_dicts(steps)))

    assert len(data) == len(steps)
    assert data[1] == {
        "index": 1,
        "kind": "hold",
        "exercise": "short-foot",
        "side": "right",
        "set_no": 1,
        "rep_no": 1,
        "duration_s": 5,
        "spoken": "Right foot. Hold.",
        "display": steps[1].display,
        "starts_at_s": GET_READY_S,
    }
    assert data[-1]["kind"] == "done"


# Spoken text goes to speech synthesis: words, digits and plain punctuation only.
SPEAKABLE = re.compile(r"^[A-Za-z0-9 ,.:!'-]+$")

tempos = st.builds(Tempo, st.integers(0, 4), st.integers(0, 3), st.integers(1, 4)) | st.none()


@st.composite
def doses(draw: st.DrawFn) -> Dose:
    reps_min = draw(st.none() | st.integers(1, 15))
    form = draw(st.sampled_from(["hold", "timed", "reps"]))
    return Dose(
        sets=draw(st.integers(1, 4)),
        reps_min=reps_min,
        reps_max=draw(st.none() | st.integers(1, 20)),
        hold_s=draw(st.integers(1, 45)) if form == "hold" else None,
        duration_s=draw(st.integers(5, 90)) if form == "timed" else None,
        per_side=draw(st.booleans()),
        rest_s=draw(st.none() | st.integers(0, 180)),
        tempo=draw(tempos) if form == "reps" else None,
        rep_s=draw(st.none() | st.integers(1, 20)) if form == "reps" else None,
    )


sessions = st.lists(
    st.builds(
        Item, st.sampled_from(["short-foot", "toe-walking", "calf-raise"]), st.just("v"), doses()
    ),
    max_size=6,
)


@given(sessions)
def test_starts_increase_strictly_and_the_total_is_the_sum_of_durations(
    items: list[Item],
) -> None:
    steps = build_timeline(items, names=NAMES)

    assert [s.index for s in steps] == list(range(len(steps)))
    assert total_s(steps) == sum(s.duration_s for s in steps)
    for before, after in itertools.pairwise(steps):
        assert after.starts_at_s > before.starts_at_s
        assert after.starts_at_s == before.starts_at_s + before.duration_s
    assert steps[-1].kind is StepKind.DONE
    assert steps[-1].starts_at_s == total_s(steps)


@given(doses())
def test_the_work_steps_follow_the_dose(dose: Dose) -> None:
    steps = build_timeline([Item("short-foot", "v", dose)], names=NAMES)
    sides = 2 if dose.per_side else 1
    work = [s for s in steps if s.kind in (StepKind.HOLD, StepKind.TIMED, StepKind.REP)]

    assert len(work) == dose.sets * sides * planned_reps(dose)
    assert len(kinds(steps, StepKind.SWITCH)) == (dose.sets if dose.per_side else 0)
    assert len(kinds(steps, StepKind.READY)) == 1
    assert all(SPEAKABLE.match(s.spoken) for s in steps), [s.spoken for s in steps]


@given(sessions)
def test_it_is_deterministic(items: list[Item]) -> None:
    assert build_timeline(items, names=NAMES) == build_timeline(list(items), names=NAMES)


# The time model belongs to another module; skip only these checks while it is absent.
HAS_TIME_MODEL = importlib.util.find_spec("footcore.domain.timing") is not None
needs_time_model = pytest.mark.skipif(not HAS_TIME_MODEL, reason="no footcore.domain.timing")


@needs_time_model
@given(doses())
def test_one_dose_lasts_what_the_time_model_estimates(dose: Dose) -> None:
    timing = importlib.import_module("footcore.domain.timing")
    steps = build_timeline([Item("short-foot", "v", dose)], names=NAMES)

    assert abs(total_s(steps) - GET_READY_S - timing.estimate_dose_s(dose)) <= 1


@needs_time_model
@given(sessions)
def test_a_session_lasts_what_the_time_model_estimates(items: list[Item]) -> None:
    timing = importlib.import_module("footcore.domain.timing")
    steps = build_timeline(items, names=NAMES)
    estimate_s = sum(
        timing.estimate_item_s(item.dose, first=position == 0)
        for position, item in enumerate(items)
    )

    assert abs(total_s(steps) - estimate_s) <= 1
