"""Every planner rule, checked on random valid profiles against both the small test
catalog and the real one."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footcore.catalog.loader import default_catalog
from footcore.domain.catalog import Catalog
from footcore.domain.plan import ExerciseAdjustment, Plan, SessionKind, WeekKind
from footcore.domain.planning import build_plan, target_s
from footcore.domain.profile import Profile
from footcore.domain.rotation import TIBIALIS_PREFIX
from footcore.domain.sessions import ACTIVATION_LIMIT_S, OVERSHOOT, limit_s
from tests.domain.planning_builders import profiles, small_catalog

CATALOGS = {"small": small_catalog(), "real": default_catalog()}
RULES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def strength(plan: Plan) -> list[tuple[int, WeekKind, list[dt.date], list[set[str]]]]:
    rows = []
    for week in plan.weeks:
        sessions = [s for s in week.sessions if s.kind is SessionKind.STRENGTH]
        rows.append(
            (
                week.index,
                week.kind,
                [s.date for s in sessions],
                [{i.exercise for i in s.items} for s in sessions],
            )
        )
    return rows


def warned(plan: Plan, week_index: int, words: str) -> bool:
    prefixes = (f"Week {week_index}:", f"Week {week_index} (")
    return any(w.startswith(prefixes) and words in w for w in plan.warnings)


def check_days(plan: Plan, profile: Profile) -> None:
    races = set(profile.races)
    days = [s.date for s in plan.sessions() if s.kind is SessionKind.STRENGTH]
    for day in days:
        assert day not in races
        assert day + dt.timedelta(days=1) not in races
        if profile.long_run_day is not None:
            assert (day + dt.timedelta(days=1)).weekday() != profile.long_run_day.number
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(days))
    retests = [s.date for s in plan.sessions() if s.kind is SessionKind.ASSESSMENT]
    assert len(retests) <= profile.weeks // 4
    for day in retests:
        assert day not in races
        assert day + dt.timedelta(days=1) not in races
    assert all(profile.start <= s.date <= profile.end for s in plan.sessions())
    for week in plan.weeks:
        count = sum(s.kind is SessionKind.STRENGTH for s in week.sessions)
        assert count <= profile.sessions_per_week
        if count < profile.sessions_per_week and count > 0:
            assert warned(plan, week.index, "room for")


def check_rotation(plan: Plan, profile: Profile, catalog: Catalog) -> None:
    keystones = {e.id for e in catalog.exercises if e.keystone}
    previous: set[str] | None = None
    for index, kind, days, contents in strength(plan):
        if not days:
            continue
        content = set().union(*contents)
        if previous is None:
            assert len(content) <= 5
            if len(content) < 5:
                assert warned(plan, index, "of the five starting exercises")
        elif kind is WeekKind.RACE:
            assert content <= previous
        elif not content - previous:
            assert warned(plan, index, "no new exercise")
        for keystone in keystones & (previous or set()):
            if keystone not in content:
                name = catalog.get(keystone).name
                assert warned(plan, index, name) or any(name in w for w in plan.warnings)
        if not any(i.startswith(TIBIALIS_PREFIX) for i in content):
            assert any("posterior tibialis" in w for w in plan.warnings) or warned(
                plan, index, "did not fit"
            )
        previous = content


def check_safety(plan: Plan, profile: Profile, catalog: Catalog) -> None:
    have = set(profile.equipment)
    for session in plan.sessions():
        for item in session.items:
            exercise = catalog.get(item.exercise)
            assert not exercise.avoided_with() & set(profile.pain)
            assert set(exercise.variant(item.variant).equipment) <= have


def check_time(plan: Plan, profile: Profile) -> None:
    for week in plan.weeks:
        target = target_s(profile, week.kind)
        for session in week.sessions:
            if session.kind is SessionKind.ACTIVATION:
                assert 0 < session.estimated_s <= ACTIVATION_LIMIT_S
                continue
            if session.kind is SessionKind.ASSESSMENT:
                assert session.items == ()
                continue
            assert session.estimated_s <= limit_s(target)
            if session.estimated_s < 0.8 * target:
                assert warned(plan, week.index, "minutes")


@pytest.mark.parametrize("name", sorted(CATALOGS))
@RULES
@given(profile=profiles())
def test_every_rule_holds_for_random_profiles(name: str, profile: Profile) -> None:
    catalog = CATALOGS[name]
    plan = build_plan(profile, catalog)
    check_days(plan, profile)
    check_rotation(plan, profile, catalog)
    check_safety(plan, profile, catalog)
    check_time(plan, profile)
    assert build_plan(profile, catalog) == plan


@pytest.mark.parametrize("name", sorted(CATALOGS))
@RULES
@given(profile=profiles(), data=st.data())
def test_rules_hold_with_self_test_emphasis_too(
    name: str, profile: Profile, data: st.DataObject
) -> None:
    catalog = CATALOGS[name]
    emphasis = data.draw(st.lists(st.sampled_from(catalog.ids()), unique=True, max_size=3))
    plan = build_plan(profile, catalog, emphasis=emphasis)
    check_days(plan, profile)
    check_rotation(plan, profile, catalog)
    check_safety(plan, profile, catalog)
    check_time(plan, profile)


@pytest.mark.parametrize("name", sorted(CATALOGS))
@RULES
@given(profile=profiles(max_weeks=6))
def test_sessions_never_run_more_than_a_fifth_over(name: str, profile: Profile) -> None:
    plan = build_plan(profile, CATALOGS[name])
    for week in plan.weeks:
        for session in week.sessions:
            if session.kind is SessionKind.STRENGTH:
                assert session.estimated_s <= OVERSHOOT * target_s(profile, week.kind)


@pytest.mark.parametrize("name", sorted(CATALOGS))
@RULES
@given(profile=profiles(max_weeks=10), data=st.data())
def test_rules_hold_under_adaptations_and_paused_exercises_stay_out(
    name: str, profile: Profile, data: st.DataObject
) -> None:
    catalog = CATALOGS[name]
    chosen = data.draw(st.lists(st.sampled_from(catalog.ids()), unique=True, max_size=4))
    adjustments = {
        exercise_id: ExerciseAdjustment(
            exercise_id,
            data.draw(st.integers(-6, 6)),
            data.draw(st.booleans()),
            "from the log",
            profile.start + dt.timedelta(days=data.draw(st.integers(0, 7 * profile.weeks))),
        )
        for exercise_id in chosen
    }
    plan = build_plan(profile, catalog, adjustments=adjustments)
    check_days(plan, profile)
    check_safety(plan, profile, catalog)
    check_time(plan, profile)
    for session in plan.sessions():
        for item in session.items:
            adjustment = adjustments.get(item.exercise)
            assert adjustment is None or not adjustment.paused or session.date < adjustment.since
