"""A runner's adaptation state, stored and brought up to date one change at a time.

`adaptation.adapt` replays a whole history. `RunnerState` holds what that replay ends
with (each exercise's level, pause, streaks and latest decision; the worst pain that
asks for the red-flag questions; open red flags; the last log days), so a new log,
check-in, red-flag screen or clearance is folded on top of it. The stop is kept as
the ordered screens and clearances (`stop.SafetyEvent`, by recorded instant), folded
by `stop.stop_state` when read: never by dates. `rebuild` (the full
replay) is a repair tool, and equals the folds over any history.

Logs are replayed by day, then in arrival order (`logbook.replay_key`); a day's
clearances come after its logs. A change that lands at the end of that order is
folded directly. One that lands earlier (a morning check, a log dated back, a log
after a same-day clearance) is refolded from the latest `Checkpoint` on or before its
day, over the stored events from that day (`history_needed` names the day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from footcore.domain.adaptation import (
    Rule,
    RuleDecision,
    RuleState,
    clearance_event,
    replay_clearance,
    replay_session,
    screen_event,
    settled_by_session_day,
)
from footcore.domain.logbook import (
    Clearance,
    MorningCheck,
    Screen,
    SessionLog,
    log_problems,
    morning_check_problems,
    replay_key,
)
from footcore.domain.plan import SessionKind
from footcore.domain.safety import needs_red_flag_screen
from footcore.domain.stop import SafetyEvent, SafetyKind

CHECK_WINDOW_DAYS = 7
"""A session older than this no longer asks for its morning check (`footcore-design`)."""
CHECKPOINT_DAYS = CHECK_WINDOW_DAYS + 1
"""Checkpoints are kept for the event days this close to the latest one, so a morning
check inside the window refolds only the days since its session."""

PROGRAM_RULES = frozenset({Rule.HOLD_FLARE, Rule.REFER_PAIN})
"""Whole-program decisions that are told with the change that made them."""

EventKey = tuple[dt.date, int, int]
"""Where an event sits in the replay: (day, 0 for a log or 1 for a clearance, arrival)."""


@dataclass(frozen=True, slots=True)
class ExerciseState:
    """One exercise's place in the adaptation rules (`adaptation.RuleState`, frozen)."""

    level: int = 0
    paused: bool = False
    bad_in_a_row: tuple[dt.date, ...] = ()
    easy_in_a_row: tuple[dt.date, ...] = ()
    last_change: RuleDecision | None = None
    latest: RuleDecision | None = None
    holds: tuple[dt.date, ...] = ()
    pains: tuple[tuple[dt.date, int], ...] = ()


Exercises = tuple[tuple[str, ExerciseState], ...]
"""Exercise id -> state, sorted by id."""


@dataclass(frozen=True, slots=True)
class Checkpoint:
    day: dt.date
    exercises: Exercises
    """The exercises' states before any event dated `day` or later."""


@dataclass(frozen=True, slots=True)
class LogDay:
    date: dt.date
    kinds: tuple[str, ...]
    """Session kinds logged that day, sorted."""
    checked: bool = False
    """The next-morning check for the day has been answered."""


@dataclass(frozen=True, slots=True)
class RunnerState:
    exercises: Exercises = ()
    last_event: EventKey | None = None
    checkpoints: tuple[Checkpoint, ...] = ()
    log_days: tuple[LogDay, ...] = ()
    """The two latest days with a log, oldest first."""
    worst_pain: Pain | None = None
    """The latest pain from 7/10 (by day, then recorded instant), during a session or
    the morning after."""
    safety: tuple[SafetyEvent, ...] = ()
    """Every screen (with its findings) and clearance, in recorded order."""
    emphasis: tuple[str, ...] = ()
    """Exercise ids the latest self-tests bring forward (`steering`)."""
    screen_before_loading: bool = False
    """The profile asks for a screen before the first session (`stop.screen_before_loading`)."""
    trained_weeks: tuple[dt.date, ...] = ()
    """The Mondays of every week with a strength session logged, oldest first: a past
    plan week without one does not count toward a step up (`runner.idle_weeks`)."""


Pain = tuple[dt.date, dt.datetime | None, int]
"""A pain from 7/10: its day, the instant its log was recorded (None for a morning
check, compared by day), and the pain."""


@dataclass(frozen=True, slots=True)
class History:
    """Stored events (all of them, or those from a day on) for a refold or a rebuild."""

    logs: tuple[SessionLog, ...] = ()
    checks: tuple[MorningCheck, ...] = ()
    screens: tuple[Screen, ...] = ()
    clearances: tuple[Clearance, ...] = ()


def log_key(log: SessionLog) -> EventKey:
    return (log.date, 0, log.recorded)


def refold_day(state: RunnerState, day: dt.date) -> dt.date:
    """The day a refold for an event on `day` starts from: its checkpoint, or the start."""
    days = [c.day for c in state.checkpoints if c.day <= day]
    return max(days) if days else dt.date.min


def fold_log(
    state: RunnerState, log: SessionLog, names: Mapping[str, str], tail: History | None
) -> tuple[RunnerState, tuple[RuleDecision, ...]]:
    """The state with `log` taken in, and the decisions made from it.

    `tail` holds the stored events from `history_day(state, log)` on (this log
    included) when that day is not None, else it is None. Raises ValueError on an
    invalid log.
    """
    if problems := log_problems(log):
        raise ValueError(f"log {log.idempotency_key!r} is invalid: {problems}")
    state = _with_pain(_with_log_day(state, log), (log.date, log.recorded_at, _log_pain(log)))
    if tail is None:
        return _append(state, log_key(log), log, None, names)
    folded, made = _refold(state, refold_day(state, log.date), tail, names)
    return folded, tuple(d for key, d in made if key == log_key(log))


def fold_correction(
    state: RunnerState, log: SessionLog, names: Mapping[str, str], tail: History
) -> tuple[RunnerState, tuple[RuleDecision, ...]]:
    """The state with a session's log replaced by its correction `log`: refolded from
    the checkpoint on or before its day. `tail` holds the stored events from
    `correction_history_day` on, the correction in force and the earlier version not."""
    if problems := log_problems(log):
        raise ValueError(f"log {log.idempotency_key!r} is invalid: {problems}")
    start = refold_day(state, log.date)
    if state.worst_pain is not None and state.worst_pain[0] >= start:
        state = replace(state, worst_pain=None)
        for entry in tail.logs:
            state = _with_pain(state, (entry.date, entry.recorded_at, _log_pain(entry)))
        for check in tail.checks:
            if check.pain_0_10 is not None:
                state = _with_pain(state, (check.date, None, check.pain_0_10))
    else:
        state = _with_pain(state, (log.date, log.recorded_at, _log_pain(log)))
    folded, made = _refold(state, start, tail, names)
    return folded, tuple(d for key, d in made if key == log_key(log))


def correction_history_day(state: RunnerState, log: SessionLog) -> dt.date:
    """The day a correction of a log on `log.date` reads the stored events from: its
    checkpoint, or the whole history when the worst pain may have been the replaced one."""
    start = refold_day(state, log.date)
    if state.worst_pain is not None and state.worst_pain[0] >= start:
        return dt.date.min
    return start


def fold_check(
    state: RunnerState, check: MorningCheck, names: Mapping[str, str], tail: History
) -> tuple[RunnerState, tuple[RuleDecision, ...]]:
    """The state with a morning check taken in; its session's day is always refolded."""
    if problems := morning_check_problems(check):
        raise ValueError(f"morning check of {check.session_date} is invalid: {problems}")
    days = tuple(
        replace(d, checked=True) if d.date == check.session_date else d for d in state.log_days
    )
    state = replace(state, log_days=days)
    if check.pain_0_10 is not None:
        state = _with_pain(state, (check.date, None, check.pain_0_10))
    folded, made = _refold(state, refold_day(state, check.session_date), tail, names)
    return folded, tuple(d for _, d in made)


def fold_clearance(
    state: RunnerState, clearance: Clearance, names: Mapping[str, str], tail: History | None
) -> RunnerState:
    """A clinician's clearance: the stops recorded before it lift, and pauses lift."""
    day = clearance.date
    state = _with_safety(state, clearance_event(clearance))
    if tail is None:
        return _append(state, (day, 1, 0), None, day, names)[0]
    return _refold(state, refold_day(state, day), tail, names)[0]


def fold_screen(state: RunnerState, screen: Screen) -> RunnerState:
    """A stored screen: its findings (decided when stored) stop the program until a
    clearance recorded after it."""
    return _with_safety(state, screen_event(screen))


def _with_safety(state: RunnerState, event: SafetyEvent) -> RunnerState:
    events = sorted((*state.safety, event), key=_safety_order)
    return replace(state, safety=tuple(events))


def _safety_order(event: SafetyEvent) -> tuple[dt.datetime, bool, dt.date, tuple[str, ...]]:
    # As `stop.stop_state` orders them; the rest only makes the tuple canonical.
    return (
        event.recorded_at,
        event.kind is SafetyKind.SCREEN,
        event.day or dt.date.min,
        event.reasons,
    )


def history_day(state: RunnerState, log: SessionLog) -> dt.date | None:
    """None when `log` folds on top of the state; else the day to read events from."""
    key = log_key(log)
    checked = any(d.date == log.date and d.checked for d in state.log_days)
    if state.last_event is None or (key > state.last_event and not checked):
        return None
    return refold_day(state, log.date)


def clearance_history_day(state: RunnerState, day: dt.date) -> dt.date | None:
    """None when a clearance on `day` folds on top of the state; else the day to read from."""
    if state.last_event is None or (day, 1, 0) >= state.last_event:
        return None
    return refold_day(state, day)


def rebuild(
    history: History,
    names: Mapping[str, str],
    emphasis: Sequence[str] = (),
    *,
    screen_before_loading: bool = False,
) -> RunnerState:
    """The state from a whole history: the full replay, for repairs and for tests."""
    state = RunnerState(emphasis=tuple(emphasis), screen_before_loading=screen_before_loading)
    for log in history.logs:
        state = _with_pain(_with_log_day(state, log), (log.date, log.recorded_at, _log_pain(log)))
    checked = {c.session_date for c in history.checks}
    state = replace(
        state, log_days=tuple(replace(d, checked=d.date in checked) for d in state.log_days)
    )
    for check in history.checks:
        if check.pain_0_10 is not None:
            state = _with_pain(state, (check.date, None, check.pain_0_10))
    events = [screen_event(s) for s in history.screens]
    events += [clearance_event(c) for c in history.clearances]
    state = replace(state, safety=tuple(sorted(events, key=_safety_order)))
    return _refold(state, dt.date.min, history, names)[0]


def _log_pain(log: SessionLog) -> int:
    return max([log.pain_0_10, *(e.pain_0_10 or 0 for e in log.exercises)])


def _with_log_day(state: RunnerState, log: SessionLog) -> RunnerState:
    days = {d.date: d for d in state.log_days}
    old = days.get(log.date, LogDay(log.date, ()))
    days[log.date] = replace(old, kinds=tuple(sorted({*old.kinds, log.kind.value})))
    weeks = state.trained_weeks
    monday = log.date - dt.timedelta(days=log.date.weekday())
    if log.kind is SessionKind.STRENGTH and monday not in weeks:
        weeks = tuple(sorted((*weeks, monday)))
    return replace(state, log_days=tuple(days[d] for d in sorted(days)[-2:]), trained_weeks=weeks)


def _with_pain(state: RunnerState, found: Pain) -> RunnerState:
    if not needs_red_flag_screen(found[2]):
        return state
    worst = found if state.worst_pain is None else max(state.worst_pain, found, key=_pain_order)
    return replace(state, worst_pain=worst)


def _pain_order(pain: Pain) -> tuple[dt.date, bool, dt.datetime, int]:
    """Latest first by day, then a log (it knows its instant) after a check, then pain."""
    day, at, pain_0_10 = pain
    return (day, at is not None, at or _EPOCH, pain_0_10)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _append(
    state: RunnerState,
    key: EventKey,
    log: SessionLog | None,
    cleared: dt.date | None,
    names: Mapping[str, str],
    settled: bool | None = None,
) -> tuple[RunnerState, tuple[RuleDecision, ...]]:
    checkpoints = state.checkpoints
    if state.last_event is None or key[0] > state.last_event[0]:
        oldest = key[0] - dt.timedelta(days=CHECKPOINT_DAYS)
        checkpoints = (
            *(c for c in checkpoints if c.day >= oldest),
            Checkpoint(key[0], state.exercises),
        )
    states = {ex: _thaw(st) for ex, st in state.exercises}
    if log is not None:
        made = replay_session(log, states, settled, names)
    else:
        assert cleared is not None
        made = replay_clearance(cleared, states, names)
    exercises = tuple((ex, _freeze(st)) for ex, st in sorted(states.items()))
    folded = replace(state, exercises=exercises, last_event=key, checkpoints=checkpoints)
    return folded, tuple(d for d in made if d.exercise is not None or d.rule in PROGRAM_RULES)


def _refold(
    state: RunnerState, start: dt.date, tail: History, names: Mapping[str, str]
) -> tuple[RunnerState, list[tuple[EventKey, RuleDecision]]]:
    """Refold every event from `start` on over the checkpoint taken at `start`."""
    base = next((c.exercises for c in state.checkpoints if c.day == start), ())
    folded = replace(
        state,
        exercises=base,
        last_event=None,
        checkpoints=tuple(c for c in state.checkpoints if c.day < start),
    )
    if folded.checkpoints:
        last = folded.checkpoints[-1].day
        folded = replace(folded, last_event=(last, -1, 0))
    settled = settled_by_session_day([c for c in tail.checks if c.session_date >= start])
    logs = sorted((log for log in tail.logs if log.date >= start), key=replay_key)
    seen: set[str] = set()
    events: list[tuple[EventKey, SessionLog | None, dt.date | None]] = []
    for entry in logs:
        if entry.idempotency_key not in seen:
            seen.add(entry.idempotency_key)
            events.append((log_key(entry), entry, None))
    events += [((c.date, 1, 0), None, c.date) for c in tail.clearances if c.date >= start]
    events.sort(key=lambda event: event[0])
    made: list[tuple[EventKey, RuleDecision]] = []
    if not events:
        return state, made
    for key, log, cleared in events:
        day_settled = None if log is None else settled.get(log.date)
        folded, decisions = _append(folded, key, log, cleared, names, day_settled)
        made += [(key, d) for d in decisions]
    return folded, made


def _thaw(state: ExerciseState) -> RuleState:
    return RuleState(
        level=state.level,
        paused=state.paused,
        bad_in_a_row=list(state.bad_in_a_row),
        easy_in_a_row=list(state.easy_in_a_row),
        last_change=state.last_change,
        latest=state.latest,
        holds=list(state.holds),
        pains=list(state.pains),
    )


def _freeze(state: RuleState) -> ExerciseState:
    return ExerciseState(
        level=state.level,
        paused=state.paused,
        bad_in_a_row=tuple(state.bad_in_a_row),
        easy_in_a_row=tuple(state.easy_in_a_row),
        last_change=state.last_change,
        latest=state.latest,
        holds=tuple(state.holds),
        pains=tuple(state.pains),
    )
