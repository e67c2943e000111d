"""The stop: one program state, worked out from the ordered safety history.

Every door (pages, API, CLI, calendar, PDF) asks `program_gate` the same question:
may this runner be shown exercises and log a session now? The answer comes from the
red-flag screens and clearances in the order they were recorded (instants, not
dates, and never the profile's time zone), and from whether a screen is owed before
loading (`screen_before_loading`) or after pain reached the threshold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from footcore.domain.logbook import RedFlagAnswers
from footcore.domain.problems import Problem
from footcore.domain.safety import (
    RED_FLAG_QUESTIONS,
    RED_FLAG_SCREEN_FROM,
    QuestionKind,
)
from footcore.domain.vocab import Concern, PainSite

BONE_STRESS_SITES = frozenset({PainSite.SHIN, PainSite.HEEL, PainSite.BALL_OF_FOOT, PainSite.ARCH})
"""Where bone stress injuries of runners sit: shin, metatarsals, navicular, heel
(`warden-2014`, secondary source)."""


class Gate(StrEnum):
    OPEN = "open"
    """Train as planned."""
    SCREEN_FIRST = "screen-first"
    """Answer the red-flag questions before any exercise is shown or logged."""
    STOPPED = "stopped"
    """A red flag is open: no exercises until a clinician's clearance is recorded."""


class SafetyKind(StrEnum):
    SCREEN = "screen"
    CLEARANCE = "clearance"


@dataclass(frozen=True, slots=True)
class SafetyEvent:
    """One stored screen or clearance, as recorded."""

    recorded_at: dt.datetime
    """The instant it was stored (time-zone aware)."""
    kind: SafetyKind
    reasons: tuple[str, ...] = ()
    """For a screen: what it found that stops training (empty: nothing)."""
    day: dt.date | None = None
    """The runner's day it was answered or recorded on (names the stop's start)."""

    def __post_init__(self) -> None:
        if self.recorded_at.tzinfo is None:
            raise ValueError("recorded_at must carry a time zone")


@dataclass(frozen=True, slots=True)
class StopState:
    stopped: bool
    since: dt.datetime | None
    """When the open stop began (the first flag after the last clearance)."""
    reasons: tuple[str, ...]
    """Every finding since then, each once, in the order reported."""
    screened: bool
    """Any screen at all was answered."""
    last_screen_at: dt.datetime | None


def stop_state(events: Iterable[SafetyEvent]) -> StopState:
    """Replay screens and clearances by the instant they were recorded.

    A screen with a finding stops self-guided training; a clearance lifts every stop
    recorded before it, and only those: a flag recorded after a clearance on the same
    day stays open (`ottawa-rules`, `warden-2014`; the ordering is `footcore-design`).
    Ties on the instant keep the screen after the clearance, the safer reading.
    """
    ordered = sorted(events, key=lambda e: (e.recorded_at, e.kind is SafetyKind.SCREEN))
    since: dt.datetime | None = None
    reasons: list[str] = []
    screens = [e for e in ordered if e.kind is SafetyKind.SCREEN]
    for event in ordered:
        if event.kind is SafetyKind.CLEARANCE:
            since, reasons = None, []
        elif event.reasons:
            since = since or event.recorded_at
            reasons.extend(r for r in event.reasons if r not in reasons)
    return StopState(
        stopped=since is not None,
        since=since,
        reasons=tuple(reasons),
        screened=bool(screens),
        last_screen_at=screens[-1].recorded_at if screens else None,
    )


def screen_problems(answers: Mapping[str, object]) -> list[Problem]:
    """Every question a screen left out or answered with something other than yes/no,
    and every key that is no question. An empty screen names all the questions."""
    problems: list[Problem] = []
    known = {q.field for q in RED_FLAG_QUESTIONS}
    for key in sorted(set(answers) - known):
        problems.append(Problem(f"answers.{key}", "no such red-flag question"))
    for q in RED_FLAG_QUESTIONS:
        if q.field not in answers:
            problems.append(Problem(f"answers.{q.field}", f"not answered: {q.question}"))
        elif not isinstance(answers[q.field], bool):
            problems.append(Problem(f"answers.{q.field}", "must be yes (true) or no (false)"))
    return problems


def screen_findings(answers: RedFlagAnswers, *, pain_now: bool) -> tuple[str, ...]:
    """What in a complete screen stops self-guided training, in question order.

    Any red flag stops. A bone-stress risk factor (a recent rise in training, an
    earlier bone stress injury, low energy availability or menstrual changes;
    `warden-2014`, secondary source) stops only with pain now at a site where bone
    stress injuries occur (`BONE_STRESS_SITES`) or pain at the screening threshold:
    a risk factor alone is not a finding, a risk factor with that pain warrants a
    clinician's look (`footcore-design`).
    """
    found = []
    risks = []
    for q in RED_FLAG_QUESTIONS:
        if not getattr(answers, q.field):
            continue
        if q.kind is QuestionKind.RED_FLAG:
            found.append(q.summary)
        else:
            risks.append(q.summary)
    if risks and pain_now:
        found.append(f"pain now with a bone-stress risk factor ({'; '.join(risks)})")
    return tuple(found)


def pain_now(pain_sites: Iterable[PainSite], *, latest_pain_0_10: int | None) -> bool:
    """Pain that makes a bone-stress risk factor count: at a bone-stress site now, or a
    session or morning pain at the screening threshold (`RED_FLAG_SCREEN_FROM`)."""
    at_bone = any(site in BONE_STRESS_SITES for site in pain_sites)
    return at_bone or (latest_pain_0_10 is not None and latest_pain_0_10 >= RED_FLAG_SCREEN_FROM)


def screen_before_loading(pain_sites: Sequence[PainSite], concerns: Sequence[Concern]) -> bool:
    """True for a runner who must answer the red-flag questions before the first
    session: current pain anywhere, or a history of stress fracture (a bone-stress
    risk factor, `warden-2014`). Everyone else is invited but not held (`footcore-design`)."""
    return bool(pain_sites) or Concern.STRESS_FRACTURE_HISTORY in concerns


@dataclass(frozen=True, slots=True)
class GateDecision:
    gate: Gate
    reason: str | None
    """Why no exercises are shown, in plain words; None when open."""

    @property
    def open(self) -> bool:
        return self.gate is Gate.OPEN


SEE_A_CLINICIAN = (
    "Please see a clinician (a doctor or physical therapist) before training again; "
    "footcore restarts once their clearance is recorded."
)


def program_gate(
    stop: StopState,
    *,
    screen_owed_before_loading: bool,
    pain_screen_due: bool,
    since_label: str | None = None,
) -> GateDecision:
    """The one answer every door gives: stopped beats a screen owed beats open."""
    if stop.stopped:
        when = f" since {since_label}" if since_label else ""
        reason = f"Training is stopped{when}: you reported {'; '.join(stop.reasons)}. " + (
            SEE_A_CLINICIAN
        )
        return GateDecision(Gate.STOPPED, reason)
    if pain_screen_due:
        return GateDecision(
            Gate.SCREEN_FIRST,
            f"Pain reached {RED_FLAG_SCREEN_FROM}/10 or more: answer the red-flag "
            "questions before the next session.",
        )
    if screen_owed_before_loading and not stop.screened:
        return GateDecision(
            Gate.SCREEN_FIRST,
            "You have pain now or a history of stress fracture: answer the red-flag "
            "questions before your first session.",
        )
    return GateDecision(Gate.OPEN, None)
