"""Small builders for web tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.test import Client


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


def answer_screen(client: Client) -> None:
    """Answer every red-flag question no on the safety page, as a runner with pain
    (the default profile) must before the first session."""
    from footcore.domain.safety import RED_FLAG_QUESTIONS

    answers = {q.field: "no" for q in RED_FLAG_QUESTIONS}
    assert client.post("/safety", answers).status_code == 302


def screen_user(user: User, today: dt.date) -> None:
    """The same screen, stored through the service (for CLI and service-level tests)."""
    from footcore.domain.safety import RED_FLAG_QUESTIONS
    from footcore.web.sessions.services import record_red_flags

    record_red_flags(user=user, answers={q.field: False for q in RED_FLAG_QUESTIONS}, today=today)
