"""The change path's own reads: one statement for what a change needs, and the events a
refold replays read as the ORM's history reads them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from footcore.web.runner.change_read import refold_tail
from footcore.web.runner.selectors import history
from tests.web.session_builders import SUN, THU, TUE, evening, log_body, morning, post_json

pytestmark = pytest.mark.django_db


def test_the_refold_tail_is_the_stored_history_from_its_day_without_the_screens(
    client: Client, runner: User
) -> None:
    wed = TUE + dt.timedelta(days=1)
    assert (
        post_json(client, "/api/logs", log_body(runner, TUE, pain=6), evening(TUE)).status_code
        == 201
    )
    check = {"session_date": TUE.isoformat(), "settled": False, "pain_0_10": 4}
    assert post_json(client, "/api/checkins", check, morning(wed)).status_code == 201
    assert (
        post_json(client, "/api/logs", log_body(runner, THU, pain=2), evening(THU)).status_code
        == 201
    )
    # Corrected: only the version in force is replayed.
    fixed = log_body(runner, THU, pain=1, notes="it was less")
    assert post_json(client, "/api/logs/corrections", fixed, evening(THU)).status_code == 201
    cleared = post_json(client, "/api/clearance", {"note": "physio: fine"}, evening(THU))
    assert cleared.status_code == 201
    assert post_json(client, "/api/logs", log_body(runner, SUN), evening(SUN)).status_code == 201

    for since in (dt.date.min, TUE, wed, THU, SUN, SUN + dt.timedelta(days=1)):
        orm = history(runner, since)
        assert refold_tail(runner, since) == dataclasses.replace(orm, screens=())

    tail = refold_tail(runner, TUE)
    assert [log.pain_0_10 for log in tail.logs] == [6, 1, 0]
    assert tail.logs[1].notes == "it was less"
    assert tail.checks[0].pain_0_10 == 4
    assert tail.clearances[0].recorded_at == evening(THU)
