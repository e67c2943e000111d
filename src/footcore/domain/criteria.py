"""Whose pain it is, and whether pain is rising: the parts of the progression criterion
that read pain (evidence.md §3.1, §3.4).

The culprit of a painful session is the exercise the runner rated painful; when no
exercise carries its own score, the session's pain is put on the exercises that load
the painful site, and on every exercise when no site is named. Which exercise loads
which site is footcore's own table, from the exercises' targets in the catalog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from footcore.domain.logbook import ExerciseLog, SessionLog
from footcore.domain.vocab import PainSite

PROGRAM = "*"
"""The key of the whole program's own row among the exercises' states: sessions
above 5/10 in a row and the holds they put on every exercise."""

WEEK_DAYS = 7
"""A 'week' for the week-to-week pain rule: the 7 days up to a session, against the 7
before them (footcore's reading of `silbernagel-2007`'s week-to-week rule)."""

_CALF = frozenset({"calf-raises", "toe-walking", "heel-raise-towel", "standing-heel-raise-loaded"})
SITE_LOADERS: Mapping[PainSite, frozenset[str]] = {
    PainSite.BALL_OF_FOOT: frozenset({*_CALF, "single-leg-raise", "big-toe-tap", "toe-yoga"}),
    PainSite.HEEL: frozenset({*_CALF, "heel-walking", "seated-heel-raise-loaded"}),
    PainSite.ARCH: frozenset(
        {*_CALF, "short-foot", "single-leg-raise", "posterior-tibialis-band-inversion"}
    ),
    PainSite.ACHILLES: frozenset({*_CALF, "seated-heel-raise-loaded", "plantar-stretch"}),
    PainSite.SHIN: frozenset({"heel-walking", "shin-curls", "ankle-rotations", "toe-walking"}),
    PainSite.ANKLE: frozenset({*_CALF, "single-leg-raise", "ankle-rotations", "heel-walking"}),
    PainSite.TOES: frozenset({"toe-curls", "toe-spreads", "toe-yoga", "big-toe-tap"}),
}
"""footcore's own table: the exercises that put load through each pain site."""


def loads_site(exercise_id: str, site: PainSite | None) -> bool:
    """Whether `exercise_id` loads `site` (every exercise does when no site is named)."""
    return site is None or exercise_id in SITE_LOADERS.get(site, frozenset())


def exercise_pain(log: SessionLog, exercise_id: str, entries: Sequence[ExerciseLog]) -> int:
    """The pain (0-10) put on one exercise of `log`.

    Its own score when the runner gave one. Else, when another exercise carries its
    own score, the runner has named the culprit and this one gets none; else the
    session's pain when the exercise loads the painful site, and none when it does not.
    """
    own = [e.pain_0_10 for e in entries if e.pain_0_10 is not None]
    if own:
        return max(own)
    if any(e.pain_0_10 is not None for e in log.exercises):
        return 0
    return log.pain_0_10 if loads_site(exercise_id, log.pain_site) else 0


def session_pain(log: SessionLog) -> int:
    """The worst pain of the session, its own score or any exercise's (0-10)."""
    return max([log.pain_0_10, *(e.pain_0_10 or 0 for e in log.exercises)])


def recent_pains(
    pains: Sequence[tuple[dt.date, int]], day: dt.date, pain_0_10: int
) -> list[tuple[dt.date, int]]:
    """`pains` with (day, pain) added, keeping the two weeks up to `day`."""
    oldest = day - dt.timedelta(days=2 * WEEK_DAYS - 1)
    return [(d, p) for d, p in (*pains, (day, pain_0_10)) if oldest <= d <= day]


def pain_rising(pains: Sequence[tuple[dt.date, int]], day: dt.date) -> tuple[int, int] | None:
    """(last week's worst, this week's worst) when this week's is higher, else None.

    'This week' is the 7 days up to `day`, 'last week' the 7 before; with nothing
    logged last week there is nothing to compare.
    """
    split = day - dt.timedelta(days=WEEK_DAYS - 1)
    before = [p for d, p in pains if d < split]
    now = [p for d, p in pains if split <= d <= day]
    if not before or not now or max(now) <= max(before):
        return None
    return max(before), max(now)
