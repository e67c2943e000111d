"""Reads behind the progress page, its charts, the PDF report and `footcore progress`.

Four queries whatever the history: the profile, the planned sessions in the window, the
session logs in the window, and the self-test results (each test and side's last
`TREND_POINTS`, and those in the window: bounded rows, never the whole history). Nothing
is written. Rows become the domain's inputs
(`PlannedSlot`, `SessionRecord`, `AssessmentResult`) and `summarize` does the rest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.contrib.auth.models import User

from footcore.domain.plan import SessionKind
from footcore.domain.profile import Profile
from footcore.domain.progress import PlannedSlot, SessionRecord, week_start
from footcore.domain.progress_summary import (
    TREND_POINTS,
    WINDOW_WEEKS,
    ProgressSummary,
    summarize,
)
from footcore.domain.vocab import Sex
from footcore.web import reads
from footcore.web.assessments.selectors import recent_rows_for, stored_results
from footcore.web.runner_clock import runner_today
from footcore.web.training.selectors import get_profile

KINDS = {kind.value: kind for kind in SessionKind}
"""A stored kind's value -> the kind, without the enum's own lookup per row."""
PARTLY_DONE_CREDIT = 0.5
"""footcore-design: an exercise started but not finished counts as half of it done."""


@dataclass(frozen=True, slots=True)
class Progress:
    summary: ProgressSummary
    profile: Profile | None
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """What an adapter works out from `summary` alone (the page's rows), kept with it:
    the summary, and this with it, is shared while the rows read stay the same
    (`window_summary`). Filled once, never changed after."""

    def chart_version(self, *parts: object) -> str:
        """A short digest of a chart's data, so its URL changes when the chart does."""
        return hashlib.blake2s(repr(parts).encode(), digest_size=6).hexdigest()


def progress_for(user: User, *, today: dt.date | None = None) -> Progress:
    """The runner's progress up to `today` (default: today in the runner's time zone)."""
    profile = get_profile(user)
    day = today if today is not None else runner_today(profile)
    earliest = week_start(day) - dt.timedelta(weeks=WINDOW_WEEKS - 1)
    latest = week_start(day) + dt.timedelta(days=6)
    planned = tuple(reads.rows(reads.PLANNED_WINDOW_SQL, user.pk, earliest, latest))
    # Only the version in force: a corrected log counts once, as corrected.
    logs = tuple(
        (date, kind, stored_fraction(text), pain)
        for date, kind, text, pain in reads.rows(reads.LOGS_WINDOW_SQL, user.pk, earliest, day)
    )
    tests = tuple(recent_rows_for(user, points=TREND_POINTS, since=earliest, until=day))
    age = None if profile is None else profile.age
    sex = None if profile is None else profile.sex
    summary, derived = window_summary(planned, logs, tests, day, age, sex)
    return Progress(summary, profile, derived)


@lru_cache(maxsize=64)
def window_summary(
    planned: tuple[tuple[dt.date, str, int], ...],
    logs: tuple[tuple[dt.date, str, float, int | None], ...],
    tests: tuple[tuple[Any, ...], ...],
    day: dt.date,
    age: float | None,
    sex: Sex | None,
) -> tuple[ProgressSummary, dict[str, Any]]:
    """The summary of the rows read (and a place for what is derived from it), made
    once per worker for the same rows: the page and each of its charts (two, and one
    per self-test) read the same rows in turn, and a page viewed again reads them
    again. The rows are read every time, so new data always makes a new summary; the
    summary is a frozen value, so it is shared."""
    earliest = week_start(day) - dt.timedelta(weeks=WINDOW_WEEKS - 1)
    results = stored_results(list(tests))
    tested = {r.date for r in results if earliest <= r.date <= day}
    summary = summarize(
        [PlannedSlot(date, KINDS[kind]) for date, kind, _ in planned],
        session_records(logs, planned) + assessment_records(tested, planned),
        results,
        today=day,
        age=age,
        sex=sex,
    )
    return summary, {}


def session_records(
    logs: Iterable[tuple[dt.date, str, float, int | None]],
    planned: Iterable[tuple[dt.date, str, int]],
) -> list[SessionRecord]:
    """Session logs `(date, kind, done_fraction, pain_0_10)` as the domain's records;
    `planned` is `(date, kind, estimated_s)` per planned session of the window.

    Logs store what was done per exercise and side, not how long it took, so minutes
    are estimated: the planned session's estimated length times the share done. A log
    with no planned session of its day and kind uses the mean planned length of its
    kind, else of every planned session, so work done never shows as 0 minutes.
    """
    planned_s = {(date, kind): seconds for date, kind, seconds in planned}
    by_kind: dict[str, list[int]] = defaultdict(list)
    for (_, kind), seconds in planned_s.items():
        by_kind[kind].append(seconds)
    every = [s for (_, kind), s in planned_s.items() if kind != SessionKind.ASSESSMENT.value]
    # The means once, not once per log: a window holds dozens of logs.
    mean_s = {kind: sum(seconds) / len(seconds) for kind, seconds in by_kind.items()}
    every_s = sum(every) / len(every) if every else 0
    records = []
    for date, kind, fraction, pain in logs:
        length_s: float | None = planned_s.get((date, kind))
        if length_s is None:
            length_s = mean_s.get(kind, every_s)
        records.append(_record(date, kind, fraction, pain, length_s))
    return records


@lru_cache(maxsize=4096)
def _record(
    date: dt.date, kind: str, fraction: float, pain: int | None, seconds: float
) -> SessionRecord:
    """A log's record, made (and checked) once per worker: the page and each of its
    charts read the same window of logs again, and a record is a frozen value."""
    return SessionRecord(
        date=date,
        done_fraction=fraction,
        minutes=round(seconds * fraction / 60, 1),
        pain_0_10=pain,
        kind=KINDS[kind],
    )


def assessment_records(
    days: Iterable[dt.date], planned: Iterable[tuple[dt.date, str, int]]
) -> list[SessionRecord]:
    """A day with any self-test result counts as a done assessment session: results are
    stored as self-test rows, not as session logs."""
    planned_s = {date: seconds for date, kind, seconds in planned if kind == "assessment"}
    return [
        SessionRecord(
            date=day,
            done_fraction=1.0,
            minutes=round(planned_s.get(day, 0) / 60, 1),
            kind=SessionKind.ASSESSMENT,
        )
        for day in sorted(days)
    ]


@lru_cache(maxsize=4096)
def stored_fraction(text: str) -> float:
    """`done_fraction` of a log's exercises in their stored JSON text. A log's text
    never changes (a correction is a new row), and the page and each of its charts
    read the same logs again, so each text is parsed once per worker."""
    return done_fraction(json.loads(text))


def done_fraction(exercises: object) -> float:
    """Share of a session's logged exercise entries done: a finished one counts 1, one
    started (any set, rep or hold) counts `PARTLY_DONE_CREDIT`, an untouched one 0."""
    if not isinstance(exercises, list) or not exercises:
        return 0.0
    credit = 0.0
    for entry in exercises:
        if not isinstance(entry, dict):
            continue
        if entry.get("done"):
            credit += 1.0
        elif entry.get("sets_done") or entry.get("reps_done") or entry.get("holds_done"):
            credit += PARTLY_DONE_CREDIT
    return min(credit / len(exercises), 1.0)
