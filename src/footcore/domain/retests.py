"""Retests of the foot self-tests as plan sessions, every 4 weeks (footcore-design)."""

from __future__ import annotations

import datetime as dt

from footcore.domain.plan import PlannedSession, SessionKind
from footcore.domain.profile import Profile
from footcore.domain.scheduling import RunningWeek
from footcore.domain.steering import RETEST_EVERY_WEEKS, retest_dates

RETEST_S = 900
"""footcore-design: the self-tests, both sides and the FAAM, take about 15 minutes."""
RETEST_REASON = (
    f"Retest: repeat the foot self-tests every {RETEST_EVERY_WEEKS} weeks, before any other"
    " foot work that day (footcore's choice; the foot-core trial, Matias 2016, assessed at 2"
    " and 4 months)"
)
RETEST_SEARCH_DAYS = 9
"""How far a retest may move from its day to avoid a race or the eve of a race or long run."""


def retest_sessions(profile: Profile, calendar: RunningWeek) -> tuple[PlannedSession, ...]:
    """An ASSESSMENT session on each `steering.retest_dates` day (footcore-design).

    A retest that would fall after the plan's last day is held on that last day, so it
    closes the block inside the plan. A day that is a race, the day before a race or the
    day before the long run moves to the nearest day that is none of these (the earlier
    one on a tie), within the plan; the reason says where it came from.
    """
    sessions: list[PlannedSession] = []
    end = profile.end
    for due in retest_dates(profile.start, profile.weeks):
        wanted = min(due, end)
        day = _retest_day(wanted, profile.start, end, profile, calendar)
        if day is None or any(s.date == day for s in sessions):
            continue
        reason = RETEST_REASON
        blocked = calendar.blocked_because(wanted) or (
            None if _clear_of_races(wanted, profile) else "too close to a race"
        )
        if day != wanted and blocked is not None:
            reason += f"; moved from {wanted.isoformat()}, {blocked}"
        sessions.append(PlannedSession(day, SessionKind.ASSESSMENT, (), RETEST_S, reason))
    return tuple(sessions)


def _retest_day(
    wanted: dt.date, start: dt.date, end: dt.date, profile: Profile, calendar: RunningWeek
) -> dt.date | None:
    """The nearest day to `wanted` between `start` and `end` (the earlier on a tie) that
    `calendar` does not block and that is clear of races, or None within the search."""
    for distance in range(RETEST_SEARCH_DAYS + 1):
        offset = dt.timedelta(days=distance)
        for day in (wanted - offset, wanted + offset):
            if (
                start <= day <= end
                and not calendar.is_blocked(day)
                and _clear_of_races(day, profile)
            ):
                return day
    return None


RETEST_CLEAR_DAYS = 5
"""footcore's choice: a retest at least 5 days before a race (fresh legs for the race,
and results not blunted by a taper), and never the day after one."""


def _clear_of_races(day: dt.date, profile: Profile) -> bool:
    return all(
        (race - day).days >= RETEST_CLEAR_DAYS or (day - race).days >= 2 for race in profile.races
    )
