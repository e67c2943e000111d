"""The rules that adapt a plan to how sessions felt: step up, hold, step back, pause, stop.

`adapt` replays the whole log history in date order and returns where every exercise
stands now, with one explained decision per rule that fired. It is pure: the same
history gives the same answer, whatever order the inputs come in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from footcore.domain.criteria import (
    PROGRAM,
    exercise_pain,
    pain_rising,
    recent_pains,
    session_pain,
)
from footcore.domain.logbook import (
    Clearance,
    Difficulty,
    ExerciseLog,
    MorningCheck,
    Screen,
    SessionLog,
    day_label,
    exercise_label,
    log_problems,
    morning_check_problems,
    unique_logs,
)
from footcore.domain.plan import ExerciseAdjustment
from footcore.domain.safety import (
    ACCEPTABLE_MAX,
    FINE_MAX,
    PainZone,
    classify_pain,
    needs_red_flag_screen,
)
from footcore.domain.stop import (
    SafetyEvent,
    SafetyKind,
    StopState,
    program_gate,
    stop_state,
)

BAD_SESSIONS_TO_PAUSE = 2
"""Too much pain in this many sessions in a row, despite stepping back, pauses the
exercise and sends the runner to a clinician (`footcore-design`, from `silbernagel-2007`)."""
EASY_SESSIONS_TO_PROGRESS = 2
"""'Too easy' this many times in a row, with pain no higher than 2/10, steps up
(`footcore-design`)."""
SESSIONS_AT_LEVEL = 2
"""Every step up, the plan's weekly one included, waits until the exercise was done at
least this many times at its level ("repeat each phase at least twice",
`return-to-run-2023`, evidence.md section 3.4)."""


class ProgramStatus(StrEnum):
    ACTIVE = "active"
    STOPPED_RED_FLAG = "stopped-red-flag"
    """A red flag was recorded and no clinician's clearance was recorded after it."""


class Rule(StrEnum):
    CARRY_ON = "carry-on"
    WAIT_FOR_MORNING = "wait-for-morning"
    ACCEPTABLE = "acceptable"
    REGRESS_PAIN = "regress-pain"
    PAUSE_PAIN = "pause-pain"
    PROGRESS_TOO_EASY = "progress-too-easy"
    HOLD_TOO_HARD = "hold-too-hard"
    REGRESS_TOO_HARD = "regress-too-hard"
    HOLD_NOT_DONE = "hold-not-done"
    HOLD_PAIN_RISING = "hold-pain-rising"
    HOLD_ONE_SESSION = "hold-one-session"
    """Only one session at the level so far: the step up waits for a second."""
    HOLD_FLARE = "hold-flare"
    """A session above 5/10: the whole program holds (no new exercise, no step up)."""
    REFER_PAIN = "refer-pain"
    """Two sessions above 5/10 in a row despite stepping back: self-guided training stops."""
    RED_FLAG_STOP = "red-flag-stop"
    RED_FLAG_SCREEN = "red-flag-screen"
    CLEARED = "cleared"


@dataclass(frozen=True, slots=True)
class RuleDecision:
    rule: Rule
    date: dt.date
    exercise: str | None
    """None for decisions about the whole program (red flags, clearances)."""
    reason: str
    citation: str
    level_delta: int = 0
    """The step this decision took: -1 back, 0 none, +1 up."""


@dataclass(frozen=True, slots=True)
class Adaptation:
    status: ProgramStatus
    stop_reason: str | None
    adjustments: Mapping[str, ExerciseAdjustment]
    """Exercises whose level differs from the plan's own, or that are paused. A
    `level_delta` is the net change over the whole history, relative to the plan the
    planner would make with no logs."""
    explanations: tuple[RuleDecision, ...]
    """Every decision, oldest first."""
    red_flag_screen_due: bool = False
    """Pain reached 7/10 and the red-flag questions have not been answered since."""
    stop: StopState | None = None
    """The stop worked out from the screens and clearances in recorded order."""


@dataclass(slots=True)
class RuleState:
    """Where one exercise stands while the rules replay (mutable: the replay's own)."""

    level: int = 0
    paused: bool = False
    bad_in_a_row: list[dt.date] = field(default_factory=list)
    easy_in_a_row: list[dt.date] = field(default_factory=list)
    last_change: RuleDecision | None = None
    latest: RuleDecision | None = None
    """The latest decision about the exercise, whatever it changed (for `explain`)."""
    holds: list[dt.date] = field(default_factory=list)
    """Days whose session did not meet the step-up criterion: the plan week holding
    one does not count toward the next step (`progression-criteria`)."""
    pains: list[tuple[dt.date, int]] = field(default_factory=list)
    """The exercise's pain in its sessions of the last two weeks (week-to-week rule)."""


def adapt(
    logs: Sequence[SessionLog],
    checks: Sequence[MorningCheck],
    *,
    screens: Sequence[Screen],
    clearances: Sequence[Clearance],
    today: dt.date,
    names: Mapping[str, str] | None = None,
) -> Adaptation:
    """Replay the history up to `today` and say where each exercise and the program stand.

    Pain is per exercise (the exercise's own score, else the session's; 0-10):
    up to 2/10 carry on (`footcore-design`); 3-5/10 is acceptable if settled by the
    next morning (`silbernagel-2007`); above 5/10 or not settled steps the exercise
    back one level, and a second such session in a row pauses it and suggests a
    clinician (`footcore-design`, derived from `silbernagel-2007` and `beyer-2015`).
    "Too easy" in two logs of an exercise in a row, fully done with pain up to 2/10,
    steps it up one level; no step up ever follows a session with pain above 5/10.
    "Too hard" holds the level, or steps back when it also hurt more than 2/10. A
    screen with a finding stops the program until a clearance recorded after it
    (`stop.stop_state`: by recorded instant, so neither the date nor the profile's
    time zone can lift it); a clearance also lifts pauses made before it. Logs and
    checks dated after `today` are ignored; logs of one day replay in the order they
    were recorded; logs sharing an idempotency key count once. Raises ValueError on
    a log that `log_problems` rejects.
    """
    labels = names or {}
    sessions = unique_logs([log for log in logs if log.date <= today])
    known_checks = [c for c in checks if c.date <= today]
    for check in known_checks:
        if problems := morning_check_problems(check):
            raise ValueError(f"morning check of {check.session_date} is invalid: {problems}")
    settled = settled_by_session_day(known_checks)
    clears = sorted(c.date for c in clearances if c.date <= today)
    stop = stop_state(safety_events(screens, clearances))
    states: dict[str, RuleState] = {}
    decisions: list[RuleDecision] = []
    timeline = sorted(
        [(s.date, 0, s) for s in sessions] + [(d, 1, d) for d in clears],
        key=lambda event: (event[0], event[1]),
    )
    for _, _, event in timeline:
        if isinstance(event, SessionLog):
            decisions.extend(replay_session(event, states, settled.get(event.date), labels))
        else:
            decisions.extend(replay_clearance(event, states, labels))
    for screened in sorted(screens, key=lambda s: s.recorded_at):
        for finding in screened.findings:
            reason = f"Training stopped on {day_label(screened.date)}: you reported {finding}."
            decisions.append(
                RuleDecision(Rule.RED_FLAG_STOP, screened.date, None, reason, "footcore-design")
            )
    screen = screen_due(sessions, known_checks, screens, today)
    if screen is not None:
        decisions.append(screen)
    # Stable: decisions of one day keep the order they were made in.
    decisions.sort(key=lambda d: d.date)
    found = (
        adjustment_for(ex, st.level, st.paused, st.last_change, st.latest, tuple(st.holds))
        for ex, st in sorted(states.items())
    )
    adjustments = {a.exercise: a for a in found if a is not None}
    flagged_on = stop_day(stop, screens)
    gate = program_gate(
        stop,
        screen_owed_before_loading=False,
        pain_screen_due=False,
        since_label=None if flagged_on is None else day_label(flagged_on),
    )
    stop_reason = gate.reason if stop.stopped else None
    program = states.get(PROGRAM)
    if stop_reason is None and program is not None and program.paused:
        # Pain above 5/10 twice in a row: the same stop as a red flag (footcore-design).
        stop_reason = program.last_change.reason if program.last_change else None
    return Adaptation(
        status=ProgramStatus.ACTIVE if stop_reason is None else ProgramStatus.STOPPED_RED_FLAG,
        stop_reason=stop_reason,
        adjustments=adjustments,
        explanations=tuple(decisions),
        red_flag_screen_due=screen is not None,
        stop=stop,
    )


def adjustment_for(
    exercise: str,
    level: int,
    paused: bool,
    last_change: RuleDecision | None,
    latest: RuleDecision | None,
    holds: tuple[dt.date, ...],
) -> ExerciseAdjustment | None:
    """The plan's change for one exercise (or the whole program's row), if any: a level
    off the plan's own, a pause, or days that held its next step."""
    if last_change is not None and (level != 0 or paused):
        return ExerciseAdjustment(
            exercise, level, paused, last_change.reason, last_change.date, holds
        )
    if holds and latest is not None:
        return ExerciseAdjustment(exercise, 0, False, latest.reason, holds[0], holds)
    return None


def explain(adaptation: Adaptation) -> list[str]:
    """Lines for display: why the program stopped, then each exercise's latest decision."""
    latest: dict[str, RuleDecision] = {}
    screen = None
    program: RuleDecision | None = None
    for decision in adaptation.explanations:
        if decision.rule is Rule.RED_FLAG_SCREEN:
            screen = decision
        elif decision.exercise is not None:
            latest[decision.exercise] = decision
        elif decision.rule in (Rule.HOLD_FLARE, Rule.REFER_PAIN, Rule.CLEARED):
            program = decision
    found = list(latest.values())
    if program is not None and program.rule is Rule.HOLD_FLARE:
        found.append(program)
    return explain_latest(adaptation.stop_reason, screen, found)


def explain_latest(
    stop_reason: str | None, screen: RuleDecision | None, latest: Sequence[RuleDecision]
) -> list[str]:
    """The stop reason, the red-flag screen request, then one line per exercise (by id)."""
    lines = [] if stop_reason is None else [stop_reason]
    if screen is not None:
        lines.append(f"{screen.reason} [{screen.citation}]")
    ordered = sorted(latest, key=lambda d: d.exercise or "")
    lines.extend(f"{d.reason} [{d.citation}]" for d in ordered)
    return lines


def replay_session(
    log: SessionLog, states: dict[str, RuleState], settled: bool | None, names: Mapping[str, str]
) -> list[RuleDecision]:
    problems = log_problems(log)
    if problems:
        raise ValueError(f"log {log.idempotency_key!r} is invalid: {problems}")
    by_exercise: dict[str, list[ExerciseLog]] = {}
    for entry in log.exercises:
        if entry.attempted:
            by_exercise.setdefault(entry.exercise, []).append(entry)
    decisions = []
    for ex, entries in sorted(by_exercise.items()):
        state = states.setdefault(ex, RuleState())
        if not state.paused:
            state.latest = _decide(log, ex, entries, state, settled, exercise_label(ex, names))
            decisions.append(state.latest)
    program = _program_rule(log, states.setdefault(PROGRAM, RuleState()))
    if program is not None:
        decisions.append(program)
    if session_pain(log) > ACCEPTABLE_MAX:
        # A session this painful resets every 'too easy' run, not only its own exercises.
        for state in states.values():
            state.easy_in_a_row.clear()
    return decisions


def _program_rule(log: SessionLog, program: RuleState) -> RuleDecision | None:
    """The whole program's rule: a session above 5/10 holds everything; a second one in
    a row, after its culprit was stepped back, stops self-guided training."""
    pain = session_pain(log)
    if pain <= ACCEPTABLE_MAX:
        program.bad_in_a_row.clear()
        return None
    if program.paused:
        return None
    program.bad_in_a_row.append(log.date)
    program.holds.append(log.date)
    day = day_label(log.date)
    if len(program.bad_in_a_row) >= BAD_SESSIONS_TO_PAUSE:
        program.paused = True
        days = " and ".join(day_label(d) for d in program.bad_in_a_row[-BAD_SESSIONS_TO_PAUSE:])
        reason = (
            f"Self-guided training stopped: pain was above 5/10 in {BAD_SESSIONS_TO_PAUSE} "
            f"sessions in a row ({days}), even after stepping back. Please see a clinician "
            "(a doctor or physical therapist); footcore restarts once their clearance is "
            "recorded. This referral is footcore's own rule, built on Silbernagel's 5/10 ceiling."
        )
        decision = RuleDecision(Rule.REFER_PAIN, log.date, None, reason, "footcore-design")
        program.last_change = decision
    else:
        reason = (
            f"Whole program on hold: pain {pain}/10 on {day} is above the acceptable 5/10. "
            "No exercise steps up and nothing new comes in until a calmer week."
        )
        decision = RuleDecision(Rule.HOLD_FLARE, log.date, None, reason, "silbernagel-2007")
    program.latest = decision
    return decision


def _decide(
    log: SessionLog,
    ex: str,
    entries: list[ExerciseLog],
    state: RuleState,
    settled: bool | None,
    name: str,
) -> RuleDecision:
    pain = exercise_pain(log, ex, entries)
    felt = [e.difficulty or log.difficulty for e in entries]
    zone = classify_pain(pain, settled)
    day = day_label(log.date)
    site = log.pain_site.value if log.pain_site and pain else None
    hurt = f"pain {pain}/10" + (f" ({site})" if site else "")
    state.pains = recent_pains(state.pains, log.date, pain)
    rising = pain_rising(state.pains, log.date)

    def decided(
        rule: Rule, reason: str, citation: str, delta: int = 0, hold: bool = True
    ) -> RuleDecision:
        decision = RuleDecision(rule, log.date, ex, reason, citation, delta)
        if hold and log.date not in state.holds:
            state.holds.append(log.date)
        if delta or rule is Rule.PAUSE_PAIN:
            state.level += delta
            state.last_change = decision
        return decision

    easy = all(f is Difficulty.TOO_EASY for f in felt) and all(e.done for e in entries)
    calm = session_pain(log) <= FINE_MAX and rising is None
    if not (easy and zone is PainZone.FINE and calm):
        state.easy_in_a_row.clear()
    if zone is not PainZone.TOO_MUCH:
        state.bad_in_a_row.clear()
    if zone is PainZone.TOO_MUCH:
        state.bad_in_a_row.append(log.date)
        why = f"{hurt} on {day}"
        if pain <= ACCEPTABLE_MAX:
            why += " had not settled by the next morning"
        if len(state.bad_in_a_row) >= BAD_SESSIONS_TO_PAUSE:
            state.paused = True
            days = " and ".join(day_label(d) for d in state.bad_in_a_row[-BAD_SESSIONS_TO_PAUSE:])
            reason = (
                f"{name} paused: pain was too high or did not settle in "
                f"{BAD_SESSIONS_TO_PAUSE} sessions in a row ({days}). "
                "Please see a clinician before doing it again."
            )
            return decided(Rule.PAUSE_PAIN, reason, "footcore-design")
        return decided(Rule.REGRESS_PAIN, f"{name} back one step: {why}.", zone.citation, -1)
    if Difficulty.TOO_HARD in felt:
        if pain > FINE_MAX:
            reason = f"{name} back one step: it felt too hard and hurt ({hurt}) on {day}."
            return decided(Rule.REGRESS_TOO_HARD, reason, "footcore-design", -1)
        reason = f"{name} at the same level next week: it felt too hard on {day}."
        return decided(Rule.HOLD_TOO_HARD, reason, "footcore-design")
    if not all(e.done for e in entries):
        reason = (
            f"{name} at the same level next week: not all the prescribed sets were done on "
            f"{day}, and a step up waits until they are."
        )
        return decided(Rule.HOLD_NOT_DONE, reason, "return-to-run-2023")
    if rising is not None:
        before, now = rising
        reason = (
            f"{name} at the same level next week: this week's worst pain ({now}/10) is "
            f"higher than last week's ({before}/10), and pain should not rise week to week."
        )
        return decided(Rule.HOLD_PAIN_RISING, reason, "silbernagel-2007")
    if zone is PainZone.PENDING:
        reason = (
            f"{name} at the same level for now: {hurt} on {day} is acceptable only if it "
            "is back to how it was before the session by the next morning."
        )
        return decided(Rule.WAIT_FOR_MORNING, reason, zone.citation)
    if zone is PainZone.ACCEPTABLE:
        reason = (
            f"{name} at the same level next week: {hurt} on {day} settled by the next "
            "morning, so the load is kept, not raised."
        )
        return decided(Rule.ACCEPTABLE, reason, zone.citation)
    if session_pain(log) > ACCEPTABLE_MAX:
        # Not the culprit of a flare: kept where it is, neither stepped back nor up.
        reason = (
            f"{name} stays at its current level: it was not what hurt ({hurt}) on {day}, so"
            " it is not stepped back, but after a session above 5/10 it does not step up"
            " either until a calmer week."
        )
        return decided(Rule.CARRY_ON, reason, "silbernagel-2007", hold=False)
    lone = _once_at_level(state, log.date)
    if not easy or not calm:
        if lone:
            reason = (
                f"{name} at the same level for now: {day} was its first session at this"
                " level, and a step up waits for a second one."
            )
            return decided(Rule.HOLD_ONE_SESSION, reason, "return-to-run-2023")
        reason = f"{name} as planned: {hurt} on {day}."
        return decided(Rule.CARRY_ON, reason, "footcore-design", hold=False)
    state.easy_in_a_row.append(log.date)
    if len(state.easy_in_a_row) < EASY_SESSIONS_TO_PROGRESS:
        reason = f"{name} felt too easy on {day}: one more easy session and it goes up a step."
        if lone:
            return decided(Rule.HOLD_ONE_SESSION, reason, "return-to-run-2023")
        return decided(Rule.CARRY_ON, reason, "footcore-design", hold=False)
    days = " and ".join(day_label(d) for d in state.easy_in_a_row[-EASY_SESSIONS_TO_PROGRESS:])
    state.easy_in_a_row.clear()
    reason = (
        f"{name} up one step next week: it felt too easy on {days}, with pain no higher "
        "than 2/10. It takes the place of next week's planned step, never adds to it."
    )
    # The held day keeps next week's planned step from stacking on this one.
    return decided(Rule.PROGRESS_TOO_EASY, reason, "footcore-design", +1)


def _once_at_level(state: RuleState, day: dt.date) -> bool:
    """Whether the session on `day` is the exercise's only one at its level so far.

    Counted are its sessions of this Monday-to-Sunday plan week, and those of the week
    before when that week held (it did not count toward a step, so they were at this
    level too); none from before its last change of level. When this session is the
    second of its week, the first one's hold for being alone is lifted, so a week of
    two good sessions counts toward the next step (`SESSIONS_AT_LEVEL`).
    """
    monday = day - dt.timedelta(days=day.weekday())
    week_before = monday - dt.timedelta(days=7)
    changed = (
        state.last_change.date if state.last_change and state.last_change.level_delta else None
    )
    done = [d for d, _ in state.pains if d <= day and (changed is None or d > changed)]
    this_week = [d for d in done if d >= monday]
    if any(week_before <= held < monday for held in state.holds):
        this_week += [d for d in done if week_before <= d < monday]
    if len(this_week) < SESSIONS_AT_LEVEL:
        return True
    before = state.latest
    if before is not None and before.rule is Rule.HOLD_ONE_SESSION and before.date >= monday:
        state.holds = [held for held in state.holds if held != before.date]
    return False


def replay_clearance(
    day: dt.date, states: dict[str, RuleState], names: Mapping[str, str]
) -> list[RuleDecision]:
    reason = f"A clinician cleared you to train on {day_label(day)}."
    decisions = [RuleDecision(Rule.CLEARED, day, None, reason, "footcore-design")]
    if PROGRAM in states:
        # The whole program's latest word is the clearance, whatever came before it.
        states[PROGRAM].latest = decisions[0]
    for ex, state in sorted(states.items()):
        if state.paused:
            state.paused = False
            state.bad_in_a_row.clear()
            state.easy_in_a_row.clear()
            if ex == PROGRAM:
                reason = (
                    f"Self-guided training restarts: cleared by a clinician on {day_label(day)}."
                )
                state.last_change = RuleDecision(Rule.CLEARED, day, None, reason, "footcore-design")
                state.latest = state.last_change
                continue
            name = exercise_label(ex, names)
            reason = f"{name} back in the plan: cleared by a clinician on {day_label(day)}."
            state.last_change = RuleDecision(Rule.CLEARED, day, ex, reason, "footcore-design")
            state.latest = state.last_change
            decisions.append(state.last_change)
    return decisions


def screen_due(
    sessions: Sequence[SessionLog],
    checks: Sequence[MorningCheck],
    screens: Sequence[Screen],
    today: dt.date,
) -> RuleDecision | None:
    """A screen decision when pain reached 7/10 after the last red-flag answers.

    A log knows the instant it was recorded, so a screen answered earlier the same
    day does not cover it; a morning check is compared by its day.
    """
    painful: list[tuple[dt.date, dt.datetime | None, int]] = [
        (
            log.date,
            log.recorded_at,
            max([log.pain_0_10, *(e.pain_0_10 or 0 for e in log.exercises)]),
        )
        for log in sessions
    ]
    painful += [(c.date, None, c.pain_0_10) for c in checks if c.pain_0_10 is not None]
    painful = [p for p in painful if needs_red_flag_screen(p[2])]
    if not painful:
        return None
    day, at, pain = max(painful, key=lambda p: (p[0], p[1] is not None, p[1] or _EPOCH, p[2]))
    for answered in screens:
        if at is not None and answered.recorded_at >= at:
            return None
        if at is None and answered.date >= day:
            return None
    return screen_decision(day, pain)


def screen_decision(day: dt.date, pain_0_10: int) -> RuleDecision:
    """The request to answer the red-flag questions after pain of 7/10 or more on `day`."""
    reason = f"Pain {pain_0_10}/10 on {day_label(day)}: please answer the red-flag questions first."
    return RuleDecision(Rule.RED_FLAG_SCREEN, day, None, reason, "footcore-design")


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def safety_events(screens: Sequence[Screen], clearances: Sequence[Clearance]) -> list[SafetyEvent]:
    events = [screen_event(s) for s in screens]
    events += [clearance_event(c) for c in clearances]
    return events


def screen_event(screen: Screen) -> SafetyEvent:
    return SafetyEvent(screen.recorded_at, SafetyKind.SCREEN, screen.findings, screen.date)


def clearance_event(clearance: Clearance) -> SafetyEvent:
    """A clearance as a safety event. One with no recorded instant (older callers)
    counts from the end of its day, so it still lifts flags of that day recorded before it."""
    at = clearance.recorded_at or dt.datetime.combine(clearance.date, dt.time.max, tzinfo=dt.UTC)
    return SafetyEvent(at, SafetyKind.CLEARANCE, (), clearance.date)


def stop_day(stop: StopState, screens: Sequence[Screen]) -> dt.date | None:
    if stop.since is None:
        return None
    return next((s.date for s in screens if s.recorded_at == stop.since), None)


def settled_by_session_day(checks: Sequence[MorningCheck]) -> dict[dt.date, bool]:
    """Whether each session day's pain settled: any 'no', or morning pain above 5/10, is no."""
    settled: dict[dt.date, bool] = {}
    for check in checks:
        ok = check.settled and (check.pain_0_10 is None or check.pain_0_10 <= ACCEPTABLE_MAX)
        settled[check.session_date] = settled.get(check.session_date, True) and ok
    return settled
