"""The door check, worked out from the stored history without replaying the
adaptation rules: what every page, API route, export and CLI command asks first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from footcore.domain.adaptation import safety_events, screen_due, stop_day
from footcore.domain.logbook import (
    Clearance,
    MorningCheck,
    Screen,
    SessionLog,
    day_label,
)
from footcore.domain.stop import GateDecision, program_gate, stop_state


def door_gate(
    logs: Sequence[SessionLog],
    checks: Sequence[MorningCheck],
    screens: Sequence[Screen],
    clearances: Sequence[Clearance],
    *,
    today: dt.date,
    screen_owed_before_loading: bool,
) -> GateDecision:
    """Stopped (a red flag after the last clearance, by recorded instant), a screen
    owed (before the first session, or since pain reached the threshold), or open.
    The same answer `adapt` and `program_gate` give, for a fraction of the work."""
    stop = stop_state(safety_events(screens, clearances))
    # Only the highest pain matters here: neither order nor a resent copy changes it.
    sessions = [log for log in logs if log.date <= today]
    known = [c for c in checks if c.date <= today]
    since = stop_day(stop, screens)
    return program_gate(
        stop,
        screen_owed_before_loading=screen_owed_before_loading,
        pain_screen_due=screen_due(sessions, known, screens, today) is not None,
        since_label=None if since is None else day_label(since),
    )
