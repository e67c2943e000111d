"""What a clinician needs to see first about a client: adherence, pain and alerts.

Pure: the caller reads the client's logs and passes them in with `today`.
The pain thresholds are evidence.md §3.1's pain-monitoring rules (silbernagel-2007):
up to 5/10 during loading is acceptable, pain must settle by the next morning and must
not rise week to week. The 7-day silence and the 14-day adherence window are footcore's
own choices for a follow-up list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

ACCEPTABLE_PAIN_0_10 = 5
"""Pain during loading above this is not acceptable (silbernagel-2007)."""
ADHERENCE_WINDOW_D = 14
"""footcore's choice: the last two weeks."""
SILENCE_D = 7
"""footcore's choice: a week without any log is worth a call."""
TREND_WINDOW_D = 7


class AlertKind(StrEnum):
    PAIN_HIGH = "pain-high"
    NOT_SETTLED = "not-settled"
    PAIN_RISING = "pain-rising"
    RED_FLAG = "red-flag"
    NO_LOG = "no-log"
    SELF_TEST_CHANGE = "self-test-change"


class Trend(StrEnum):
    RISING = "rising"
    FALLING = "falling"
    STEADY = "steady"


@dataclass(frozen=True, slots=True)
class Alert:
    kind: AlertKind
    on: dt.date
    message: str


@dataclass(frozen=True, slots=True)
class PainEntry:
    on: dt.date
    pain_0_10: int


@dataclass(frozen=True, slots=True)
class MorningEntry:
    session_on: dt.date
    settled: bool


@dataclass(frozen=True, slots=True)
class TestChange:
    on: dt.date
    sentence: str
    real: bool


@dataclass(frozen=True, slots=True)
class FollowUp:
    adherence_percent: int | None
    """Logged of planned strength sessions in the last 14 days; None when none were planned."""
    last_pain_0_10: int | None
    last_log_on: dt.date | None
    trend: Trend | None
    """Mean pain of the last 7 days against the 7 before; None without logs in both."""
    alerts: tuple[Alert, ...]


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def follow_up(
    *,
    today: dt.date,
    since: dt.date,
    logs: Sequence[PainEntry],
    mornings: Sequence[MorningEntry],
    planned: Sequence[dt.date],
    red_flag_on: dt.date | None,
    test_changes: Sequence[TestChange],
) -> FollowUp:
    """The follow-up of one client up to `today`; `since` is when the program began,
    so a new client is not reported silent. Only events of the last 14 days alert."""
    window = today - dt.timedelta(days=ADHERENCE_WINDOW_D)
    past = sorted((e for e in logs if e.on <= today), key=lambda e: e.on)
    recent = [e for e in past if e.on > window]
    planned_recent = {d for d in planned if window < d <= today}
    adherence = None
    if planned_recent:
        done = {e.on for e in recent} & planned_recent
        adherence = round(100 * len(done) / len(planned_recent))
    last = past[-1] if past else None

    week = today - dt.timedelta(days=TREND_WINDOW_D)
    this_week = _mean([e.pain_0_10 for e in past if e.on > week])
    last_week = _mean([e.pain_0_10 for e in past if week - dt.timedelta(days=7) < e.on <= week])
    trend = None
    if this_week is not None and last_week is not None:
        trend = (
            Trend.RISING
            if this_week > last_week
            else Trend.FALLING
            if this_week < last_week
            else Trend.STEADY
        )

    alerts: list[Alert] = []
    if red_flag_on is not None:
        alerts.append(
            Alert(
                AlertKind.RED_FLAG, red_flag_on, "red flag reported: program stopped until cleared"
            )
        )
    alerts.extend(
        Alert(AlertKind.PAIN_HIGH, e.on, f"pain {e.pain_0_10}/10 during the session")
        for e in recent
        if e.pain_0_10 > ACCEPTABLE_PAIN_0_10
    )
    alerts.extend(
        Alert(AlertKind.NOT_SETTLED, m.session_on, "pain had not settled by the next morning")
        for m in mornings
        if not m.settled and window < m.session_on <= today
    )
    if trend is Trend.RISING:
        alerts.append(
            Alert(
                AlertKind.PAIN_RISING,
                today,
                f"weekly pain rising: {last_week:.1f} -> {this_week:.1f} of 10",
            )
        )
    quiet_since = last.on if last is not None else since
    if (today - quiet_since).days >= SILENCE_D:
        alerts.append(
            Alert(AlertKind.NO_LOG, today, f"no log for {(today - quiet_since).days} days")
        )
    alerts.extend(
        Alert(AlertKind.SELF_TEST_CHANGE, c.on, c.sentence)
        for c in test_changes
        if c.real and window < c.on <= today
    )
    alerts.sort(key=lambda a: a.on, reverse=True)
    return FollowUp(
        adherence, last.pain_0_10 if last else None, last.on if last else None, trend, tuple(alerts)
    )
