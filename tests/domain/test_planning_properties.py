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
from footcore.domain.pain_rules import FOREFOOT_CAPS, FOREFOOT_EXCLUDED
from footcore.domain.plan import ExerciseAdjustment, Plan, SessionKind, WeekKind
from footcore.domain.planning import build_plan, target_s
from footcore.domain.prescribe import propose_prescription
from footcore.domain.prescription import Frequency, RxRole
from footcore.domain.profile import Profile
from footcore.domain.sessions import OVERSHOOT, limit_s
from footcore.domain.vocab import PainSite
from tests.domain.planning_builders import profiles, small_catalog

WARM_UP_LIMIT_S = 420
"""footcore's choice: seed 004's three warm-up drills come to about 6 minutes."""

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
        for offset in (0, 1, 2, -1):
            # Never on race day, the two days before it, or the day after it.
            assert day + dt.timedelta(days=offset) not in races
        if profile.long_run_day is not None:
            assert (day + dt.timedelta(days=1)).weekday() != profile.long_run_day.number
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(days))
    retests = [s.date for s in plan.sessions() if s.kind is SessionKind.ASSESSMENT]
    assert len(retests) <= profile.weeks // 4
    for day in retests:
        for race in races:
            assert (race - day).days >= 5 or (day - race).days >= 2
    assert all(profile.start <= s.date <= profile.end for s in plan.sessions())
    for week in plan.weeks:
        count = sum(s.kind is SessionKind.STRENGTH for s in week.sessions)
        assert count <= profile.sessions_per_week
        if count < profile.sessions_per_week and count > 0:
            assert warned(plan, week.index, "room for") or warned(plan, week.index, "left out")


def check_rotation(plan: Plan, profile: Profile, catalog: Catalog) -> None:
    prescribed = {i.exercise for i in propose_prescription(profile, (), catalog).items}
    previous: set[str] | None = None
    for _index, kind, days, contents in strength(plan):
        if not days:
            continue
        content = set().union(*contents)
        if previous is None:
            assert len(content) <= 5 or content <= prescribed
        else:
            new = content - previous
            assert len(new - prescribed) <= 2
            if kind is WeekKind.RACE:
                assert new <= prescribed
        previous = content


def check_protocols(plan: Plan, profile: Profile, catalog: Catalog) -> None:
    """Each concern protocol in every build week at its frequency, or a warning why."""
    rx = propose_prescription(profile, (), catalog)
    for week in plan.weeks:
        sessions = [s for s in week.sessions if s.kind is SessionKind.STRENGTH]
        if week.kind is not WeekKind.BUILD or not sessions:
            continue
        for item in rx.with_role(RxRole.CONCERN_PROTOCOL):
            wanted = (
                len(sessions)
                if item.frequency is Frequency.EVERY_SECOND_DAY
                else min(item.per_week, len(sessions))
            )
            count = sum(any(i.exercise == item.exercise for i in s.items) for s in sessions)
            assert count >= wanted, (week.index, item.exercise)
        if any(i.frequency is Frequency.EVERY_SECOND_DAY for i in rx.items) and len(sessions) < 3:
            assert profile.sessions_per_week < 3 or warned(plan, week.index, "times, not")


def check_safety(plan: Plan, profile: Profile, catalog: Catalog) -> None:
    have = set(profile.equipment)
    for session in plan.sessions():
        taper = any(0 < (race - session.date).days <= 7 for race in profile.races)
        for item in session.items:
            exercise = catalog.get(item.exercise)
            assert not exercise.avoided_with() & set(profile.pain)
            assert set(exercise.variant(item.variant).equipment) <= have
            if item.dose.rm is not None:
                # An NRM dose is N reps, never for the under-18s or before a race.
                assert item.dose.reps_min == item.dose.reps_max == item.dose.rm
                assert profile.age is None or profile.age >= 18
                assert not (taper and session.kind is SessionKind.STRENGTH)
            if PainSite.BALL_OF_FOOT in profile.pain:
                assert item.exercise not in FOREFOOT_EXCLUDED
                if item.exercise in FOREFOOT_CAPS and FOREFOOT_CAPS[item.exercise] in {
                    v.id for v in exercise.variants
                }:
                    top = exercise.rung_index(FOREFOOT_CAPS[item.exercise])
                    assert exercise.rung_index(item.variant) <= top


def check_time(plan: Plan, profile: Profile, catalog: Catalog) -> None:
    for week in plan.weeks:
        target = target_s(profile, week.kind)
        for session in week.sessions:
            if session.kind is SessionKind.ACTIVATION:
                assert 0 < session.estimated_s <= WARM_UP_LIMIT_S
                continue
            if session.kind is SessionKind.ASSESSMENT:
                assert session.items == ()
                continue
            if session.estimated_s > limit_s(target):
                # Only a protocol may take a session past its limit, and it says so.
                assert warned(plan, week.index, "its protocols need that time")
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
    check_time(plan, profile, catalog)
    check_protocols(plan, profile, catalog)
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
    check_time(plan, profile, catalog)
    check_protocols(plan, profile, catalog)


@pytest.mark.parametrize("name", sorted(CATALOGS))
@RULES
@given(profile=profiles(max_weeks=6))
def test_sessions_never_run_more_than_a_fifth_over_unless_a_protocol_needs_it(
    name: str, profile: Profile
) -> None:
    plan = build_plan(profile, CATALOGS[name])
    rx = propose_prescription(profile, (), CATALOGS[name])
    protocols = {i.exercise for i in rx.with_role(RxRole.CONCERN_PROTOCOL)}
    for week in plan.weeks:
        for session in week.sessions:
            if session.kind is SessionKind.STRENGTH:
                over = session.estimated_s > OVERSHOOT * target_s(profile, week.kind)
                assert not over or protocols & {i.exercise for i in session.items}


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
    check_time(plan, profile, catalog)
    for session in plan.sessions():
        for item in session.items:
            adjustment = adjustments.get(item.exercise)
            assert adjustment is None or not adjustment.paused or session.date < adjustment.since


@pytest.mark.parametrize("name", sorted(CATALOGS))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=profiles(max_weeks=8), other=profiles(max_weeks=8), data=st.data())
def test_a_plan_is_the_same_whichever_plans_were_built_before_it(
    name: str, first: Profile, other: Profile, data: st.DataObject
) -> None:
    # The planner remembers work across plans (ladders, capped exercises, week spans, day
    # choices): nothing of one runner's plan may leak into the next one's.
    catalog = CATALOGS[name]
    chosen = data.draw(st.lists(st.sampled_from(catalog.ids()), unique=True, max_size=3))
    adjustments = {
        exercise_id: ExerciseAdjustment(
            exercise_id,
            data.draw(st.integers(-3, 3)),
            data.draw(st.booleans()),
            "from the log",
            other.start + dt.timedelta(days=data.draw(st.integers(0, 7 * other.weeks))),
        )
        for exercise_id in chosen
    }
    before = build_plan(first, catalog)
    build_plan(other, catalog, adjustments=adjustments, emphasis=chosen[:1])
    assert build_plan(first, catalog) == before
