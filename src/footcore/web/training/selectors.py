"""Training queries: the stored profile and the materialised plan."""

from __future__ import annotations

import datetime as dt
import json
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
from footcore.domain.prescription import Prescription
from footcore.domain.prescription_serialize import prescription_from_dict
from footcore.domain.profile import Profile, parse_profile
from footcore.domain.serialize import dose_from_dict
from footcore.web.training.models import (
    CalendarFeed,
    PlannedSession,
    RunnerProfile,
    StoredPrescription,
)


def get_profile(user: User) -> Profile | None:
    data = RunnerProfile.objects.filter(user=user).values_list("data", flat=True).first()
    return None if data is None else _parsed(json.dumps(data, sort_keys=True))


@lru_cache(maxsize=1024)
def _parsed(text: str) -> Profile:
    """Profiles are frozen values, so one parse serves every request that stores the same."""
    return parse_profile(json.loads(text))


def get_warnings(user: User) -> list[str]:
    row = RunnerProfile.objects.filter(user=user).only("warnings").first()
    return [] if row is None else list(row.warnings)


def _session(row: PlannedSession) -> SessionValue:
    return SessionValue(
        date=row.date,
        kind=SessionKind(row.kind),
        items=tuple(
            PlanItem(
                exercise=i["exercise"],
                variant=i["variant"],
                dose=dose_from_dict(i["dose"]),
                reason=i["reason"],
            )
            for i in row.items
        ),
        estimated_s=row.estimated_s,
        reason=row.reason,
    )


def stored_plan(user: User, warnings: list[str] | None = None) -> Plan:
    """The plan as stored: past sessions as they were, future ones as last planned."""
    weeks: dict[int, tuple[WeekKind, list[SessionValue]]] = {}
    for row in PlannedSession.objects.filter(user=user).order_by("date", "kind"):
        weeks.setdefault(row.week_index, (WeekKind(row.week_kind), []))[1].append(_session(row))
    return Plan(
        weeks=tuple(
            PlanWeek(
                index=index,
                start=sessions[0].date - dt.timedelta(days=sessions[0].date.weekday()),
                kind=kind,
                sessions=tuple(sessions),
            )
            for index, (kind, sessions) in sorted(weeks.items())
        ),
        warnings=tuple(warnings or ()),
    )


def sessions_on(user: User, day: dt.date) -> list[SessionValue]:
    return [_session(r) for r in PlannedSession.objects.filter(user=user, date=day)]


@dataclass(frozen=True, slots=True)
class NextSession:
    date: dt.date
    kind: str


def next_session(user: User, after: dt.date) -> NextSession | None:
    row = (
        PlannedSession.objects.filter(user=user, date__gt=after)
        .order_by("date", "kind")
        .values("date", "kind")
        .first()
    )
    return None if row is None else NextSession(row["date"], row["kind"])


def active_feed(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


def feed_owner(token: str) -> User | None:
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    return None if feed is None else feed.user


def current_prescription(user: User) -> Prescription | None:
    """The runner's prescription at its highest version, or None before the first plan."""
    row = StoredPrescription.objects.filter(user=user).order_by("-version").first()
    return None if row is None else prescription_from_dict(row.data)
