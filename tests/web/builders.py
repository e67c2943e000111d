"""Small builders for web tests."""

from __future__ import annotations

import datetime as dt
from typing import Any


def profile_data(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "start": "2026-12-07",
        "weeks": 8,
        "run_days": ["mon", "wed", "fri", "sun"],
        "long_run_day": "sun",
        "hard_days": ["wed"],
        "races": ["2027-01-24"],
        "sessions_per_week": 3,
        "minutes": 10,
        "concerns": ["shin-splints"],
        "pain": ["ball-of-foot"],
        "equipment": ["step", "towel", "chair"],
    }
    data.update(over)
    return data


def form_data(**over: Any) -> dict[str, Any]:
    """The onboarding form's POST body for `profile_data(**over)`."""
    data = profile_data(**over)
    return {
        **{k: v for k, v in data.items() if k not in {"races", "long_run_day"}},
        "races": "\n".join(data["races"]),
        "long_run_day": data["long_run_day"] or "",
        "timezone": data.get("timezone", "Europe/Berlin"),
        "time_of_day": data.get("time_of_day", "07:00"),
    }


DAY = dt.date(2026, 12, 7)
