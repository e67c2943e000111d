"""Every example profile in examples/ is one `footcore profile set` accepts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from typer.testing import CliRunner

from footcore.cli.main import app
from footcore.web.accounts.services import local_runner
from footcore.web.training import selectors

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROFILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".toml", ".json"))
runner = CliRunner()


def test_there_are_commented_examples() -> None:
    toml = [p for p in PROFILES if p.suffix == ".toml"]
    assert len(toml) >= 3
    assert all(p.read_text(encoding="utf-8").startswith("#") for p in toml)


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_profile_set_accepts_the_example(path: Path) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), tick=False):
        result = runner.invoke(app, ["profile", "set", str(path)])
    assert result.exit_code == 0, result.output
    assert "saved" in result.output
    assert selectors.get_profile(local_runner()) is not None


def test_the_examples_readme_names_every_example() -> None:
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert all(f"`{p.name}`" in text for p in PROFILES)


def test_a_missing_file_is_named_as_the_positional_argument(tmp_path: Path) -> None:
    result = runner.invoke(app, ["profile", "set", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2
    assert "FILE " in result.output
    assert "--profile" not in result.output


def test_a_near_miss_key_gets_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('start = 2026-12-07\nrun_days = ["sat"]\nlong_run = "sat"\n')
    result = runner.invoke(app, ["profile", "set", str(path)])
    assert result.exit_code == 2
    assert "long_run: unknown field; did you mean 'long_run_day'?" in result.output


def test_bad_toml_is_named_with_its_file(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("start = \n")
    result = runner.invoke(app, ["profile", "set", str(path)])
    assert result.exit_code == 2
    assert f"{path}: not valid TOML" in " ".join(result.output.split())


def test_plan_json_builds_and_serialises_the_plan_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import footcore.domain.plan_serialize as plan_serialize
    import footcore.domain.planning as planning

    calls = {"build": 0, "serialise": 0}
    build, serialise = planning.build_plan, plan_serialize.plan_to_dict

    def counted_build(*args: object, **kwargs: object) -> object:
        calls["build"] += 1
        return build(*args, **kwargs)  # type: ignore[arg-type]

    def counted_serialise(*args: object, **kwargs: object) -> object:
        calls["serialise"] += 1
        return serialise(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(planning, "build_plan", counted_build)
    monkeypatch.setattr(plan_serialize, "plan_to_dict", counted_serialise)
    path = EXAMPLES / "minimal.json"
    result = runner.invoke(app, ["plan", "--profile", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"weeks"' in result.output
    assert calls == {"build": 1, "serialise": 1}
