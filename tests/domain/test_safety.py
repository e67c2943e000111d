from __future__ import annotations

from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.logbook import RedFlagAnswers
from footcore.domain.safety import (
    RED_FLAG_QUESTIONS,
    PainZone,
    QuestionKind,
    RedFlag,
    classify_pain,
    needs_red_flag_screen,
    red_flags_present,
)

KNOWN_KEYS = {"ottawa-rules", "warden-2014", "footcore-design"}


@pytest.mark.parametrize(
    ("pain", "settled", "zone"),
    [
        (0, None, PainZone.FINE),
        (2, None, PainZone.FINE),
        (2, True, PainZone.FINE),
        (2, False, PainZone.TOO_MUCH),
        (3, None, PainZone.PENDING),
        (5, None, PainZone.PENDING),
        (3, True, PainZone.ACCEPTABLE),
        (5, True, PainZone.ACCEPTABLE),
        (4, False, PainZone.TOO_MUCH),
        (6, True, PainZone.TOO_MUCH),
        (6, None, PainZone.TOO_MUCH),
        (10, True, PainZone.TOO_MUCH),
    ],
)
def test_pain_falls_in_the_expected_zone(pain: int, settled: bool | None, zone: PainZone) -> None:
    assert classify_pain(pain, settled) is zone


@pytest.mark.parametrize("pain", [-1, 11, 100])
def test_it_refuses_pain_outside_0_to_10(pain: int) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        classify_pain(pain, True)
    with pytest.raises(ValueError, match="0 to 10"):
        needs_red_flag_screen(pain)


def test_the_fine_band_is_our_design_and_the_rest_is_silbernagel() -> None:
    assert PainZone.FINE.citation == "footcore-design"
    for zone in (PainZone.PENDING, PainZone.ACCEPTABLE, PainZone.TOO_MUCH):
        assert zone.citation == "silbernagel-2007"
    assert all(zone.advice for zone in PainZone)


def test_the_red_flag_screen_starts_at_7() -> None:
    assert [needs_red_flag_screen(p) for p in range(11)] == [False] * 7 + [True] * 4


@given(st.integers(0, 10), st.sampled_from([None, True, False]))
def test_more_pain_never_lands_in_a_kinder_zone(pain: int, settled: bool | None) -> None:
    order = [PainZone.FINE, PainZone.ACCEPTABLE, PainZone.PENDING, PainZone.TOO_MUCH]
    if pain < 10:
        assert order.index(classify_pain(pain + 1, settled)) >= order.index(
            classify_pain(pain, settled)
        )


@given(st.integers(0, 10), st.sampled_from([None, True, False]))
def test_too_much_means_above_5_or_not_settled(pain: int, settled: bool | None) -> None:
    assert (classify_pain(pain, settled) is PainZone.TOO_MUCH) == (pain > 5 or settled is False)


def test_every_red_flag_has_one_question_and_one_answer_field() -> None:
    assert [q.flag for q in RED_FLAG_QUESTIONS] == list(RedFlag)
    assert [f.name for f in fields(RedFlagAnswers)] == [flag.field for flag in RedFlag]
    for flag in RedFlag:
        assert flag.question.flag is flag


def test_questions_are_plain_yes_no_questions_with_a_known_citation() -> None:
    for q in RED_FLAG_QUESTIONS:
        assert q.question.endswith("?")
        assert q.summary
        assert q.summary[0].islower()
        assert q.citation in KNOWN_KEYS
        assert q.evidence in {"verified", "secondary", "unverified"}


def test_the_fracture_rules_cite_ottawa_and_bone_stress_cites_warden() -> None:
    assert {q.flag for q in RED_FLAG_QUESTIONS if q.citation == "ottawa-rules"} == {
        RedFlag.CANNOT_TAKE_FOUR_STEPS,
        RedFlag.ANKLE_BONE_TENDERNESS,
        RedFlag.MIDFOOT_BONE_TENDERNESS,
    }
    assert RedFlag.FOCAL_BONE_PAIN.question.citation == "warden-2014"
    # evidence.md §3.6 leaves the general red flags unverified; say so, do not cite a paper.
    assert RedFlag.ACHILLES_POP.question.evidence == "unverified"
    assert RedFlag.ACHILLES_POP.question.citation == "footcore-design"


def test_no_answer_means_no_red_flag() -> None:
    assert red_flags_present(RedFlagAnswers()) == ()
    assert not RedFlagAnswers().any()


def test_red_flags_come_back_in_question_order() -> None:
    answers = RedFlagAnswers(numbness=True, cannot_take_four_steps=True)

    assert red_flags_present(answers) == (RedFlag.CANNOT_TAKE_FOUR_STEPS, RedFlag.NUMBNESS)
    assert answers.any()


@given(st.sampled_from([q.flag for q in RED_FLAG_QUESTIONS if q.kind is QuestionKind.RED_FLAG]))
def test_each_yes_answer_raises_exactly_its_own_flag(flag: RedFlag) -> None:
    answers = RedFlagAnswers(**{flag.field: True})

    assert red_flags_present(answers) == (flag,)


def test_a_bone_stress_risk_factor_alone_raises_no_red_flag() -> None:
    answers = RedFlagAnswers(previous_bone_stress_injury=True)

    assert red_flags_present(answers) == ()


def test_the_bone_stress_items_of_evidence_3_6_are_asked_with_their_citation() -> None:
    risks = [q for q in RED_FLAG_QUESTIONS if q.kind is QuestionKind.BONE_STRESS_RISK]

    assert [q.flag for q in risks] == [
        RedFlag.RECENT_TRAINING_INCREASE,
        RedFlag.PREVIOUS_BONE_STRESS_INJURY,
        RedFlag.LOW_ENERGY_OR_CYCLE_CHANGES,
    ]
    assert {(q.citation, q.evidence) for q in risks} == {("warden-2014", "secondary")}
