"""A past plan week in which no strength session was logged does not count toward a
step up; the weeks ahead stay a forecast (progression by criteria, return-to-run-2023)."""

from __future__ import annotations

import datetime as dt

from footcore.domain.catalog import Dose
from footcore.domain.plan import Plan, SessionKind, WeekKind
from footcore.domain.planning import build_plan
from footcore.domain.runner import idle_weeks
from footcore.domain.runner_state import History, rebuild
from footcore.domain.runner_state_serialize import state_from_dict, state_to_dict
from tests.domain.planning_builders import MONDAY, make_profile, small_catalog
from tests.domain.test_adaptation import make_log
from tests.domain.test_runner_state import NAMES

CATALOG = small_catalog()
WEEK = dt.timedelta(days=7)


def doses(plan: Plan, week: int) -> dict[str, tuple[str, Dose]]:
    """Each strength exercise's first rung and dose in plan week `week`."""
    found: dict[str, tuple[str, Dose]] = {}
    for session in plan.weeks[week - 1].sessions:
        if session.kind is SessionKind.STRENGTH:
            for item in session.items:
                found.setdefault(item.exercise, (item.variant, item.dose))
    return found


def test_only_past_weeks_without_a_strength_log_are_idle() -> None:
    profile = make_profile(weeks=6)
    trained = (MONDAY, MONDAY + 2 * WEEK)
    today = MONDAY + 4 * WEEK + dt.timedelta(days=2)  # Wednesday of week five

    assert idle_weeks(profile, trained, today) == (MONDAY + WEEK, MONDAY + 3 * WEEK)
    assert idle_weeks(profile, (), MONDAY + dt.timedelta(days=6)) == ()  # week one is today's


def test_an_idle_week_leaves_the_next_week_at_the_level_it_would_have_had() -> None:
    profile = make_profile(weeks=6)
    calendar = build_plan(profile, CATALOG)
    assert [w.kind for w in calendar.weeks[:3]] == [WeekKind.BUILD] * 3

    held = build_plan(profile, CATALOG, idle_weeks=(MONDAY + WEEK,))

    week_two, week_three = doses(calendar, 2), doses(held, 3)
    shared = week_two.keys() & week_three.keys() & doses(calendar, 1).keys()
    assert shared, "no exercise runs through weeks one to three"
    assert {e: week_three[e] for e in shared} == {e: week_two[e] for e in shared}
    assert {e: doses(calendar, 3)[e] for e in shared} != {e: week_two[e] for e in shared}
    assert held.weeks[:2] == calendar.weeks[:2]
    note = held.weeks[2].notes[0]
    assert note.startswith("Held at the same level: no strength session was logged in the week")
    assert "14 Dec" in note
    assert note.endswith("return-to-run-2023).")


def test_the_weeks_trained_survive_storage_and_a_rebuild() -> None:
    logs = (
        make_log(MONDAY + dt.timedelta(days=1)),
        make_log(MONDAY + 2 * WEEK + dt.timedelta(days=3), kind=SessionKind.ACTIVATION),
        make_log(MONDAY + 3 * WEEK),
    )
    state = rebuild(History(logs=logs), NAMES)

    assert state.trained_weeks == (MONDAY, MONDAY + 3 * WEEK)  # a warm-up is no session
    assert state_from_dict(state_to_dict(state)) == state
