"""Four weeks of a runner's use, for progress tests and screenshots.

The plan comes from the real profile flow; logs and self-test results are written
straight to the tables (as the logging and assessment services would store them), so
the pattern is exact: in weeks 1-4 every planned session is done except a few that are
partly done or missed, pain eases from 4/10 to 1/10, and heel raises are tested on
both sides in week 1 and week 5.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from footcore.web.assessments.models import AssessmentEntry
from footcore.web.runner.services import rebuild_state
from footcore.web.sessions.models import SessionLogEntry
from footcore.web.training.models import PlannedSession
from footcore.web.training.services import save_profile
from tests.web.builders import profile_data

START = dt.date(2026, 12, 7)
"""A Monday: the plan's first day."""
TODAY = dt.date(2027, 1, 6)
"""Wednesday of week 5, after four full weeks."""
NOW = dt.datetime(2027, 1, 6, 18, 0, tzinfo=dt.UTC)
"""A moment on `TODAY` in the profile's time zone (Europe/Berlin), for `time_machine`."""
PARTLY = {("strength", 2), ("strength", 7)}
MISSED = {("strength", 5), ("activation", 9), ("activation", 13)}
PAIN_BY_WEEK = (4, 3, 2, 1, 1)
"""Worst session pain in each week of the plan."""
HEEL_RAISES = (
    (START, "left", 18),
    (START, "right", 24),
    (dt.date(2027, 1, 4), "left", 26),
    (dt.date(2027, 1, 4), "right", 27),
)
"""Left is 25% weaker at first (flagged), then catches up by 8 reps (a real change)."""


@dataclass(frozen=True, slots=True)
class Seeded:
    user: User
    planned: int
    """Planned sessions dated before `TODAY`."""
    done: int
    partly: int
    missed: int


def seed_four_weeks(user: User, *, age: int = 35, sex: str = "female") -> Seeded:
    """Plan from `START`, then log the sessions before `TODAY`: all done except the
    `PARTLY` strength sessions and the `MISSED` ones (counted per kind, from 0)."""
    save_profile(user=user, data=profile_data(age=age, sex=sex), today=START)
    past = list(
        PlannedSession.objects.filter(user=user, date__lt=TODAY)
        .exclude(kind="assessment")  # done by the self-test results below
        .order_by("date", "kind")
    )
    seen: dict[str, int] = {}
    done = partly = missed = 0
    logs = []
    for session in past:
        number = seen[session.kind] = seen.get(session.kind, -1) + 1
        if (session.kind, number) in MISSED:
            missed += 1
            continue
        half = (session.kind, number) in PARTLY
        partly += half
        done += not half
        week = (session.date - START).days // 7
        logs.append(
            SessionLogEntry(
                user=user,
                date=session.date,
                kind=session.kind,
                idempotency_key=f"seed-{session.date}-{session.kind}",
                exercises=[
                    _entry(item, done=not half or i == 0) for i, item in enumerate(session.items)
                ],
                difficulty="just-right",
                pain_0_10=max(PAIN_BY_WEEK[week] - number % 2, 0),
            )
        )
    results = [
        AssessmentEntry(
            user=user, date=day, kind="heel-raise", side=side, value=reps, surface="incline"
        )
        for day, side, reps in HEEL_RAISES
    ]
    results += [
        AssessmentEntry(
            user=user,
            date=day,
            kind="balance-eyes-open",
            side=side,
            value={"trials_s": trials},
        )
        for day, side, trials in (
            (START, "left", [22.0, 30.5, 27.0]),
            (START, "right", [35.0, 41.0, 38.0]),
            (dt.date(2027, 1, 4), "left", [28.0, 31.0, 30.0]),
            (dt.date(2027, 1, 4), "right", [44.0, 45.0, 40.0]),
        )
    ]
    with transaction.atomic():
        SessionLogEntry.objects.bulk_create(logs)
        AssessmentEntry.objects.bulk_create(results)
    # Written around the services, so the stored state is rebuilt as after an import.
    rebuild_state(user=user)
    retests = PlannedSession.objects.filter(user=user, kind="assessment", date__lt=TODAY)
    tested = {day for day, _, _ in HEEL_RAISES}
    done += sum(r.date in tested for r in retests)
    missed += sum(r.date not in tested for r in retests)
    return Seeded(user, len(past) + len(retests), done, partly, missed)


def _entry(item: dict[str, object], *, done: bool) -> dict[str, object]:
    return {
        "exercise": item["exercise"],
        "variant": item["variant"],
        "side": None,
        "done": done,
        "sets_done": 2 if done else 1,
        "reps_done": None,
        "holds_done": None,
        "difficulty": None,
        "pain_0_10": None,
    }
