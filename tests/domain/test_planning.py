from __future__ import annotations

import dataclasses
import datetime as dt

from footcore.domain.plan import ExerciseAdjustment, Plan, PlanItem, SessionKind, WeekKind
from footcore.domain.planning import build_plan, next_session, sessions_from, target_s, week_of
from footcore.domain.vocab import Concern, Equipment, PainSite
from tests.domain.planning_builders import MONDAY, make_profile, small_catalog

CATALOG = small_catalog()


def strength_items(plan: Plan, week: int) -> list[PlanItem]:
    return [
        item
        for s in plan.weeks[week - 1].sessions
        if s.kind is SessionKind.STRENGTH
        for item in s.items
    ]


def week_ids(plan: Plan, week: int) -> set[str]:
    return {item.exercise for item in strength_items(plan, week)}


def first(plan: Plan, exercise: str, week: int) -> PlanItem:
    return next(i for i in strength_items(plan, week) if i.exercise == exercise)


def test_each_week_asks_for_the_wanted_number_of_barefoot_sessions() -> None:
    plan = build_plan(make_profile(sessions_per_week=2), CATALOG)
    for week in plan.weeks:
        sessions = [s for s in week.sessions if s.kind is SessionKind.STRENGTH]
        assert len(sessions) == 2
        assert all("Barefoot" in s.reason for s in sessions)


def test_a_new_exercise_says_it_is_new() -> None:
    plan = build_plan(make_profile(), CATALOG)
    new = week_ids(plan, 2) - week_ids(plan, 1)
    assert any("new this week" in first(plan, i, 2).reason for i in new)


def test_the_fourth_week_is_lighter_and_shorter() -> None:
    profile = make_profile(weeks=5)
    plan = build_plan(profile, CATALOG)
    assert [w.kind for w in plan.weeks] == [WeekKind.BUILD] * 3 + [WeekKind.LIGHTER, WeekKind.BUILD]
    week_three = first(plan, "short-foot", 3).dose
    week_four = first(plan, "short-foot", 4).dose
    assert week_four.sets < week_three.sets
    lighter = [s for s in plan.weeks[3].sessions if s.kind is SessionKind.STRENGTH]
    assert all(s.estimated_s <= 1.2 * target_s(profile, WeekKind.LIGHTER) for s in lighter)
    assert target_s(profile, WeekKind.LIGHTER) < target_s(profile, WeekKind.BUILD)
    assert plan.weeks[3].notes[0].startswith("Lighter week")


def test_a_warm_up_comes_before_the_strength_session_on_the_same_day() -> None:
    plan = build_plan(make_profile(), CATALOG)
    for week in plan.weeks:
        for a, b in zip(week.sessions, week.sessions[1:], strict=False):
            assert (a.date, a.kind is SessionKind.STRENGTH) <= (
                b.date,
                b.kind is SessionKind.STRENGTH,
            )


def test_pain_keeps_cautioned_exercises_out_and_warns_once() -> None:
    plan = build_plan(make_profile(pain=(PainSite.BALL_OF_FOOT,)), CATALOG)
    assert all(i.exercise != "toe-walking" for s in plan.sessions() for i in s.items)
    assert [w for w in plan.warnings if "Toe Walking" in w] == [
        "Toe Walking left out because of your ball-of-foot pain: not with this pain"
    ]


def test_without_a_step_it_uses_the_floor_version_and_says_why() -> None:
    profile = make_profile(equipment=(Equipment.TOWEL,), concerns=(Concern.ACHILLES,))
    plan = build_plan(profile, CATALOG)
    calf = first(plan, "calf-raises", 1)
    assert calf.variant == "floor"
    assert "Floor, since you have no step" in calf.reason


def test_an_emphasised_exercise_comes_in_at_once_and_says_why() -> None:
    plan = build_plan(make_profile(), CATALOG, emphasis=("plantar-stretch",))
    stretch = first(plan, "plantar-stretch", 1)
    assert "brought forward by your self-test" in stretch.reason
    assert "plantar-stretch" not in week_ids(build_plan(make_profile(), CATALOG), 1)


def test_a_paused_exercise_is_left_out_from_its_date_with_the_reason() -> None:
    since = MONDAY + dt.timedelta(days=7)
    pause = ExerciseAdjustment("short-foot", 0, True, "pain above 5/10", since)
    plan = build_plan(make_profile(), CATALOG, adjustments={"short-foot": pause})
    assert "short-foot" in week_ids(plan, 1)
    later = [i for s in sessions_from(plan, since) for i in s.items]
    assert all(i.exercise != "short-foot" for i in later)
    assert "Short Foot paused from 2026-12-14: pain above 5/10" in plan.warnings
    assert not any("Short Foot did not fit" in w for w in plan.warnings)


def test_sessions_never_come_before_the_start() -> None:
    start = MONDAY + dt.timedelta(days=3)
    plan = build_plan(make_profile(start=start), CATALOG)
    assert min(s.date for s in plan.sessions()) >= start
    assert plan.weeks[0].start == start


def test_the_same_profile_gives_the_same_plan() -> None:
    profile = make_profile(concerns=(Concern.ACHILLES, Concern.FLAT_FEET), weeks=12)
    shuffled = dataclasses.replace(profile, concerns=(Concern.FLAT_FEET, Concern.ACHILLES))
    assert build_plan(profile, CATALOG) == build_plan(shuffled, CATALOG)


def test_helpers_find_sessions_and_weeks_by_date() -> None:
    plan = build_plan(make_profile(weeks=2), CATALOG)
    tuesday = MONDAY + dt.timedelta(days=1)
    assert all(s.date >= tuesday for s in sessions_from(plan, tuesday))
    upcoming = next_session(plan, tuesday, SessionKind.STRENGTH)
    assert upcoming is not None
    assert upcoming.date >= tuesday
    assert week_of(plan, MONDAY + dt.timedelta(days=9)) is plan.weeks[1]
    assert week_of(plan, MONDAY - dt.timedelta(days=1)) is None
    assert next_session(plan, MONDAY + dt.timedelta(days=30)) is None


ISSUE_PROFILE = {
    "start": "2026-12-07", "weeks": 8, "run_days": ["mon", "wed", "fri", "sun"],
    "long_run_day": "sun", "hard_days": ["wed"], "races": ["2027-01-24"],
    "sessions_per_week": 3, "minutes": 10, "concerns": ["shin-splints"],
    "pain": ["ball-of-foot"], "equipment": ["step", "towel", "chair"],
}  # fmt: skip
