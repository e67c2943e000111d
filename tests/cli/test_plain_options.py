"""Options that need no conversion skip typer's adapter; every other value is still
converted and checked by typer, with its own messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footcore.cli.main import PlainOption, app, command_group
from footcore.web.accounts.services import local_runner
from footcore.web.training.services import save_profile
from tests.web.builders import profile_data

runner = CliRunner()


@pytest.mark.django_db
def test_a_text_option_reaches_the_command_as_typed() -> None:
    save_profile(user=local_runner(), data=profile_data(), today=dt.date(2026, 12, 1))
    result = runner.invoke(app, ["today", "--date", "12/10/2026"])
    assert result.exit_code == 2
    assert "--date '12/10/2026': not a date in the form YYYY-MM-DD" in result.output


def test_a_path_option_is_still_checked_by_typer(tmp_path: Path) -> None:
    a_file = tmp_path / "profile.json"
    a_file.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["--data-dir", str(a_file), "today"])
    assert result.exit_code == 2
    assert "Invalid value for '--data-dir'" in result.output
    assert "is a file" in result.output


def test_a_choice_given_as_text_is_still_converted_and_checked() -> None:
    result = runner.invoke(app, ["plan", "--format", "docx", "--profile", "none.json"])
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output
    assert "'docx' is not one of" in result.output


def test_a_required_number_is_still_converted_and_checked() -> None:
    result = runner.invoke(app, ["log", "--difficulty", "just-right", "--pain", "lots"])
    assert result.exit_code == 2
    assert "Invalid value for '--pain'" in result.output


def test_every_option_of_every_command_and_help_is_a_plain_option() -> None:
    root = command_group()
    ctx = root.make_context("footcore", ["today"], resilient_parsing=True)
    assert all(type(p) is PlainOption for p in root.get_params(ctx))
    for name in ("today", "plan", "log", "assess", "serve"):
        command = root.get_command(ctx, name)
        sub = command.make_context(name, [], parent=ctx, resilient_parsing=True)
        params = command.get_params(sub)
        options = [p for p in params if p.param_type_name == "option"]
        assert options, name
        assert all(type(p) is PlainOption for p in options), name
