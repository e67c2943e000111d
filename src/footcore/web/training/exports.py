"""Calendar and PDF bytes for a stored plan."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User

from footcore.domain.profile import Profile
from footcore.interchange.pdf_handout import PageSize
from footcore.interchange.plan_files import plan_ics, plan_pdf
from footcore.web.library.selectors import catalog
from footcore.web.training import selectors


def ics_for(user: User, profile: Profile) -> bytes:
    # The UID seed is the user's primary key: stable across regenerations and
    # meaningless to anyone who sees the calendar.
    return plan_ics(
        selectors.stored_plan(user),
        catalog(),
        profile,
        user_key=f"user-{user.pk}",
        base_url=settings.FOOTCORE_BASE_URL,
    )


def pdf_for(user: User, *, page: PageSize) -> bytes:
    return plan_pdf(selectors.stored_plan(user), catalog(), page=page)
