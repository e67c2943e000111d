"""The runner's today, in the runner's time zone: the only clock the web side reads.

Shared by every web app and the CLI; the domain never reads it, it is handed `today`.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import timezone

from footcore.domain.profile import Profile


def runner_today(profile: Profile | None) -> dt.date:
    now = timezone.now()
    if profile is None:
        return now.date()
    return now.astimezone(zoneinfo.ZoneInfo(profile.timezone)).date()
