from __future__ import annotations

from footcore.domain.catalog import Catalog
from footcore.domain.rotation import (
    Candidate,
    Why,
    candidates,
    exclusion,
    first_pool,
    next_pool,
    pool_size,
)
from footcore.domain.timing import estimate_item_s
from footcore.domain.vocab import Concern, Equipment, PainSite
from tests.domain.planning_builders import make_profile, small_catalog

CATALOG = small_catalog()


def ranked(**over: object) -> tuple[Candidate, ...]:
    return candidates(CATALOG, make_profile(**over), ())[0]


def ids(found: tuple[Candidate, ...]) -> list[str]:
    return [c.id for c in found]


def cost_s(candidate: Candidate) -> int:
    return estimate_item_s(candidate.ladder.at(0)[1])


def test_ball_of_foot_pain_rules_out_toe_walking_and_says_why() -> None:
    profile = make_profile(pain=(PainSite.BALL_OF_FOOT,))
    reason = exclusion(CATALOG.get("toe-walking"), profile)
    assert reason == "Toe Walking left out because of your ball-of-foot pain: not with this pain"
    assert "toe-walking" not in ids(candidates(CATALOG, profile, ())[0])


def test_an_exercise_needing_missing_equipment_in_every_rung_is_left_out() -> None:
    profile = make_profile(equipment=(Equipment.STEP,))
    reason = exclusion(CATALOG.get("toe-curls"), profile)
    assert reason == "Toe Curls left out: every version needs equipment you lack (towel)"


def test_an_exercise_with_a_rung_that_fits_stays_in() -> None:
    assert exclusion(CATALOG.get("calf-raises"), make_profile(equipment=())) is None


def test_keystones_rank_first_then_exercises_for_the_runners_concerns() -> None:
    found = ranked(concerns=(Concern.ACHILLES,))
    assert ids(found)[:4] == ["short-foot", "toe-yoga", "calf-raises", "toe-walking"]
    assert found[2].concern is Concern.ACHILLES


def test_an_emphasised_exercise_ranks_above_everything() -> None:
    found, _ = candidates(CATALOG, make_profile(), ("plantar-stretch", "no-such-exercise"))
    assert found[0].id == "plantar-stretch"
    assert found[0].emphasised
    assert found[0].why(new=True) is Why.EMPHASIS


def test_the_first_pool_holds_five_with_keystones_and_posterior_tibialis_work() -> None:
    pool = first_pool(ranked(), None, cost_s)
    assert len(pool.members) == 5
    assert {"short-foot", "toe-yoga", "posterior-tibialis-band"} <= set(ids(pool.members))
    assert pool.newcomers == tuple(ids(pool.members))
    assert pool.reasons["short-foot"] is Why.KEYSTONE
    assert pool.reasons["posterior-tibialis-band"] is Why.TIBIALIS


def test_a_tight_budget_swaps_a_long_exercise_for_a_shorter_one() -> None:
    found = ranked(concerns=(Concern.TRAIL_STABILITY,))
    roomy = first_pool(found, None, cost_s)
    assert "single-leg-raise" in ids(roomy.members)
    total = sum(cost_s(c) for c in roomy.members)
    tight = first_pool(found, total - 1, cost_s)
    assert "single-leg-raise" not in ids(tight.members)
    assert len(tight.members) == 5


def test_the_next_pool_keeps_the_keystones_and_brings_in_something_new() -> None:
    found = ranked()
    first = first_pool(found, None, cost_s)
    done = ids(first.members)
    served = dict.fromkeys(done, 1)
    last_done = dict.fromkeys(done, 1)
    pool = next_pool(found, done, served, last_done, size=5)
    assert {"short-foot", "toe-yoga", "posterior-tibialis-band"} <= set(ids(pool.members))
    assert pool.newcomers
    assert not set(pool.newcomers) & set(done)
    assert all(pool.reasons[i] in (Why.NEW, Why.CONCERN) for i in pool.newcomers)


def test_the_longest_serving_exercise_makes_room_first() -> None:
    found = ranked()
    done = ["short-foot", "toe-yoga", "posterior-tibialis-band", "calf-raises", "heel-walking"]
    served = {"calf-raises": 4, "heel-walking": 1}
    pool = next_pool(found, done, served, dict.fromkeys(done, 4), size=5)
    assert "heel-walking" in ids(pool.members)
    assert "calf-raises" not in ids(pool.members)


def test_never_done_exercises_come_in_before_ones_done_long_ago() -> None:
    found = ranked()
    done = ["short-foot", "toe-yoga", "posterior-tibialis-band"]
    last_done = {"calf-raises": 1, "toe-walking": 1}
    pool = next_pool(found, done, {}, {**last_done, **dict.fromkeys(done, 3)}, size=4)
    assert pool.newcomers == ("heel-walking",)


def test_with_nothing_left_to_rotate_in_it_says_so() -> None:
    only_keystones = Catalog(tuple(e for e in CATALOG.exercises if e.keystone))
    found = candidates(only_keystones, make_profile(), ())[0]
    pool = next_pool(found, ids(found), {}, {}, size=5)
    assert pool.short_of_new
    assert pool.newcomers == ()


def test_the_pool_grows_with_the_minutes_but_leaves_one_out() -> None:
    assert pool_size(10, 12) == 5
    assert pool_size(30, 20) == 15
    assert pool_size(60, 12) == 11
    assert pool_size(10, 1) == 1
