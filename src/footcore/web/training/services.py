"""Training use cases: storing the profile (which replans) and the calendar feed."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from footcore.domain.profile import Profile, parse_profile
from footcore.domain.runner import ProfileSaved
from footcore.web.runner.services import apply_change
from footcore.web.training.models import CalendarFeed


def save_profile(*, user: User, data: Mapping[str, object], today: dt.date) -> Profile:
    """Validate and store the runner's profile, then replan the sessions still ahead.

    Raises `Invalid` (naming each bad field) before anything is written. Sessions
    before `today`, and any session logged today, are never rewritten.
    """
    profile = parse_profile(data)
    apply_change(user=user, change=ProfileSaved(profile), today=today)
    return profile


def create_feed(*, user: User) -> CalendarFeed:
    """A new secret feed URL; any earlier feed of the user is revoked in the same step."""
    with transaction.atomic():
        revoke_feeds(user=user)
        return CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))


def revoke_feeds(*, user: User) -> int:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
