"""`footcore progress`: tables, JSON and the PDF report from the stored history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import time_machine
from pypdf import PdfReader
from typer.testing import CliRunner

from footcore.cli.main import app
from footcore.web.accounts.services import local_runner
from tests.web.seeding import NOW, Seeded, seed_four_weeks

pytestmark = pytest.mark.django_db

runner = CliRunner()


@pytest.fixture
def seeded() -> Seeded:
    with time_machine.travel(NOW, tick=False):
        return seed_four_weeks(local_runner())


def invoke(*args: str) -> tuple[int, str]:
    with time_machine.travel(NOW, tick=False):
        result = runner.invoke(app, ["progress", *args])
    return result.exit_code, result.output


def test_progress_prints_adherence_streak_minutes_pain_and_tests(seeded: Seeded) -> None:
    code, out = invoke()
    assert code == 0, out
    assert f"{seeded.done} done, {seeded.partly} partly done, {seeded.missed} missed" in out
    assert "Streak:" in out
    assert "Minutes and pain per week" in out
    assert "4/10" in out
    assert "Single-leg heel raise" in out
    assert "Sides differ:" in out
    assert "eyes-open balance" in out


def test_progress_json_has_the_same_numbers_as_the_page(seeded: Seeded) -> None:
    code, out = invoke("--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["today"] == "2027-01-06"
    assert data["adherence"]["done"] == seeded.done
    assert data["adherence"]["partly-done"] == seeded.partly
    assert data["adherence"]["missed"] == seeded.missed
    assert [w["max_0_10"] for w in data["pain"]][:4] == [4, 3, 2, 1]
    heel = next(a for a in data["assessments"] if a["kind"] == "heel-raise")
    left = next(r for r in heel["latest"] if r["side"] == "left")
    assert left["value"] == 26
    assert left["real_change"] is True
    assert "hebert-losier-2017" in left["interpretation"]


def test_progress_writes_the_pdf_report(seeded: Seeded, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    code, out = invoke("--pdf", str(target), "--page", "Letter")
    assert code == 0, out
    assert f"written to {target}" in out.replace("\n", "")
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Foot strength progress report" in text
    assert "footcore coaches, it does not diagnose" in text


def test_a_pdf_into_a_missing_folder_is_refused_naming_the_flag(tmp_path: Path) -> None:
    code, out = invoke("--pdf", str(tmp_path / "nope" / "report.pdf"))
    assert code == 2
    assert "--pdf" in out
    assert "does not exist" in out


def test_an_unknown_page_size_is_refused_naming_the_flag() -> None:
    code, out = invoke("--page", "A5")
    assert code == 2
    assert "--page A5" in out


def test_a_new_runner_is_told_how_to_start() -> None:
    code, out = invoke()
    assert code == 0, out
    assert "No progress yet" in out
    code, out = invoke("--json")
    assert json.loads(out)["assessments"] == []


def test_progress_json_rounds_minutes_to_one_decimal(seeded: Seeded) -> None:
    code, out = invoke("--json")
    assert code == 0, out
    minutes = [w["minutes"] for w in json.loads(out)["weekly_minutes"]]
    assert minutes
    assert all(m == round(m, 1) for m in minutes)
    assert all(len(repr(float(m)).split(".")[1]) <= 1 for m in minutes)
