"""The plan's inputs digest (`runner.plan_inputs_key`) keeps only what `build_plan` reads:
an adjustment's holds outside the plan, a level change's day before the plan starts,
and the words of an adjustment that changes nothing are left out. Equal digests must
still mean equal plans."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from footcore.domain.plan import ExerciseAdjustment
from footcore.domain.planning import build_plan
from footcore.domain.runner import plan_inputs_key
from tests.domain.planning_builders import make_profile, small_catalog

CATALOG = small_catalog()
PROFILE = make_profile(weeks=4)
FIRST, LAST = PROFILE.start, PROFILE.end
IDS = sorted(e.id for e in CATALOG.exercises)


def around(days_before: int, days_after: int) -> st.SearchStrategy[dt.date]:
    return st.dates(FIRST - dt.timedelta(days=days_before), LAST + dt.timedelta(days=days_after))


@st.composite
def adjustment(draw: st.DrawFn, exercise: str) -> ExerciseAdjustment:
    return ExerciseAdjustment(
        exercise=exercise,
        level_delta=draw(st.integers(-2, 2)),
        paused=draw(st.booleans()),
        reason=draw(st.sampled_from(["held: first session at the level", "back one step"])),
        since=draw(around(60, 7)),
        holds=tuple(sorted(draw(st.sets(around(30, 14), max_size=3)))),
    )


@st.composite
def unseen_change(draw: st.DrawFn, a: ExerciseAdjustment) -> ExerciseAdjustment:
    """`a` changed only in what the plan does not read."""
    outside = st.one_of(
        st.dates(FIRST - dt.timedelta(days=400), FIRST - dt.timedelta(days=1)),
        st.dates(LAST + dt.timedelta(days=1), LAST + dt.timedelta(days=400)),
    )
    holds = tuple(sorted({*a.holds, *draw(st.sets(outside, max_size=3))}))
    changed = dataclasses.replace(a, holds=holds)
    if not a.level_delta and not a.paused:
        return dataclasses.replace(changed, reason="something else", since=draw(around(400, 30)))
    if not a.paused and a.since < FIRST:
        before = st.dates(FIRST - dt.timedelta(days=400), FIRST - dt.timedelta(days=1))
        return dataclasses.replace(changed, since=draw(before))
    return changed


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_what_the_digest_leaves_out_never_changes_the_plan(data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(IDS), unique=True, min_size=1, max_size=4))
    before = {ex: data.draw(adjustment(ex)) for ex in chosen}
    after = {ex: data.draw(unseen_change(a)) for ex, a in before.items()}

    assert plan_inputs_key(PROFILE, before, (), CATALOG) == plan_inputs_key(
        PROFILE, after, (), CATALOG
    )
    assert build_plan(PROFILE, CATALOG, adjustments=before) == build_plan(
        PROFILE, CATALOG, adjustments=after
    )


def test_a_hold_inside_the_plan_or_a_level_change_inside_it_is_an_input() -> None:
    held = ExerciseAdjustment(IDS[0], 0, False, "held", FIRST, ())
    base = plan_inputs_key(PROFILE, {IDS[0]: held}, (), CATALOG)
    inside = dataclasses.replace(held, holds=(FIRST + dt.timedelta(days=8),))
    stepped = dataclasses.replace(held, level_delta=1, since=FIRST + dt.timedelta(days=9))

    assert plan_inputs_key(PROFILE, {IDS[0]: inside}, (), CATALOG) != base
    assert plan_inputs_key(PROFILE, {IDS[0]: stepped}, (), CATALOG) != base


@st.composite
def any_change(draw: st.DrawFn, a: ExerciseAdjustment) -> ExerciseAdjustment:
    """`a` with one field changed to anything."""
    field = draw(st.sampled_from(["holds", "since", "reason", "level_delta", "paused"]))
    if field == "holds":
        day = draw(around(60, 30))
        holds = set(a.holds) ^ {day}
        return dataclasses.replace(a, holds=tuple(sorted(holds)))
    if field == "since":
        before_first = st.dates(FIRST - dt.timedelta(days=400), FIRST - dt.timedelta(days=1))
        return dataclasses.replace(a, since=draw(before_first | around(0, 30)))
    if field == "reason":
        return dataclasses.replace(a, reason=draw(st.sampled_from(["other words", "held"])))
    if field == "level_delta":
        return dataclasses.replace(a, level_delta=draw(st.integers(-2, 2)))
    return dataclasses.replace(a, paused=not a.paused)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_equal_digests_always_mean_equal_plans(data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(IDS), unique=True, min_size=1, max_size=4))
    before = {ex: data.draw(adjustment(ex)) for ex in chosen}
    changed = data.draw(st.sampled_from(chosen))
    after = {**before, changed: data.draw(any_change(before[changed]))}
    if data.draw(st.booleans()):  # or no adjustment for it at all
        del after[changed]

    if plan_inputs_key(PROFILE, before, (), CATALOG) == plan_inputs_key(
        PROFILE, after, (), CATALOG
    ):
        assert build_plan(PROFILE, CATALOG, adjustments=before) == build_plan(
            PROFILE, CATALOG, adjustments=after
        )
