"""One log per session; a correction is an explicit edit that keeps the earlier version."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from footcore.web.sessions.models import SessionLogEntry
from tests.web.session_builders import (
    SUN,
    THU,
    TUE,
    evening,
    get_page,
    item_for,
    log_body,
    post_json,
    post_log_form,
)

pytestmark = pytest.mark.django_db


def test_a_second_different_log_of_a_session_is_refused_pointing_to_a_correction(
    client: Client, runner: User
) -> None:
    assert post_json(client, "/api/logs", log_body(runner, TUE), evening(TUE)).status_code == 201
    again = post_json(client, "/api/logs", log_body(runner, TUE, pain=4), evening(TUE))
    assert again.status_code == 409
    assert again.json()["problems"][0]["field"] == "session"
    assert "/api/logs/corrections" in again.json()["detail"]
    assert SessionLogEntry.objects.count() == 1


def test_a_correction_replaces_the_log_for_the_plan_and_keeps_the_earlier_version(
    client: Client, runner: User
) -> None:
    painful = log_body(runner, TUE, pain=6, hurt="shin-curls")
    post_json(client, "/api/logs", painful, evening(TUE))
    before = item_for(runner, THU, "shin-curls")
    assert before is not None
    assert "back one step" in before["reason"]
    # The next day the runner sees it was a typo: 0, not 6.
    fixed = post_json(client, "/api/logs/corrections", log_body(runner, TUE), evening(THU))
    assert fixed.status_code == 201
    versions = SessionLogEntry.objects.filter(user=runner, date=TUE).order_by("version")
    assert [(v.version, v.replaced_at is not None) for v in versions] == [(1, True), (2, False)]
    kept = {e["exercise"]: e.get("pain_0_10") for e in versions[0].exercises}
    assert kept["shin-curls"] == 6
    item = item_for(runner, SUN, "shin-curls")
    assert item is not None
    assert "back one step" not in item["reason"]


def test_a_correction_of_a_session_never_logged_is_refused(client: Client, runner: User) -> None:
    response = post_json(client, "/api/logs/corrections", log_body(runner, TUE), evening(TUE))
    assert response.status_code == 409
    assert "log it first" in response.json()["detail"]


def test_the_log_page_of_a_logged_session_shows_it_and_offers_a_correction(
    client: Client, runner: User
) -> None:
    post_json(client, "/api/logs", log_body(runner, TUE, pain=3), evening(TUE))
    page = get_page(client, f"/log/{TUE.isoformat()}", evening(TUE))
    html = page.content.decode()
    assert page.status_code == 200
    assert "is logged" in html
    assert '<strong class="logged-pain">3/10</strong>' in html
    assert "Correct this log" in html
    assert page.context["form"].initial["pain_0_10"] == 3
    response = post_log_form(client, TUE, difficulty="just-right", pain=1)
    assert response.status_code == 302
    after = get_page(client, f"/log/{TUE.isoformat()}", evening(TUE)).content.decode()
    assert '<strong class="logged-pain">1/10</strong>' in after
    assert "Earlier versions" in after
    assert "pain 3/10" in after
    assert SessionLogEntry.objects.filter(user=runner, date=TUE).count() == 2


def test_a_corrected_session_counts_once_in_progress_with_the_corrected_pain(
    client: Client, runner: User
) -> None:
    from footcore.web.progress.selectors import progress_for

    post_json(client, "/api/logs", log_body(runner, TUE, pain=6), evening(TUE))
    fixed = post_json(client, "/api/logs/corrections", log_body(runner, TUE, pain=2), evening(THU))
    assert fixed.status_code == 201

    summary = progress_for(runner, today=THU).summary
    week = next(w for w in summary.pain if w.week_start <= TUE)
    assert (week.sessions, week.max_0_10) == (1, 2)
    assert summary.tally.logged == 1
