"""Queries over logged sessions, check-ins and safety answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.contrib.auth.models import User

from footcore.domain.plan import ExerciseAdjustment


def adjustments_for(user: User, today: dt.date) -> Mapping[str, ExerciseAdjustment]:
    """The adaptation rules' changes to apply to sessions from `today` on."""
    return {}
