"""/plan's prescription table and notes, printed by `training.plan_page`."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.web.session_builders import BEFORE_START, get_page, onboard

pytestmark = pytest.mark.django_db


def _rows(page: str) -> list[list[str]]:
    body = page[page.index('<table class="rx">') : page.index("</table>")]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr data-exercise.*?</tr>", body, re.S)
    ]


def test_the_prescription_table_shows_each_exercise_with_its_dose_frequency_and_reason(
    client: Client,
) -> None:
    onboard(client)
    page = get_page(client, "/plan", BEFORE_START).content.decode()
    rows = _rows(page)
    assert rows, "no prescription rows"
    names = [row[0] for row in rows]
    assert "Shin Curls" in names
    shin = rows[names.index("Shin Curls")]
    assert shin[1].startswith("5 reps")
    assert shin[2] in {"3 a week", "every second day", "daily"}
    assert shin[3] in {"open"} or shin[3].endswith(" weeks")
    assert "shin splints" in shin[4]
    assert '<a href="/exercises/shin-curls">Shin Curls</a>' in page


def test_the_plan_says_who_changed_the_prescription_last_when_and_why(client: Client) -> None:
    onboard(client)
    page = get_page(client, "/plan", BEFORE_START).content.decode()
    assert '<p class="reason">Last changed by footcore on 1 Dec 2026: ' in page
    assert "Last changed by  on" not in page


def test_the_plans_notes_are_escaped(client: Client) -> None:
    onboard(client)
    page = get_page(client, "/plan", BEFORE_START).content.decode()
    notes = re.findall(r'<p class="note">(.*?)</p>', page)
    assert any("&#x27;" in note for note in notes)  # "the routine's suggestions"
    assert not any("'" in note or "<" in note for note in notes)
