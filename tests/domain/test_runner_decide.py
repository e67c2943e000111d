"""`decide` never rewrites the past or a session already logged, whatever the change."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from footcore.domain.assessments import AssessmentResult, TestKind
from footcore.domain.plan import PlannedSession, SessionKind
from footcore.domain.planning import build_plan
from footcore.domain.runner import (
    Change,
    ProfileSaved,
    SelfTested,
    SessionLogged,
    StoredPlan,
    decide,
    history_needed,
    idle_weeks,
    replan_from,
)
from footcore.domain.runner_view import adjustments
from footcore.domain.vocab import Side
from tests.domain.planning_builders import MONDAY, make_profile
from tests.domain.test_adaptation import make_log
from tests.domain.test_runner_state import CATALOG, Store, changes

PlanKey = tuple[dt.date, str]


class PlannedStore(Store):
    """A `Store` that also keeps the materialised plan, as the web adapter does."""

    def __init__(self) -> None:
        super().__init__(today=MONDAY)
        self.profile = make_profile()
        self.plan_inputs = ""
        self.sessions: dict[PlanKey, PlannedSession] = {}
        self.results: list[AssessmentResult] = []
        self.plan: StoredPlan | None = None
        self.writes = 0

    def decide(self, change: Change) -> None:
        if isinstance(change, ProfileSaved):
            self.profile = change.profile
        since = history_needed(self.state, change)
        decision = decide(
            self.state,
            change,
            today=self.today,
            profile=self.profile,
            plan_inputs=self.plan_inputs,
            catalog=CATALOG,
            tail=None if since is None else self.history(since),
            stored=self.plan,
        )
        self.state = decision.state
        self.plan_inputs = decision.plan_inputs
        self.plan = decision.stored
        if decision.replan_from is not None:
            self.writes += 1
            start = decision.replan_from
            self.sessions = {k: s for k, s in self.sessions.items() if s.date < start}
            self.sessions.update({(s.date, s.kind.value): s for s in decision.sessions()})

    def frozen(self) -> dict[PlanKey, PlannedSession]:
        """The sessions that must never change: before today, and any logged one."""
        logged = {(log.date, log.kind.value) for log in self.logs}
        return {k: s for k, s in self.sessions.items() if k[0] < self.today or k in logged}

    def ahead(self) -> tuple[dict[PlanKey, PlannedSession], dict[PlanKey, PlannedSession]]:
        """The stored sessions a replan now would write, and what a fresh plan says."""
        fresh = build_plan(
            self.profile,
            CATALOG,
            adjustments=adjustments(self.state),
            emphasis=self.state.emphasis,
            idle_weeks=idle_weeks(self.profile, self.state.trained_weeks, self.today),
        )
        start = replan_from(self.state, self.today)
        stored = {k: s for k, s in self.sessions.items() if k[0] >= start}
        return stored, {(s.date, s.kind.value): s for s in fresh.sessions() if s.date >= start}


@st.composite
def planning_changes(draw: st.DrawFn, store: PlannedStore) -> Change | None:
    kind = draw(st.sampled_from(["rules", "rules", "profile", "self-test"]))
    if kind == "profile":
        minutes = draw(st.integers(5, 30))
        return ProfileSaved(dataclasses.replace(store.profile, minutes=minutes))
    if kind == "self-test":
        reps = draw(st.integers(0, 40))
        side = draw(st.sampled_from([Side.LEFT, Side.RIGHT]))
        store.results.append(AssessmentResult(store.today, TestKind.HEEL_RAISE, side, reps))
        return SelfTested(tuple(store.results))
    change: Change | None = draw(changes(store))
    if isinstance(change, SessionLogged):
        session = draw(st.sampled_from(["strength", "activation"]))
        change = SessionLogged(dataclasses.replace(change.log, kind=SessionKind(session)))
    return change


@settings(max_examples=80)
@given(st.data())
def test_no_change_ever_rewrites_a_past_day_or_a_logged_session(data: st.DataObject) -> None:
    store = PlannedStore()
    store.decide(ProfileSaved(store.profile))
    for _ in range(data.draw(st.integers(1, 20))):
        store.today += dt.timedelta(days=data.draw(st.integers(0, 2)))
        change = data.draw(planning_changes(store))
        if change is None:
            continue
        change = store.record(change)
        before = store.frozen()
        store.decide(change)
        after = {k: s for k, s in store.sessions.items() if k in before}

        assert after == before
        stored, fresh = store.ahead()
        assert stored == fresh


def test_a_replan_that_gives_the_stored_plan_writes_nothing_and_one_that_differs_writes() -> None:
    store = PlannedStore()
    store.decide(ProfileSaved(store.profile))
    first = min(k[0] for k in store.sessions if k[1] == "strength")
    exercises = [i.exercise for i in store.sessions[(first, "strength")].items]

    def log(day: dt.date, **over: Any) -> tuple[int, str]:
        store.today = day
        written, inputs = store.writes, store.plan_inputs
        store.decide(store.record(SessionLogged(make_log(day, exercises=exercises, **over))))
        assert store.ahead()[0] == store.ahead()[1]
        return store.writes - written, inputs

    assert log(first)[0] == 1
    # Pain 3 the next day: the rules keep it (an input of the plan), and the plan built
    # from it is the one stored.
    inputs = store.plan_inputs
    assert log(first + dt.timedelta(days=1), pain=3)[0] == 0
    assert store.plan_inputs != inputs
    # Pain 8: a step back, which the plan shows.
    assert log(first + dt.timedelta(days=3), pain=8)[0] == 1


def test_a_self_test_on_the_day_of_a_logged_session_keeps_that_session() -> None:
    store = PlannedStore()
    store.decide(ProfileSaved(store.profile))
    today = min(k[0] for k in store.sessions if k[1] == "strength")
    store.today = today
    planned = store.sessions[(today, "strength")]
    log = make_log(today, kind=SessionKind.STRENGTH, exercises=[i.exercise for i in planned.items])
    store.decide(store.record(SessionLogged(log)))
    result = AssessmentResult(today, TestKind.HEEL_RAISE, Side.LEFT, 2)

    store.decide(SelfTested((result,)))

    assert store.sessions[(today, "strength")] == planned


def test_the_session_to_play_is_the_asked_kind_else_strength_else_the_first() -> None:
    from footcore.domain.planning import session_to_play

    warm_up = PlannedSession(MONDAY, SessionKind.ACTIVATION, (), 120)
    strength = PlannedSession(MONDAY, SessionKind.STRENGTH, (), 600)

    assert session_to_play([warm_up, strength]) == strength
    assert session_to_play([warm_up, strength], SessionKind.ACTIVATION) == warm_up
    assert session_to_play([warm_up]) == warm_up
    assert session_to_play([warm_up], SessionKind.STRENGTH) is None
    assert session_to_play([]) is None
