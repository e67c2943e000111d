"""The log row and the state row written as plain SQL hold what the ORM would store."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from footcore.web.runner.models import RunnerStateRow
from footcore.web.runner.records import log_from_row
from footcore.web.runner.selectors import rebuilt_state, runner_state
from footcore.web.sessions.models import SessionLogEntry
from tests.web.session_builders import TUE, evening, log_body, post_json

pytestmark = pytest.mark.django_db


def test_a_logged_session_reads_back_through_the_orm_as_it_was_sent(
    client: Client, runner: User
) -> None:
    body = log_body(runner, TUE, pain=3, notes="left calf tight")
    response = post_json(client, "/api/logs", body, evening(TUE))
    assert response.status_code == 201, response.content

    row = SessionLogEntry.objects.get(pk=response.json()["id"])
    log = log_from_row(row)
    assert (row.user, row.version, row.replaced_at) == (runner, 1, None)
    assert row.created_at == evening(TUE)
    assert (log.date, log.kind.value, log.idempotency_key) == (
        TUE,
        "strength",
        body["idempotency_key"],
    )
    assert (log.pain_0_10, log.notes) == (3, "left calf tight")
    assert [e.exercise for e in log.exercises] == [e["exercise"] for e in body["exercises"]]


def test_the_state_row_holds_json_the_orm_reads_and_its_update_time(
    client: Client, runner: User
) -> None:
    assert post_json(client, "/api/logs", log_body(runner, TUE), evening(TUE)).status_code == 201

    row = RunnerStateRow.objects.get(user=runner)
    assert isinstance(row.state, dict)
    assert row.updated_at == evening(TUE)
    assert runner_state(runner) == rebuilt_state(runner)
