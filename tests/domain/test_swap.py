from __future__ import annotations

from footcore.catalog.loader import default_catalog
from footcore.domain.swap import serves_same_purpose, swap_options
from footcore.domain.timeline import build_timeline
from footcore.domain.vocab import Equipment, PainSite

CATALOG = default_catalog()
ALL_EQUIPMENT = tuple(Equipment)


def ids(options: object) -> list[str]:
    return [a.exercise for a in options]  # type: ignore[attr-defined]


def test_alternatives_share_the_role_and_a_purpose_and_never_include_the_original() -> None:
    shin_curls = CATALOG.get("shin-curls")
    options = swap_options(shin_curls, CATALOG, pain=(), equipment=ALL_EQUIPMENT)
    assert options
    assert "shin-curls" not in ids(options)
    for option in options:
        other = CATALOG.get(option.exercise)
        assert other.role is shin_curls.role
        assert serves_same_purpose(shin_curls, other)


def test_an_exercise_ruled_out_for_the_runners_pain_is_not_offered() -> None:
    shin_curls = CATALOG.get("shin-curls")
    assert "heel-walking" in ids(swap_options(shin_curls, CATALOG, pain=(), equipment=()))
    sore_heel = swap_options(shin_curls, CATALOG, pain=(PainSite.HEEL,), equipment=())
    assert "heel-walking" not in ids(sore_heel)


def test_an_exercise_whose_every_rung_needs_missing_equipment_is_not_offered() -> None:
    calf_raises = CATALOG.get("calf-raises")
    assert "heel-raise-towel" in ids(
        swap_options(calf_raises, CATALOG, pain=(), equipment=ALL_EQUIPMENT)
    )
    assert "heel-raise-towel" not in ids(swap_options(calf_raises, CATALOG, pain=(), equipment=()))


def test_an_alternative_comes_on_a_rung_the_runner_can_do() -> None:
    calf_raises = CATALOG.get("calf-raises")
    (toe_walking,) = [
        a
        for a in swap_options(calf_raises, CATALOG, pain=(), equipment=())
        if a.exercise == "toe-walking"
    ]
    rung = CATALOG.get("toe-walking").variant(toe_walking.variant)
    assert rung.equipment == ()
    assert toe_walking.name == CATALOG.get("toe-walking").name
    assert toe_walking.dose == rung.dose


def test_excluded_ids_such_as_the_sessions_other_exercises_are_left_out() -> None:
    short_foot = CATALOG.get("short-foot")
    options = swap_options(short_foot, CATALOG, pain=(), equipment=(), exclude=("toe-curls",))
    assert "toe-curls" not in ids(options)


def test_an_exercise_with_no_peer_has_no_alternative() -> None:
    balance = CATALOG.get("single-leg-raise")
    assert swap_options(balance, CATALOG, pain=(), equipment=ALL_EQUIPMENT) == ()


def test_an_alternative_unrolls_into_a_playable_timeline() -> None:
    short_foot = CATALOG.get("short-foot")
    (first, *_) = swap_options(short_foot, CATALOG, pain=(), equipment=())
    steps = build_timeline([first], names={first.exercise: first.name})
    assert steps[0].exercise == first.exercise
    assert steps[-1].kind.value == "done"
