from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.faam import (
    ADL_ITEMS,
    SPORTS_ITEMS,
    FaamAnswer,
    OverallRating,
    faam_problems,
    score_faam,
)
from footcore.domain.problems import Invalid, Problem


def make_adl(*, na: int = 0, value: int = 4) -> list[FaamAnswer]:
    return [None] * na + [value] * (len(ADL_ITEMS) - na)


def make_sports(*, na: int = 0, value: int = 4) -> list[FaamAnswer]:
    return [None] * na + [value] * (len(SPORTS_ITEMS) - na)


def test_it_has_21_daily_living_and_8_sports_items_as_published() -> None:
    assert len(ADL_ITEMS) == 21
    assert len(SPORTS_ITEMS) == 8
    assert ADL_ITEMS[0] == "Standing"
    assert ADL_ITEMS[10] == "Coming up on your toes"
    assert ADL_ITEMS[-1] == "Recreational activities"
    assert SPORTS_ITEMS[5] == "Low impact activities"
    assert "overall level of function" not in " ".join(SPORTS_ITEMS).lower()
    assert len(set(ADL_ITEMS)) == 21
    assert len(set(SPORTS_ITEMS)) == 8


def test_all_fours_score_100_percent() -> None:
    score = score_faam(make_adl(), make_sports())
    assert score.adl.percent == 100
    assert score.sports.percent == 100
    assert (score.adl.points, score.sports.points) == (84, 32)
    assert score.citation == "martin-faam-2005"


def test_two_not_applicable_adl_items_are_dropped_not_counted() -> None:
    score = score_faam(make_adl(na=2), make_sports())
    assert score.adl.percent == 100
    assert score.adl.answered == 19
    assert score.adl.points == 76


def test_three_not_applicable_adl_items_make_adl_not_scorable() -> None:
    score = score_faam(make_adl(na=3), make_sports())
    assert not score.adl.scorable
    assert score.adl.percent is None
    assert score.adl.not_scorable_reason is not None
    assert "18 of 21" in score.adl.not_scorable_reason
    assert "at least 19" in score.adl.not_scorable_reason
    assert score.sports.scorable  # one subscale failing leaves the other scored


def test_two_not_applicable_sports_items_make_sports_not_scorable() -> None:
    assert score_faam(make_adl(), make_sports(na=1)).sports.scorable
    assert not score_faam(make_adl(), make_sports(na=2)).sports.scorable


def test_a_mixed_example_matches_the_hand_computation() -> None:
    adl: list[FaamAnswer] = [*[4] * 10, *[3] * 5, *[2] * 3, 1, 0, None]
    sports: list[FaamAnswer] = [4, 3, 3, 2, None, 1, 0, 4]
    score = score_faam(adl, sports, adl_self_rating=80, sports_self_rating=55)
    # ADL: 40 + 15 + 6 + 1 + 0 = 62 points of 20 answered x 4 = 80 -> 77.5%
    assert (score.adl.points, score.adl.answered) == (62, 20)
    assert score.adl.percent == pytest.approx(77.5)
    # Sports: 17 points of 7 answered x 4 = 28 -> 60.71%
    assert (score.sports.points, score.sports.answered) == (17, 7)
    assert score.sports.percent == pytest.approx(17 / 28 * 100)
    assert (score.adl.self_rating_0_100, score.sports.self_rating_0_100) == (80, 55)


def test_the_overall_rating_is_kept() -> None:
    score = score_faam(make_adl(), make_sports(), overall=OverallRating.NEARLY_NORMAL)
    assert score.overall is OverallRating.NEARLY_NORMAL


def test_it_names_the_item_with_a_bad_answer() -> None:
    adl: list[FaamAnswer] = make_adl()
    adl[4] = 5
    with pytest.raises(Invalid) as raised:
        score_faam(adl, make_sports())
    assert raised.value.problems == (Problem("adl[4]", "answer must be 0-4 or N/A"),)
    assert str(raised.value) == "adl[4]: answer must be 0-4 or N/A"


def test_it_names_every_bad_item_and_a_wrong_count() -> None:
    sports: list[object] = [4, -1, "3", True, 4, 4, 4]
    problems = faam_problems(make_adl(), sports)
    assert [p.field for p in problems] == ["sports", "sports[1]", "sports[2]", "sports[3]"]
    assert problems[0].message == "expected 8 answers, got 7"


def test_it_rejects_a_self_rating_outside_0_to_100() -> None:
    with pytest.raises(Invalid, match="adl_self_rating: self-rating must be a whole number"):
        score_faam(make_adl(), make_sports(), adl_self_rating=101)


@given(
    adl=st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=21, max_size=21),
    sports=st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=8, max_size=8),
)
def test_scores_stay_between_0_and_100_and_never_count_not_applicable(
    adl: list[FaamAnswer], sports: list[FaamAnswer]
) -> None:
    score = score_faam(adl, sports)
    for subscale, answers, minimum in ((score.adl, adl, 19), (score.sports, sports, 7)):
        answered = [a for a in answers if a is not None]
        assert subscale.answered == len(answered)
        assert subscale.points == sum(answered)
        assert subscale.scorable == (len(answered) >= minimum)
        if subscale.percent is not None:
            assert 0 <= subscale.percent <= 100
            assert subscale.percent == pytest.approx(sum(answered) / (4 * len(answered)) * 100)
