"""`footcore assess`: one value from flags, guided prompts that re-ask, and the FAAM."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from typer.testing import CliRunner, Result

from footcore.cli import assess
from footcore.cli.main import app
from footcore.web.accounts.services import local_runner
from footcore.web.assessments import selectors
from footcore.web.assessments.models import AssessmentEntry

pytestmark = pytest.mark.django_db

runner = CliRunner()
NOW = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)


def said(result: Result) -> str:
    """The output with Rich's line wrapping undone."""
    return " ".join(result.output.split())


@pytest.fixture(autouse=True)
def _no_migrate(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test database is already set up; the command must not migrate it again.
    monkeypatch.setattr(assess, "setup", lambda: None)


@time_machine.travel(NOW, tick=False)
def test_it_records_one_value_and_prints_what_it_means() -> None:
    result = runner.invoke(
        app, ["assess", "heel-raise", "--side", "left", "--value", "12", "--surface", "incline"]
    )
    assert result.exit_code == 0, result.output
    assert "12 reps" in said(result)
    assert "lunsford-perry-1995" in said(result)
    (row,) = AssessmentEntry.objects.filter(user=local_runner())
    assert (row.kind, row.side, row.value, row.date) == ("heel-raise", "left", 12.0, NOW.date())


def test_negative_reps_are_refused_naming_the_flag() -> None:
    result = runner.invoke(
        app, ["assess", "heel-raise", "--side", "right", "--value", "-3", "--surface", "flat"]
    )
    assert result.exit_code == 2
    assert "--value (right)" in said(result)
    assert "cannot be negative" in said(result)
    assert not AssessmentEntry.objects.exists()


def test_a_per_side_test_needs_the_side_and_a_known_name() -> None:
    result = runner.invoke(app, ["assess", "heel-raise", "--value", "20", "--surface", "flat"])
    assert result.exit_code == 2
    assert "--side" in said(result)
    result = runner.invoke(app, ["assess", "jumping"])
    assert result.exit_code == 2
    assert "TEST 'jumping'" in said(result)


@time_machine.travel(NOW, tick=False)
def test_the_guided_prompt_re_asks_a_bad_balance_time_naming_the_field() -> None:
    result = runner.invoke(app, ["assess", "balance-eyes-open"], input="abc\n900\n30,20,25\n\n")
    assert result.exit_code == 0, result.output
    assert "left[0]" in said(result)
    assert "900 s is outside the valid range 0-120 s" in said(result)
    assert "best 30 s, mean 25.0 s" in said(result)
    (saved,) = selectors.results_for(local_runner())
    assert saved.side is not None
    assert saved.side.value == "left"


@time_machine.travel(NOW, tick=False)
def test_the_guided_tour_asks_test_by_test_and_skips_what_you_decline() -> None:
    declines = "n\n" * (len(assess.GROUPS) - 1)
    answers = "y\nflat\n14\n28\n" + declines + "n\n"
    result = runner.invoke(app, ["assess"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Single-leg heel raise to fatigue" in said(result)
    assert "left side 14 vs right 28" in said(result)
    kinds = {r.kind.value for r in selectors.results_for(local_runner())}
    assert kinds == {"heel-raise"}
    assert "on a 10 degree incline board, or on a flat floor?" in said(result)
    assert {r.surface for r in selectors.results_for(local_runner())} == {"flat"}


@time_machine.travel(NOW, tick=False)
def test_the_faam_asks_every_item_and_re_asks_an_answer_out_of_range() -> None:
    adl = ["7", *["4"] * 21]  # the first answer is refused, then asked again
    sports = ["3"] * 8
    answers = "\n".join([*adl, *sports, "90", "", "nearly-normal"]) + "\n"
    result = runner.invoke(app, ["assess", "faam"], input=answers)
    assert result.exit_code == 0, result.output
    assert "adl[0]: answer must be 0-4 or N/A" in said(result)
    assert "Daily living: 100.0%" in said(result)
    assert "Sports: 75.0%" in said(result)
    (scored,) = selectors.faam_scores_for(local_runner())
    assert scored.score.adl.self_rating_0_100 == 90
    assert scored.score.overall is not None


@time_machine.travel(NOW, tick=False)
def test_a_one_line_heel_raise_without_a_surface_is_refused_naming_the_flag() -> None:
    result = runner.invoke(app, ["assess", "heel-raise", "--side", "left", "--value", "12"])
    assert result.exit_code != 0
    assert "--surface" in said(result)
    assert "incline" in said(result)
    assert "flat" in said(result)
    assert selectors.results_for(local_runner()) == []


@time_machine.travel(NOW, tick=False)
def test_a_surface_on_another_test_is_refused() -> None:
    args = ["assess", "knee-to-wall", "--side", "left", "--value", "9", "--surface", "flat"]
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert "--surface: only the heel raise records a surface" in said(result)


@time_machine.travel(NOW, tick=False)
def test_a_flat_floor_heel_raise_is_shown_as_a_trend_not_a_verdict() -> None:
    args = ["assess", "heel-raise", "--side", "left", "--value", "12", "--surface", "flat"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "12 reps (on a flat floor)" in said(result)
    assert "no verdict" in said(result)
    assert "below the traditional normal grade" not in said(result)
    (saved,) = selectors.results_for(local_runner())
    assert saved.surface == "flat"
