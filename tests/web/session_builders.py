"""Builders for session-log, check-in and safety tests."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import time_machine
from django.contrib.auth.models import User
from django.test import Client

from footcore.domain.safety import RED_FLAG_QUESTIONS
from footcore.web.training.models import PlannedSession
from tests.web.builders import form_data

BEFORE_START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
TUE = dt.date(2026, 12, 8)
THU = dt.date(2026, 12, 10)
SUN = dt.date(2026, 12, 13)


def evening(day: dt.date) -> dt.datetime:
    """18:00 UTC: the same day in Europe/Berlin, the form's time zone."""
    return dt.datetime(day.year, day.month, day.day, 18, 0, tzinfo=dt.UTC)


def morning(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 7, 0, tzinfo=dt.UTC)


def all_no(**yes: bool) -> dict[str, bool]:
    """A complete red-flag screen: every question no, except those given."""
    return {q.field: yes.get(q.field, False) for q in RED_FLAG_QUESTIONS}


def onboard(client: Client, *, screen: bool = True) -> None:
    """Save the default profile (pain in the ball of the foot) and, unless told not
    to, answer the red-flag screen it calls for before the first session."""
    with time_machine.travel(BEFORE_START, tick=False):
        assert client.post("/profile", form_data()).status_code == 302
        if screen:
            answers = dict.fromkeys(all_no(), "no")
            assert client.post("/safety", answers).status_code == 302


def planned_items(user: User, day: dt.date, kind: str = "strength") -> list[dict[str, Any]]:
    return list(PlannedSession.objects.get(user=user, date=day, kind=kind).items)


def item_for(user: User, day: dt.date, exercise: str) -> dict[str, Any] | None:
    return next((i for i in planned_items(user, day) if i["exercise"] == exercise), None)


def log_body(
    user: User,
    day: dt.date,
    *,
    pain: int = 0,
    difficulty: str | None = "just-right",
    key: str | None = None,
    hurt: str | None = None,
    **over: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "date": day.isoformat(),
        "kind": "strength",
        "idempotency_key": key or uuid.uuid4().hex,
        "exercises": [
            {
                "exercise": i["exercise"],
                "variant": i["variant"],
                "side": None,
                "done": True,
                "sets_done": i["dose"].get("sets", 1),
            }
            for i in planned_items(user, day)
        ],
        "difficulty": difficulty,
        "pain_0_10": pain,
        "pain_site": "shin" if pain else None,
        "notes": "",
    }
    if hurt is not None:
        # Pain in one exercise only: the session's own score stays low.
        for entry in body["exercises"]:
            if entry["exercise"] == hurt:
                entry["pain_0_10"] = pain
        body["pain_0_10"] = 0
        body["pain_site"] = None
    body.update(over)
    return body


def post_json(client: Client, path: str, body: dict[str, Any], when: dt.datetime) -> Any:
    with time_machine.travel(when, tick=False):
        response = client.post(path, json.dumps(body), content_type="application/json")
    return response


def get_page(client: Client, path: str, when: dt.datetime) -> Any:
    with time_machine.travel(when, tick=False):
        response = client.get(path)
    return response


def post_log_form(
    client: Client, day: dt.date, *, difficulty: str, pain: int, site: str = ""
) -> Any:
    """Fill the day's log page as a runner would: every item done, one set each, then
    submit it in the evening. Answers the POST's response."""
    form = get_page(client, f"/log/{day.isoformat()}", evening(day)).context["form"]
    data = {
        "idempotency_key": form.initial["idempotency_key"],
        "difficulty": difficulty,
        "pain_0_10": str(pain),
        "pain_site": site,
    }
    for i, _ in enumerate(form.items):
        data[f"status_{i}"] = "done"
        data[f"sets_{i}"] = "1"
    with time_machine.travel(evening(day), tick=False):
        return client.post(f"/log/{day.isoformat()}", data)
