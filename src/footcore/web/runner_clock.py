"""The runner's today, in the runner's time zone: the only clock the web side reads.

Shared by every web app and the CLI; the domain never reads it, it is handed `today`.
It reads the clock as `django.utils.timezone.now()` does with `USE_TZ` on (an aware
UTC instant), without importing Django, so `footcore today` need not start it.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from footcore.domain.profile import Profile


def runner_today(profile: Profile | None) -> dt.date:
    now = dt.datetime.now(dt.UTC)
    if profile is None:
        return now.date()
    return now.astimezone(zoneinfo.ZoneInfo(profile.timezone)).date()
