"""The planner's shortcuts change nothing: it remembers rungs, items and whole weeks'
placements by identity, and takes a faster path when no adjustment can depend on the
day. Each shortcut is checked against the long way round on random profiles."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footcore.catalog.loader import default_catalog, load_catalog
from footcore.domain.plan import ExerciseAdjustment
from footcore.domain.planning import build_plan
from footcore.domain.profile import Profile
from footcore.domain.scheduling import RunningWeek, day_name, short_date
from tests.domain.planning_builders import profiles, small_catalog

CATALOGS = {"small": small_catalog(), "real": default_catalog()}
SHORTCUTS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def the_long_way(profile: Profile) -> dict[str, ExerciseAdjustment]:
    """An adjustment that changes nothing (no such exercise) but turns off every
    shortcut that needs the plan to have no adjustments at all."""
    return {"no-such-exercise": ExerciseAdjustment("no-such-exercise", 0, False, "", profile.start)}


@pytest.mark.parametrize("name", sorted(CATALOGS))
@SHORTCUTS
@given(profile=profiles(max_weeks=30))
def test_a_plan_without_adjustments_equals_the_one_built_the_long_way(
    name: str, profile: Profile
) -> None:
    catalog = CATALOGS[name]
    assert build_plan(profile, catalog) == build_plan(
        profile, catalog, adjustments=the_long_way(profile)
    )


@SHORTCUTS
@given(profile=profiles(max_weeks=30))
def test_a_plan_is_the_same_built_again_and_from_a_freshly_loaded_catalog(
    profile: Profile,
) -> None:
    # A fresh catalog has new objects: nothing remembered by identity can carry over.
    first = build_plan(profile, CATALOGS["real"])
    assert build_plan(profile, CATALOGS["real"]) == first
    assert build_plan(profile, FRESH) == first


FRESH = load_catalog()


@SHORTCUTS
@given(profile=profiles(), offset_days=st.integers(-10, 400))
def test_a_days_shape_agrees_with_the_reasons_it_stands_for(
    profile: Profile, offset_days: int
) -> None:
    calendar = RunningWeek(profile)
    day = profile.start + dt.timedelta(days=offset_days)
    expected = -1 if calendar.blocked_because(day) is not None else calendar.demand_cost(day)
    assert calendar.day_shape(day) == expected


def test_day_names_are_english_for_every_weekday() -> None:
    monday = dt.date(2026, 12, 7)
    names = [day_name(monday + dt.timedelta(days=i)) for i in range(7)]
    assert names == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert short_date(monday) == "Mon 2026-12-07"
