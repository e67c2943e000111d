"""Progress from one set of numbers: the grid, the summary, the minutes, the charts and
the PDF report all come from one aggregation (`Tally`) and agree."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from pypdf import PdfReader

from footcore.web.accounts.services import local_runner
from tests.web.builders import answer_screen, form_data
from tests.web.session_builders import (
    BEFORE_START,
    TUE,
    evening,
    get_page,
    log_body,
    onboard,
    post_json,
)

pytestmark = pytest.mark.django_db


def partly(body: dict[str, object]) -> dict[str, object]:
    exercises = body["exercises"]
    assert isinstance(exercises, list)
    for entry in exercises[1:]:
        entry["done"] = False
        entry["sets_done"] = 0
    return body


def page_and_pdf(client: Client) -> tuple[str, str]:
    html = " ".join(get_page(client, "/progress", evening(TUE)).content.decode().split())
    pdf = get_page(client, "/progress.pdf", evening(TUE)).content
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    return html, text


def test_a_partly_done_session_nobody_planned_counts_everywhere_the_same(
    client: Client,
) -> None:
    # No run days: no activation is ever planned; the runner logs one anyway.
    with time_machine.travel(BEFORE_START, tick=False):
        client.post("/profile", form_data(run_days=[], long_run_day="", hard_days=[]))
        answer_screen(client)
    runner: User = local_runner()
    monday = next(iter(get_page(client, "/api/plan", BEFORE_START).json()["weeks"]))
    first = monday["sessions"][0]["date"]
    body = partly(log_body(runner, dt.date.fromisoformat(first)))
    body["date"], body["kind"] = TUE.isoformat(), "activation"
    assert post_json(client, "/api/logs", body, evening(TUE)).status_code == 201
    html, text = page_and_pdf(client)
    assert "0 done, 1 partly done, 1 missed (1 of them not planned)" in html
    assert "extra session, partly done" in html
    assert "No sessions logged yet" not in html
    minutes = re.search(r'data-stat="minutes">(\d+)<', html)
    assert minutes is not None
    assert int(minutes.group(1)) > 0
    assert "Done 0, partly done 1, missed 1 (1 of them not planned)" in text
    assert "extra 1" not in text
    assert f"Minutes of foot work: {minutes.group(1)} in" in text


def test_one_planned_partly_done_log_reads_the_same_in_the_grid_summary_and_pdf(
    client: Client,
) -> None:
    onboard(client)
    runner = local_runner()
    assert (
        post_json(client, "/api/logs", partly(log_body(runner, TUE)), evening(TUE)).status_code
        == 201
    )
    html, text = page_and_pdf(client)
    assert 'data-status="partly-done" title="Tue 8 Dec: partly done"' in html
    assert "0 done, 1 partly done, 1 missed." in html
    assert "Done 0, partly done 1, missed 1, still ahead" in text
