from __future__ import annotations

from footcore.domain.rotation import exclusion
from footcore.domain.vocab import Equipment, PainSite
from tests.domain.planning_builders import make_profile, small_catalog

CATALOG = small_catalog()


def test_ball_of_foot_pain_rules_out_toe_walking_and_says_why() -> None:
    reason = exclusion(CATALOG.get("toe-walking"), make_profile(pain=(PainSite.BALL_OF_FOOT,)))
    assert reason is not None
    assert "ball-of-foot" in reason


def test_an_exercise_with_a_rung_that_fits_stays_in() -> None:
    assert exclusion(CATALOG.get("toe-walking"), make_profile(equipment=(Equipment.STEP,))) is None
