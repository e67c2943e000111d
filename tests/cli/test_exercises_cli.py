from __future__ import annotations

import json

from typer.testing import CliRunner

from footcore.cli.main import app

runner = CliRunner()


def test_it_lists_every_exercise_as_a_table() -> None:
    result = runner.invoke(app, ["exercises"])
    assert result.exit_code == 0, result.output
    assert "short-foot" in result.output
    assert "big-toe-tap" in result.output


def test_it_lists_exercises_for_a_concern_as_json() -> None:
    result = runner.invoke(app, ["exercises", "--concern", "plantar-fasciitis", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ids = {e["id"] for e in data}
    assert "plantar-stretch" in ids
    assert "toe-yoga" not in ids
    assert all("plantar-fasciitis" in e["indications"] for e in data)


def test_it_filters_by_equipment() -> None:
    data = json.loads(runner.invoke(app, ["exercises", "--equipment", "step", "--json"]).stdout)
    assert {"calf-raises", "shin-curls"} <= {e["id"] for e in data}


def test_an_unknown_concern_is_refused_with_the_choices() -> None:
    result = runner.invoke(app, ["exercises", "--concern", "knees"])
    assert result.exit_code == 2
    assert "knees" in result.output


def test_show_prints_the_steps_and_sources() -> None:
    result = runner.invoke(app, ["exercises", "show", "short-foot"])
    assert result.exit_code == 0, result.output
    assert "Short" in result.output
    assert "seed-004" in result.output


def test_show_as_json_has_the_dose_object() -> None:
    result = runner.invoke(app, ["exercises", "show", "toe-spreads", "--json"])
    data = json.loads(result.stdout)
    assert data["dose"]["reps_min"] == 10
    assert data["dose"]["hold_s"] == 3
    assert data["dose"]["per_side"] is True


def test_an_unknown_id_exits_non_zero_and_suggests_close_ids() -> None:
    result = runner.invoke(app, ["exercises", "show", "toe-spread"])
    assert result.exit_code == 2
    assert "toe-spreads" in result.output


def test_catalog_check_passes_on_the_shipped_catalog() -> None:
    result = runner.invoke(app, ["catalog", "check"])
    assert result.exit_code == 0, result.output
    assert "ok" in result.output
