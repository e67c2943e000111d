"""Training use cases: storing the profile and (re)materialising the plan."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from footcore.catalog.loader import default_catalog
from footcore.domain.plan import Plan, PlanWeek
from footcore.domain.plan import PlannedSession as PlannedSessionValue
from footcore.domain.planning import build_plan
from footcore.domain.profile import Profile, parse_profile, profile_to_dict
from footcore.domain.serialize import dose_to_dict
from footcore.web.progress.selectors import emphasis_for
from footcore.web.sessions.selectors import adjustments_for
from footcore.web.training.models import CalendarFeed, PlannedSession, RunnerProfile


def save_profile(*, user: User, data: Mapping[str, object], today: dt.date) -> Profile:
    """Validate and store the runner's profile, then replan every session from `today` on.

    Raises `ProfileError` (naming each bad field) before anything is written. Sessions
    before `today` are history and are never rewritten.
    """
    profile = parse_profile(data)
    with transaction.atomic():
        RunnerProfile.objects.update_or_create(
            user=user, defaults={"data": profile_to_dict(profile)}
        )
        replan(user=user, profile=profile, today=today)
    return profile


def replan(*, user: User, profile: Profile, today: dt.date) -> Plan:
    """Replace the sessions dated `today` or later with a fresh plan (one transaction)."""
    plan = build_plan(
        profile,
        default_catalog(),
        adjustments=adjustments_for(user, today),
        emphasis=emphasis_for(user, today),
    )
    with transaction.atomic():
        PlannedSession.objects.filter(user=user, date__gte=today).delete()
        rows = [
            _row(user, week, session)
            for week in plan.weeks
            for session in week.sessions
            if session.date >= today
        ]
        PlannedSession.objects.bulk_create(rows)
        RunnerProfile.objects.filter(user=user).update(warnings=list(plan.warnings))
    return plan


def _row(user: User, week: PlanWeek, session: PlannedSessionValue) -> PlannedSession:
    return PlannedSession(
        user=user,
        date=session.date,
        kind=session.kind.value,
        week_index=week.index,
        week_kind=week.kind.value,
        estimated_s=session.estimated_s,
        reason=session.reason,
        items=[
            {
                "exercise": item.exercise,
                "variant": item.variant,
                "dose": dose_to_dict(item.dose),
                "reason": item.reason,
            }
            for item in session.items
        ],
    )


def create_feed(*, user: User) -> CalendarFeed:
    """A new secret feed URL; any earlier feed of the user is revoked in the same step."""
    with transaction.atomic():
        revoke_feeds(user=user)
        return CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))


def revoke_feeds(*, user: User) -> int:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
