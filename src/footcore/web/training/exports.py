"""Calendar and PDF bytes for a stored plan."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import User

from footcore.domain.catalog import Catalog
from footcore.domain.plan import Plan
from footcore.domain.profile import Profile
from footcore.interchange.pdf_handout import PageSize
from footcore.interchange.plan_files import plan_ics, plan_pdf
from footcore.web.custom_exercises.selectors import runner_catalog
from footcore.web.runner_clock import runner_today
from footcore.web.sessions.selectors import plan_at_the_door


def ics_for(user: User, profile: Profile) -> bytes:
    """The calendar; while training is stopped, no sessions and one entry saying why."""
    today = runner_today(profile)
    plan, gate = plan_at_the_door(user, today)
    stopped = None if gate.open else (today, gate.reason or "")
    # The UID seed is the user's primary key: stable across regenerations and
    # meaningless to anyone who sees the calendar.
    return plan_ics(
        plan,
        _catalog(user, plan),
        profile,
        user_key=f"user-{user.pk}",
        stopped=stopped,
        base_url=settings.FOOTCORE_BASE_URL,
    )


def pdf_for(user: User, *, page: PageSize, today: dt.date) -> bytes:
    """The hand-out; while training is stopped, no exercises, only why."""
    plan, _ = plan_at_the_door(user, today)
    return plan_pdf(plan, _catalog(user, plan), page=page)


def _catalog(user: User, plan: Plan) -> Catalog:
    return runner_catalog(
        user, (i.exercise for w in plan.weeks for s in w.sessions for i in s.items)
    )
