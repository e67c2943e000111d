"""Every planned session offers what can be done with it: play, log, or see the log."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from footcore.web.sessions.models import SessionLogEntry
from tests.web.session_builders import THU, TUE, evening, get_page, log_body, post_json

pytestmark = pytest.mark.django_db


def row(html: str, day: str, kind: str) -> str:
    match = re.search(
        rf'<details class="session {kind}[^"]*" data-date="{day}".*?</details>', html, re.S
    )
    assert match, f"no {kind} row for {day}"
    return match.group(0)


def test_a_plan_row_of_today_can_be_played_or_logged(client: Client, runner: User) -> None:
    html = get_page(client, "/plan", evening(TUE)).content.decode()
    today = row(html, "2026-12-08", "strength")
    assert 'href="/session/2026-12-08">Start' in today
    assert 'href="/log/2026-12-08?kind=strength">Log it without the player' in today


def test_a_future_plan_row_can_be_previewed_but_not_logged(client: Client, runner: User) -> None:
    html = get_page(client, "/plan", evening(TUE)).content.decode()
    later = row(html, THU.isoformat(), "strength")
    assert f'href="/session/{THU.isoformat()}">Preview' in later
    assert "/log/" not in later


def test_a_warm_up_row_plays_the_warm_up(client: Client, runner: User) -> None:
    html = get_page(client, "/plan", evening(TUE)).content.decode()
    warm_up = row(html, "2026-12-07", "activation")
    assert 'href="/session/2026-12-07?kind=activation">Start' in warm_up


def test_a_logged_session_offers_its_log_on_the_plan_and_today(
    client: Client, runner: User
) -> None:
    assert post_json(client, "/api/logs", log_body(runner, TUE), evening(TUE)).status_code == 201
    assert SessionLogEntry.objects.filter(user=runner).count() == 1
    html = get_page(client, "/plan", evening(TUE)).content.decode()
    logged = row(html, "2026-12-08", "strength")
    assert "Logged" in logged
    assert 'href="/log/2026-12-08?kind=strength">See the log' in logged
    assert "Start" not in logged
    today = get_page(client, "/today", evening(TUE)).content.decode()
    assert 'href="/log/2026-12-08?kind=strength">See the log' in today


def test_a_future_day_cannot_be_logged_yet(client: Client, runner: User) -> None:
    response = get_page(client, f"/log/{THU.isoformat()}", evening(TUE))
    html = response.content.decode()
    assert response.status_code == 200
    assert "cannot be logged yet" in html
    assert 'name="difficulty"' not in html


def test_a_log_sent_for_a_future_day_is_refused_and_nothing_is_stored(
    client: Client, runner: User
) -> None:
    import time_machine

    with time_machine.travel(evening(TUE), tick=False):
        response = client.post(f"/log/{THU.isoformat()}", {"difficulty": "just-right"})
    assert response.status_code == 400
    assert "cannot be logged yet" in response.content.decode()
    assert not SessionLogEntry.objects.exists()
