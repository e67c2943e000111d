"""`/progress` reads a bounded slice of the self-test history, in a constant number of
queries, and never writes (issue 8)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from footcore.domain.progress_summary import TREND_POINTS
from footcore.web.accounts.services import local_runner
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.assessments.selectors import recent_results_for
from footcore.web.progress.selectors import progress_for
from tests.web.builders import form_data
from tests.web.session_builders import THU, TUE, evening, log_body, onboard, post_json

WED = TUE + dt.timedelta(days=1)

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2027, 3, 1, 8, 0, tzinfo=dt.UTC)
"""A Monday, well after the plan in `profile_data` started."""
WRITES = ("INSERT", "UPDATE", "DELETE")


def seed_self_tests(count: int) -> None:
    """`count` heel-raise results, one side a week back from today, the newest on the
    floor and every third on the incline."""
    user = local_runner()
    rows = []
    for n in range(count):
        day = TODAY.date() - dt.timedelta(days=7 * (n // 2))
        surface = "incline" if n % 3 == 0 else "flat"
        side = "left" if n % 2 == 0 else "right"
        rows.append(
            AssessmentEntry(
                user=user, date=day, kind="heel-raise", side=side, value=20 + n % 7, surface=surface
            )
        )
    AssessmentEntry.objects.bulk_create(rows)


def progress_sql(client: Client) -> list[str]:
    with time_machine.travel(TODAY, tick=False), CaptureQueriesContext(connection) as captured:
        assert client.get("/progress").status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def at(count: int, client: Client) -> list[str]:
    with time_machine.travel(TODAY - dt.timedelta(weeks=14), tick=False):
        client.post("/profile", form_data())
    seed_self_tests(count)
    progress_sql(client)  # warm the catalog cache
    return progress_sql(client)


def test_five_and_two_hundred_self_tests_cost_the_same_queries_and_write_nothing(
    client: Client,
) -> None:
    few = at(5, client)
    AssessmentEntry.objects.all().delete()
    seed_self_tests(200)
    many = progress_sql(client)
    assert len(many) == len(few), (few, many)
    assert not [q for q in few + many if q.lstrip().upper().startswith(WRITES)]


def test_the_page_reads_a_bounded_slice_of_a_long_history(client: Client) -> None:
    at(400, client)
    user = local_runner()
    day = TODAY.date()
    found = recent_results_for(
        user, points=TREND_POINTS, since=day - dt.timedelta(weeks=12), until=day
    )
    # Per side and surface at most TREND_POINTS, plus the 12 weeks' own (two sides a week).
    assert len(found) <= 2 * 2 * TREND_POINTS + 2 * 13
    assert len(found) < AssessmentEntry.objects.count()
    summary = progress_for(user, today=day).summary
    (heel,) = summary.tests
    for _, points in heel.series:
        assert len(points) == TREND_POINTS
        assert points[-1].date == day
    latest = {r.side.value: r for r in heel.latest if r.side is not None}
    assert latest["left"].date == day
    assert latest["left"].change is not None  # the one before on the same surface was read


def test_the_latest_incline_result_keeps_its_previous_incline_one_beyond_the_trend(
    client: Client,
) -> None:
    with time_machine.travel(TODAY - dt.timedelta(weeks=60), tick=False):
        client.post("/profile", form_data())
    user = local_runner()
    day = TODAY.date()
    rows = [
        AssessmentEntry(
            user=user,
            date=day - dt.timedelta(weeks=50),
            kind="heel-raise",
            side="left",
            value=10,
            surface="incline",
        ),
        *(
            AssessmentEntry(
                user=user,
                date=day - dt.timedelta(weeks=w),
                kind="heel-raise",
                side="left",
                value=30,
                surface="flat",
            )
            for w in range(1, 40)
        ),
        AssessmentEntry(
            user=user, date=day, kind="heel-raise", side="left", value=20, surface="incline"
        ),
    ]
    AssessmentEntry.objects.bulk_create(rows)
    (heel,) = progress_for(user, today=day).summary.tests
    (latest,) = heel.latest
    assert latest.change is not None
    assert "10" in latest.change.sentence
    assert "20" in latest.change.sentence


def test_the_page_and_its_charts_never_load_the_whole_history(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from footcore.web.assessments.selectors import recent_rows_for as real
    from footcore.web.progress import selectors

    at(400, client)
    loaded: list[int] = []

    def counting(user: User, **window: Any) -> list[tuple[Any, ...]]:
        rows = real(user, **window)
        loaded.append(len(rows))
        return rows

    monkeypatch.setattr(selectors, "recent_rows_for", counting)
    with time_machine.travel(TODAY, tick=False):
        page = client.get("/progress").content.decode()
        chart = client.get("/progress/charts/tests/heel-raise.svg")
    assert "Single-leg heel raise to fatigue" in page
    assert chart.status_code == 200
    assert len(loaded) == 2  # the page and the chart each read the rows
    assert max(loaded) <= 2 * 2 * TREND_POINTS + 2 * 13


def _page_on(client: Client, day: dt.date) -> str:
    with time_machine.travel(evening(day), tick=False):
        response = client.get("/progress")
    assert response.status_code == 200
    return str(response.content.decode())


def test_a_page_seen_before_a_log_or_a_correction_never_shows_the_old_numbers(
    client: Client,
) -> None:
    """The summary is shared while the rows read stay the same: a new log, a corrected
    one, a self-test and the next day each make a new one."""
    onboard(client)
    user = local_runner()
    assert (
        post_json(client, "/api/logs", log_body(user, TUE, pain=2), evening(TUE)).status_code == 201
    )
    _page_on(client, TUE)  # shows the onboarding's messages once
    first = _page_on(client, TUE)
    assert _page_on(client, TUE) == first  # the same rows: the same page
    assert "<td>2/10</td>" in first
    assert 'data-date="2026-12-08" data-status="done"' in first

    corrected = log_body(user, TUE, pain=4)
    assert post_json(client, "/api/logs/corrections", corrected, evening(TUE)).status_code == 201
    second = _page_on(client, TUE)
    assert "<td>4/10</td>" in second
    assert "<td>2/10</td>" not in second

    assert post_json(client, "/api/logs", log_body(user, THU), evening(THU)).status_code == 201
    third = _page_on(client, THU)
    assert 'data-date="2026-12-10" data-status="done"' in third
    assert 'data-date="2026-12-10" data-status="done"' not in _page_on(client, WED)

    test = {"test": "heel-raise", "left": 20, "right": 22, "surface": "flat"}
    assert post_json(client, "/api/assessments", test, evening(THU)).status_code in (200, 201)
    assert 'data-test="heel-raise"' in _page_on(client, THU)
    assert 'data-test="heel-raise"' not in third
