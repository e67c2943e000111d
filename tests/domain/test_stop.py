"""The stop from the ordered safety history, screen completeness, and the gate."""

from __future__ import annotations

import datetime as dt

from footcore.domain.adaptation import Rule, adapt
from footcore.domain.logbook import (
    Difficulty,
    ExerciseLog,
    RedFlagAnswers,
    SessionLog,
    unique_logs,
)
from footcore.domain.plan import SessionKind
from footcore.domain.safety import RED_FLAG_QUESTIONS, RED_FLAG_SCREEN_FROM
from footcore.domain.stop import (
    Gate,
    SafetyEvent,
    SafetyKind,
    StopState,
    pain_now,
    program_gate,
    screen_before_loading,
    screen_findings,
    screen_problems,
    stop_state,
)
from footcore.domain.vocab import Concern, PainSite

DAY = dt.date(2026, 12, 8)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, 8, hour, minute, tzinfo=dt.UTC)


def flag(when: dt.datetime) -> SafetyEvent:
    return SafetyEvent(when, SafetyKind.SCREEN, ("numbness or pins and needles",))


def clearance(when: dt.datetime) -> SafetyEvent:
    return SafetyEvent(when, SafetyKind.CLEARANCE)


def test_a_flag_recorded_after_a_clearance_the_same_day_stops_training() -> None:
    state = stop_state([clearance(at(9)), flag(at(15))])

    assert state.stopped
    assert state.since == at(15)


def test_a_clearance_lifts_only_the_flags_recorded_before_it() -> None:
    assert not stop_state([flag(at(9)), clearance(at(10))]).stopped
    assert stop_state([flag(at(9)), clearance(at(10)), flag(at(11))]).reasons == (
        "numbness or pins and needles",
    )


def test_the_order_is_by_instant_not_by_the_order_given() -> None:
    assert stop_state([flag(at(15)), clearance(at(9))]).stopped


def test_a_flag_and_a_clearance_at_the_same_instant_stay_stopped() -> None:
    assert stop_state([flag(at(9)), clearance(at(9))]).stopped


def test_a_screen_without_findings_counts_as_screened_but_does_not_stop() -> None:
    state = stop_state([SafetyEvent(at(9), SafetyKind.SCREEN)])

    assert state.screened
    assert not state.stopped


def test_an_empty_screen_names_every_question() -> None:
    problems = screen_problems({})

    assert [p.field for p in problems] == [f"answers.{q.field}" for q in RED_FLAG_QUESTIONS]
    assert all(p.message.startswith("not answered: ") for p in problems)


def test_a_partial_screen_names_only_the_missing_questions_and_unknown_keys() -> None:
    answers: dict[str, object] = {q.field: False for q in RED_FLAG_QUESTIONS}
    del answers["numbness"]
    answers["sore_feelings"] = True
    answers["calf_swelling"] = "maybe"

    fields = [p.field for p in screen_problems(answers)]

    assert fields == ["answers.sore_feelings", "answers.calf_swelling", "answers.numbness"]


def test_a_complete_screen_has_no_problems() -> None:
    assert screen_problems({q.field: False for q in RED_FLAG_QUESTIONS}) == []


def test_a_bone_stress_risk_factor_stops_only_with_pain_now() -> None:
    answers = RedFlagAnswers(previous_bone_stress_injury=True)

    assert screen_findings(answers, pain_now=False) == ()
    (finding,) = screen_findings(answers, pain_now=True)
    assert "bone-stress risk factor" in finding
    assert "an earlier bone stress injury" in finding


def test_a_red_flag_stops_with_or_without_pain() -> None:
    answers = RedFlagAnswers(calf_swelling=True)

    assert screen_findings(answers, pain_now=False) == ("a swollen or warm calf",)


def test_pain_now_means_a_bone_stress_site_or_pain_at_the_threshold() -> None:
    assert pain_now([PainSite.SHIN], latest_pain_0_10=None)
    assert not pain_now([PainSite.TOES], latest_pain_0_10=RED_FLAG_SCREEN_FROM - 1)
    assert pain_now([], latest_pain_0_10=RED_FLAG_SCREEN_FROM)


def test_pain_or_a_stress_fracture_history_owes_a_screen_before_loading() -> None:
    assert screen_before_loading([PainSite.SHIN], [])
    assert screen_before_loading([], [Concern.STRESS_FRACTURE_HISTORY])
    assert not screen_before_loading([], [Concern.PERFORMANCE])


def unscreened() -> StopState:
    return stop_state([])


def test_the_gate_is_stopped_before_anything_else() -> None:
    gate = program_gate(
        stop_state([flag(at(9))]),
        screen_owed_before_loading=True,
        pain_screen_due=True,
        since_label="Tuesday 8 Dec",
    )

    assert gate.gate is Gate.STOPPED
    assert gate.reason is not None
    assert "since Tuesday 8 Dec" in gate.reason
    assert "see a clinician" in gate.reason


def test_the_gate_asks_for_a_screen_before_the_first_session_only_until_one_is_answered() -> None:
    owed = program_gate(unscreened(), screen_owed_before_loading=True, pain_screen_due=False)
    screened = stop_state([SafetyEvent(at(9), SafetyKind.SCREEN)])
    after = program_gate(screened, screen_owed_before_loading=True, pain_screen_due=False)

    assert owed.gate is Gate.SCREEN_FIRST
    assert after.open


def test_the_gate_asks_again_when_pain_reaches_the_threshold() -> None:
    screened = stop_state([SafetyEvent(at(9), SafetyKind.SCREEN)])

    gate = program_gate(screened, screen_owed_before_loading=False, pain_screen_due=True)

    assert gate.gate is Gate.SCREEN_FIRST
    assert gate.reason is not None
    assert f"{RED_FLAG_SCREEN_FROM}/10" in gate.reason


def log(
    kind: SessionKind,
    key: str,
    recorded: dt.datetime | None,
    *,
    on: dt.date = DAY,
    pain: int = 0,
    felt: Difficulty = Difficulty.TOO_EASY,
) -> SessionLog:
    entry = ExerciseLog("short-foot", "short-foot-seated", None, True, 2)
    return SessionLog(on, kind, (entry,), felt, pain, None, "", key, recorded_at=recorded)


def test_logs_of_one_day_replay_in_the_order_they_were_recorded_not_by_key() -> None:
    first = log(SessionKind.ACTIVATION, "zzz", at(7))
    second = log(SessionKind.STRENGTH, "aaa", at(18))

    assert unique_logs([second, first]) == [first, second]


def test_the_order_logs_were_done_decides_the_outcome_of_a_day() -> None:
    # Too easy two days before; then on one day too easy again (a step up) and, later,
    # a painful session (a step back): in the order recorded, the two levels cancel
    # out, and the painful day holds the next step (criteria: no step up after pain
    # above 5/10).
    before = log(SessionKind.STRENGTH, "k0", None, on=DAY - dt.timedelta(days=2))
    easy = log(SessionKind.ACTIVATION, "zzz", at(7))
    painful = log(SessionKind.STRENGTH, "aaa", at(18), pain=6, felt=Difficulty.RIGHT)

    result = adapt([before, painful, easy], [], screens=[], clearances=[], today=DAY)

    rules = [d.rule for d in result.explanations if d.exercise == "short-foot"]
    assert rules[-2:] == [Rule.PROGRESS_TOO_EASY, Rule.REGRESS_PAIN]
    held = result.adjustments["short-foot"]
    assert held.level_delta == 0
    assert DAY in held.holds
