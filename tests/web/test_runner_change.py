"""Every change goes through one path: today's logged session survives any change of the
same day, a log costs a fixed number of queries, and the rebuild tool repairs the state."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from footcore.domain.runner_state_serialize import state_to_dict
from footcore.web.runner.models import RunnerStateRow
from footcore.web.runner.selectors import rebuilt_state
from footcore.web.runner.services import rebuild_state
from footcore.web.training.models import PlannedSession
from tests.web.builders import profile_data
from tests.web.session_builders import SUN, THU, TUE, evening, log_body, post_json

pytestmark = pytest.mark.django_db


def todays_session(user: User) -> list[dict[str, Any]]:
    rows = PlannedSession.objects.filter(user=user, date=TUE).values("kind", "items")
    return [dict(row) for row in rows]


def test_a_self_test_after_logging_today_keeps_todays_logged_session(
    client: Client, runner: User
) -> None:
    assert post_json(client, "/api/logs", log_body(runner, TUE), evening(TUE)).status_code == 201
    before = todays_session(runner)

    body = {"test": "heel-raise", "left": 3, "right": 30, "surface": "incline"}
    response = post_json(client, "/api/assessments", body, evening(TUE))

    assert response.status_code == 201, response.content
    assert todays_session(runner) == before


def test_saving_the_profile_after_logging_today_keeps_todays_logged_session(
    client: Client, runner: User
) -> None:
    assert post_json(client, "/api/logs", log_body(runner, TUE), evening(TUE)).status_code == 201
    before = todays_session(runner)

    with time_machine.travel(evening(TUE), tick=False):
        data = json.dumps(profile_data(minutes=20))
        response = client.put("/api/profile", data, content_type="application/json")

    assert response.status_code == 200, response.content
    assert todays_session(runner) == before
    assert PlannedSession.objects.filter(user=runner, date__gt=TUE).exists()


# Outside a test transaction, so the service's own is the outermost (no savepoints).
@pytest.mark.django_db(transaction=True)
def test_a_log_that_changes_nothing_costs_at_most_six_queries(client: Client, runner: User) -> None:
    post_json(client, "/api/logs", log_body(runner, TUE), evening(TUE))
    post_json(client, "/api/logs", log_body(runner, THU), evening(THU))
    # The week's third session: its first two already made the step up due, so it
    # changes nothing (the first holds the step, the second lifts the hold).
    body = log_body(runner, SUN)
    with CaptureQueriesContext(connection) as captured:
        response = post_json(client, "/api/logs", body, evening(SUN))

    assert response.status_code == 201
    assert len(captured) <= 6, "\n".join(q["sql"][:70] for q in captured)


# Outside a test transaction, so the service's own is the outermost (no savepoints).
@pytest.mark.django_db(transaction=True)
def test_a_log_that_changes_the_plan_costs_at_most_twelve_queries(
    client: Client, runner: User
) -> None:
    body = log_body(runner, TUE, pain=8)
    with CaptureQueriesContext(connection) as captured:
        response = post_json(client, "/api/logs", body, evening(TUE))

    assert response.status_code == 201
    assert any("back one step" in line for line in response.json()["changes"])
    assert len(captured) <= 12, [q["sql"][:60] for q in captured]


def test_reading_the_pages_never_writes(client: Client, runner: User) -> None:
    post_json(client, "/api/logs", log_body(runner, TUE, pain=4), evening(TUE))
    with time_machine.travel(evening(TUE), tick=False), CaptureQueriesContext(connection) as q:
        for path in ("/today", "/plan", "/progress", "/api/status"):
            assert client.get(path).status_code == 200, path

    writes = [x["sql"] for x in q if x["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


def test_the_rebuild_tool_repairs_a_damaged_state(client: Client, runner: User) -> None:
    post_json(client, "/api/logs", log_body(runner, TUE, pain=8), evening(TUE))
    good = RunnerStateRow.objects.get(user=runner).state
    RunnerStateRow.objects.filter(user=runner).update(state={"v": 1, "broken": True})

    rebuild_state(user=runner)

    assert RunnerStateRow.objects.get(user=runner).state == good
    assert state_to_dict(rebuilt_state(runner)) == good


def test_the_stored_plan_keeps_the_planners_week_notes(client: Client, runner: User) -> None:
    from footcore.web.training.selectors import plan_header, stored_plan

    header = plan_header(runner)
    assert header is not None
    plan = stored_plan(runner, header.warnings, header.notes)

    week_four = next(w for w in plan.weeks if w.index == 4)
    assert week_four.kind.value == "lighter"
    assert any("Lighter week" in note for note in week_four.notes)
    with time_machine.travel(evening(TUE), tick=False):
        page = client.get("/plan").content.decode()
    assert "Lighter week: one set fewer" in page


def stored_rows(user: User) -> dict[tuple[dt.date, str], tuple[int, object]]:
    rows = PlannedSession.objects.filter(user=user).values_list("date", "kind", "id", "items")
    return {(day, kind): (row_id, items) for day, kind, row_id, items in rows}


def test_a_replan_rewrites_only_the_sessions_that_changed(client: Client, runner: User) -> None:
    before = stored_rows(runner)

    # Pain 8: the exercises step back, so the sessions ahead change; the days before
    # tomorrow, and a session the step back leaves as it was, keep their rows.
    response = post_json(client, "/api/logs", log_body(runner, TUE, pain=8), evening(TUE))
    assert response.status_code == 201, response.content
    after = stored_rows(runner)

    assert after.keys() == before.keys()
    kept = [k for k in after if after[k][0] == before[k][0]]
    changed = [k for k in after if after[k][0] != before[k][0]]
    assert changed
    assert all(k[0] > TUE for k in changed)
    assert all(after[k][1] == before[k][1] for k in kept)
    assert all(after[k][1] != before[k][1] for k in changed)
    assert any(k[0] > TUE for k in kept)


def test_rows_written_before_digests_are_rewritten_at_the_next_replan(
    client: Client, runner: User
) -> None:
    PlannedSession.objects.filter(user=runner).update(digest="")
    ahead = set(
        PlannedSession.objects.filter(user=runner, date__gt=TUE).values_list("id", flat=True)
    )

    response = post_json(client, "/api/logs", log_body(runner, TUE, pain=8), evening(TUE))
    assert response.status_code == 201, response.content

    now = set(PlannedSession.objects.filter(user=runner, date__gt=TUE).values_list("id", flat=True))
    assert now.isdisjoint(ahead)
    assert not PlannedSession.objects.filter(user=runner, date__gt=TUE, digest="").exists()


def fresh_sessions(user: User, after: dt.date) -> dict[tuple[dt.date, str], tuple[object, ...]]:
    """What a full replan now would store after `after`, as stored rows read."""
    from footcore.domain.plan_serialize import item_to_dict
    from footcore.domain.planning import build_plan
    from footcore.domain.runner import idle_weeks
    from footcore.domain.runner_view import adjustments
    from footcore.web.library.selectors import catalog
    from footcore.web.runner.selectors import runner_state
    from footcore.web.training.selectors import get_profile

    state, profile = runner_state(user), get_profile(user)
    assert profile is not None
    plan = build_plan(
        profile,
        catalog(),
        adjustments=adjustments(state),
        emphasis=state.emphasis,
        idle_weeks=idle_weeks(profile, state.trained_weeks, after),
    )
    return {
        (s.date, s.kind.value): (
            w.index,
            w.kind.value,
            s.estimated_s,
            s.reason,
            [item_to_dict(i) for i in s.items],
        )
        for w in plan.weeks
        for s in w.sessions
        if s.date > after
    }


def stored_sessions(user: User, after: dt.date) -> dict[tuple[dt.date, str], tuple[object, ...]]:
    rows = PlannedSession.objects.filter(user=user, date__gt=after).values_list(
        "date", "kind", "week_index", "week_kind", "estimated_s", "reason", "items"
    )
    return {(r[0], r[1]): tuple(r[2:]) for r in rows}


def test_over_three_weeks_of_mixed_sessions_the_stored_plan_is_what_a_full_replan_stores(
    client: Client, runner: User
) -> None:
    # Pain, too easy, too hard and fine sessions: holds, steps up, steps back and a pause.
    felt = [(0, "just-right"), (0, "too-easy"), (0, "too-easy"), (6, "just-right")]
    felt += [(0, "too-hard"), (6, "just-right"), (2, "just-right"), (0, "too-easy")]
    days = sorted(
        set(
            PlannedSession.objects.filter(user=runner, kind="strength").values_list(
                "date", flat=True
            )
        )
    )
    for day, (pain, difficulty) in zip([d for d in days if d >= TUE], felt, strict=False):
        body = log_body(
            runner, day, pain=pain, difficulty=difficulty, hurt="shin-curls" if pain else None
        )
        response = post_json(client, "/api/logs", body, evening(day))
        assert response.status_code == 201, response.content
        with time_machine.travel(evening(day), tick=False):
            assert stored_sessions(runner, day) == fresh_sessions(runner, day), day
