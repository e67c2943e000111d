"""Retests of the foot self-tests in the plan: every 4 weeks, never on a blocked day."""

from __future__ import annotations

import datetime as dt

from footcore.catalog.loader import default_catalog
from footcore.domain.plan import SessionKind
from footcore.domain.planning import build_plan, plan_from_dict, plan_to_dict
from footcore.domain.profile import Profile
from footcore.domain.vocab import Weekday

MONDAY = dt.date(2026, 12, 7)


def retests(profile: Profile) -> list[dt.date]:
    plan = build_plan(profile, default_catalog())
    return [s.date for s in plan.sessions() if s.kind is SessionKind.ASSESSMENT]


def test_a_retest_is_planned_every_four_weeks_and_closes_the_block() -> None:
    # The second retest would fall the Monday after week 8, so it is held on its last day.
    assert retests(Profile(start=MONDAY, weeks=8)) == [
        MONDAY + dt.timedelta(weeks=4),
        MONDAY + dt.timedelta(weeks=8) - dt.timedelta(days=1),
    ]


def test_a_plan_shorter_than_four_weeks_has_no_retest() -> None:
    assert retests(Profile(start=MONDAY, weeks=3)) == []


def test_a_retest_moves_off_a_race_day_and_says_why() -> None:
    race = MONDAY + dt.timedelta(weeks=4)
    profile = Profile(start=MONDAY, weeks=5, run_days=(Weekday.MON,), races=(race,))
    plan = build_plan(profile, default_catalog())
    (session,) = [s for s in plan.sessions() if s.kind is SessionKind.ASSESSMENT]
    # A retest keeps 5 days before a race and skips the day after: two days after is nearest.
    assert session.date == race + dt.timedelta(days=2)
    assert "moved from 2027-01-04, race day" in session.reason
    assert "Matias 2016" in session.reason
    assert session.items == ()
    assert session.estimated_s == 900


def test_a_retest_comes_first_on_its_day_and_survives_the_json_form() -> None:
    profile = Profile(start=MONDAY, weeks=4, run_days=(Weekday.MON, Weekday.FRI))
    plan = build_plan(profile, default_catalog())
    day = MONDAY + dt.timedelta(weeks=4) - dt.timedelta(days=1)
    assert next(s.kind for s in plan.on(day)) is SessionKind.ASSESSMENT
    data = plan_to_dict(plan, default_catalog())
    kinds = [s["kind"] for w in data["weeks"] for s in w["sessions"]]
    assert kinds.count("assessment") == 1
    assert plan_from_dict(data).sessions() == plan.sessions()
