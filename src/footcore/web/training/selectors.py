"""Training queries: the stored profile and the materialised plan."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.auth.models import User

from footcore.domain.plan import (
    Plan,
    PlanItem,
    PlanWeek,
    SessionKind,
    WeekKind,
)
from footcore.domain.plan import PlannedSession as SessionValue
from footcore.domain.plan_serialize import item_from_dict
from footcore.domain.prescription import Prescription
from footcore.domain.prescription_serialize import prescription_from_dict
from footcore.domain.profile import Profile, parse_profile
from footcore.web import reads
from footcore.web.training.models import (
    CalendarFeed,
    RunnerProfile,
)


def get_profile(user: User) -> Profile | None:
    row = reads.first(reads.PROFILE_SQL, user.pk)
    return None if row is None else _parsed(row[0])


def parsed_profile(data: object) -> Profile:
    """The stored profile's JSON form as a `Profile` (parsed once per distinct form)."""
    return _parsed(json.dumps(data, sort_keys=True))


@lru_cache(maxsize=1024)
def _parsed(text: str) -> Profile:
    """Profiles are frozen values, so one parse serves every request that stores the same."""
    return parse_profile(json.loads(text))


def get_warnings(user: User) -> list[str]:
    row = RunnerProfile.objects.filter(user=user).only("warnings").first()
    return [] if row is None else list(row.warnings)


@dataclass(frozen=True, slots=True)
class PlanHeader:
    profile: Profile
    warnings: list[str]
    notes: dict[int, tuple[str, ...]]
    """The planner's notes per week index, as stored with the plan."""


def plan_header(user: User) -> PlanHeader | None:
    """The profile with the stored plan's warnings and week notes, in one query."""
    row = reads.first(reads.PLAN_HEADER_SQL, user.pk)
    if row is None:
        return None
    data, warnings, notes = row
    return PlanHeader(
        _parsed(data),
        list(json.loads(warnings)),
        {int(k): tuple(v) for k, v in json.loads(notes or "{}").items()},
    )


_KINDS = {kind.value: kind for kind in SessionKind}
"""Stored kinds are the enum's values (the model's choices): a lookup per row, not a call."""


@lru_cache(maxsize=2048)
def stored_items(text: str) -> tuple[PlanItem, ...]:
    """A planned session's items from their stored JSON text. Frozen values, so one
    parse serves every request that reads the same text."""
    return tuple(item_from_dict(i) for i in json.loads(text))


def stored_plan(
    user: User,
    warnings: list[str] | None = None,
    notes: Mapping[int, tuple[str, ...]] | None = None,
) -> Plan:
    """The plan as stored: past sessions as they were, future ones as last planned,
    with the planner's week notes and warnings."""
    weeks: dict[int, tuple[WeekKind, list[SessionValue]]] = {}
    # The items as their stored text: the same few lists of items repeat across a plan
    # and across requests, so each text is parsed once (`stored_items`).
    for index, week_kind, date, kind, items, estimated_s, reason in reads.rows(
        reads.PLAN_SQL, user.pk
    ):
        session = SessionValue(date, _KINDS[kind], stored_items(items), estimated_s, reason)
        week = weeks.get(index)
        if week is None:
            week = weeks[index] = (WeekKind(week_kind), [])
        week[1].append(session)
    notes = notes or {}
    return Plan(
        weeks=tuple(
            PlanWeek(
                index=index,
                start=sessions[0].date - dt.timedelta(days=sessions[0].date.weekday()),
                kind=kind,
                sessions=tuple(sessions),
                notes=notes.get(index, ()),
            )
            for index, (kind, sessions) in sorted(weeks.items())
        ),
        warnings=tuple(warnings or ()),
    )


def sessions_on(user: User, day: dt.date) -> list[SessionValue]:
    return [
        SessionValue(date, _KINDS[kind], stored_items(items), estimated_s, reason)
        for date, kind, items, estimated_s, reason in reads.rows(reads.DAY_SQL, user.pk, day)
    ]


@dataclass(frozen=True, slots=True)
class NextSession:
    date: dt.date
    kind: str


def next_session(user: User, after: dt.date) -> NextSession | None:
    row = reads.first(reads.NEXT_SQL, user.pk, after)
    return None if row is None else NextSession(row[0], row[1])


def active_feed(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


def active_feed_token(user: User) -> str | None:
    """The token of the runner's calendar feed in force, if any (one plain read)."""
    row = reads.first(reads.FEED_SQL, user.pk)
    return None if row is None else str(row[0])


def feed_owner(token: str) -> User | None:
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    return None if feed is None else feed.user


def current_prescription(user: User) -> Prescription | None:
    """The runner's prescription at its highest version, or None before the first plan."""
    row = reads.first(reads.PRESCRIPTION_SQL, user.pk)
    return None if row is None else _prescription(row[0])


@lru_cache(maxsize=256)
def _prescription(text: str) -> Prescription:
    """Prescriptions are frozen values: one parse serves every read of the same text."""
    return prescription_from_dict(json.loads(text))
