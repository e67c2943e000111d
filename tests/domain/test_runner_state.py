"""The stored adaptation state, folded one change at a time, equals a full replay."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footcore.domain.adaptation import adapt, explain
from footcore.domain.logbook import Clearance, MorningCheck, RedFlagAnswers, Screen, SessionLog
from footcore.domain.runner import (
    Change,
    Cleared,
    MorningChecked,
    RedFlagsAnswered,
    SessionCorrected,
    SessionLogged,
    decide,
    history_needed,
)
from footcore.domain.runner_state import (
    Exercises,
    History,
    RunnerState,
    fold_log,
    rebuild,
)
from footcore.domain.runner_state_serialize import (
    exercises_to_text,
    state_from_dict,
    state_to_dict,
)
from footcore.domain.runner_view import adjustments, program_view
from tests.domain.planning_builders import small_catalog
from tests.domain.test_adaptation import TUE, make_log, sessions_on


@dataclass
class Store:
    """What an adapter stores: the rows of every change, and the runner's state."""

    today: dt.date = TUE
    logs: list[SessionLog] = field(default_factory=list)
    checks: list[MorningCheck] = field(default_factory=list)
    screens: list[Screen] = field(default_factory=list)
    clearances: list[Clearance] = field(default_factory=list)
    state: RunnerState = field(default_factory=RunnerState)
    stored: int = 0
    arrivals: int = 0
    """Logs stored so far, corrections included: the next log's arrival number."""
    """How many rows were stored: each row's recorded instant is a second after the last."""

    def now(self) -> dt.datetime:
        self.stored += 1
        noon = dt.datetime.combine(self.today, dt.time(12), tzinfo=dt.UTC)
        return noon + dt.timedelta(seconds=self.stored)

    def history(self, since: dt.date = dt.date.min) -> History:
        return History(
            logs=tuple(log for log in self.logs if log.date >= since),
            checks=tuple(c for c in self.checks if c.session_date >= since),
            screens=tuple(self.screens),
            clearances=tuple(c for c in self.clearances if c.date >= since),
        )

    def apply(self, change: Change) -> None:
        self.decide(self.record(change))

    def record(self, change: Change) -> Change:
        """Store the change's own row; a log gets its arrival number."""
        if isinstance(change, SessionLogged | SessionCorrected):
            self.arrivals += 1
            log = replace(change.log, recorded=self.arrivals, recorded_at=self.now())
            if isinstance(change, SessionCorrected):
                # The version in force leaves the history; the correction takes its place.
                old = next(
                    i
                    for i, e in reversed(list(enumerate(self.logs)))
                    if (e.date, e.kind) == (log.date, log.kind)
                )
                del self.logs[old]
                change = SessionCorrected(log)
            else:
                change = SessionLogged(log)
            self.logs.append(change.log)
        elif isinstance(change, MorningChecked):
            self.checks.append(change.check)
        elif isinstance(change, RedFlagsAnswered):
            change = RedFlagsAnswered(replace(change.screen, recorded_at=self.now()))
            self.screens.append(change.screen)
        elif isinstance(change, Cleared):
            change = Cleared(replace(change.clearance, recorded_at=self.now()))
            self.clearances.append(change.clearance)
        return change

    def decide(self, change: Change) -> None:
        since = history_needed(self.state, change)
        tail = None if since is None else self.history(since)
        decision = decide(
            self.state,
            change,
            today=self.today,
            profile=None,
            plan_inputs="",
            catalog=CATALOG,
            tail=tail,
        )
        self.state = decision.state


CATALOG = small_catalog()
NAMES = {e.id: e.name for e in CATALOG.exercises}


@st.composite
def changes(draw: st.DrawFn, store: Store) -> Change | None:
    kind = draw(
        st.sampled_from(["log", "log", "log", "back", "check", "flags", "clear", "correct"])
    )
    if kind == "correct":
        if not store.logs:
            return None
        fixed = draw(st.sampled_from(store.logs))
        again = draw(sessions_on(fixed.date, f"c{store.arrivals}"))
        return SessionCorrected(replace(again, kind=fixed.kind))
    if kind in ("log", "back"):
        back = 0 if kind == "log" else draw(st.integers(1, 12))
        on = store.today - dt.timedelta(days=back)
        return SessionLogged(draw(sessions_on(on, f"k{store.arrivals}")))
    if kind == "check":
        done = {c.session_date for c in store.checks}
        days = sorted({log.date for log in store.logs if log.date < store.today} - done)
        if not days:
            return None
        session_day = draw(st.sampled_from(days))
        pain = draw(st.none() | st.integers(0, 10))
        return MorningChecked(MorningCheck(store.today, session_day, draw(st.booleans()), pain))
    if kind == "flags":
        flagged = draw(st.booleans())
        findings = ("numbness or pins and needles",) if flagged else ()
        answers = RedFlagAnswers(numbness=flagged)
        return RedFlagsAnswered(Screen(store.today, answers, store.now(), findings))
    return Cleared(Clearance(store.today, ""))


@settings(max_examples=150)
@given(st.data())
def test_folding_each_change_equals_replaying_the_whole_history(data: st.DataObject) -> None:
    store = Store()
    for _ in range(data.draw(st.integers(1, 25))):
        store.today += dt.timedelta(days=data.draw(st.integers(0, 2)))
        change = data.draw(changes(store))
        if change is None:
            continue
        store.apply(change)

        assert store.state == rebuild(store.history(), NAMES)


@settings(max_examples=150)
@given(st.data())
def test_the_stored_state_says_what_the_full_replay_says(data: st.DataObject) -> None:
    store = Store()
    for _ in range(data.draw(st.integers(1, 25))):
        store.today += dt.timedelta(days=data.draw(st.integers(0, 2)))
        change = data.draw(changes(store))
        if change is not None:
            store.apply(change)
    history = store.history()
    replayed = adapt(
        history.logs,
        history.checks,
        screens=history.screens,
        clearances=history.clearances,
        today=store.today,
        names=NAMES,
    )
    view = program_view(store.state, store.today)

    assert view.status is replayed.status
    assert view.stop_reason == replayed.stop_reason
    assert view.red_flag_screen_due == replayed.red_flag_screen_due
    assert list(view.explanations) == explain(replayed)
    assert adjustments(store.state) == dict(replayed.adjustments)


@settings(max_examples=60)
@given(st.data())
def test_the_stored_form_reads_back_as_the_same_state(data: st.DataObject) -> None:
    store = Store()
    for _ in range(data.draw(st.integers(1, 15))):
        store.today += dt.timedelta(days=data.draw(st.integers(0, 2)))
        change = data.draw(changes(store))
        if change is not None:
            store.apply(change)

    assert state_from_dict(state_to_dict(store.state)) == store.state
    # The form before exercises were kept as text (version 4) still reads.
    v4 = state_to_dict(store.state)
    v4["v"] = 4
    v4["exercises"] = json.loads(v4["exercises"])
    v4["checkpoints"] = [[day, json.loads(text)] for day, text in v4["checkpoints"]]
    v4["trained_weeks"] = v4["trained_weeks"].split()
    assert state_from_dict(v4) == store.state


def test_each_exercises_value_is_turned_into_text_by_the_function_given() -> None:
    state, _ = fold_log(RunnerState(), make_log(TUE, recorded=1), NAMES, None)
    state, _ = fold_log(state, make_log(TUE + dt.timedelta(days=1), recorded=2), NAMES, None)
    seen: list[object] = []

    def remember(exercises: Exercises) -> str:
        seen.append(exercises)
        return exercises_to_text(exercises)

    data = state_to_dict(state, remember)

    assert seen == [state.exercises, *(c.exercises for c in state.checkpoints)]
    assert isinstance(data["exercises"], str)
    assert state_from_dict(data) == state


def test_exercises_stored_as_lists_in_the_current_version_are_refused() -> None:
    data = state_to_dict(RunnerState())
    data["exercises"] = []

    with pytest.raises(TypeError, match="not text"):
        state_from_dict(data)


def test_a_log_dated_after_the_last_one_needs_no_history() -> None:
    state, _ = fold_log(RunnerState(), make_log(TUE, recorded=1), NAMES, None)

    assert history_needed(state, SessionLogged(make_log(TUE, recorded=2))) is None


def test_a_morning_check_refolds_from_its_sessions_day() -> None:
    state, _ = fold_log(RunnerState(), make_log(TUE, recorded=1), NAMES, None)
    check = MorningCheck(TUE + dt.timedelta(days=1), TUE, settled=True)

    assert history_needed(state, MorningChecked(check)) == TUE


def test_a_state_of_an_unknown_version_is_refused() -> None:
    data = state_to_dict(RunnerState())
    data["v"] = 0

    with pytest.raises(ValueError, match="version"):
        state_from_dict(data)
