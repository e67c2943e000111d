"""`footcore rebuild-state` recomputes the stored state from the history."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from footcore.cli.main import app
from footcore.web.runner.models import RunnerStateRow
from footcore.web.training.services import save_profile
from tests.web.builders import profile_data

pytestmark = pytest.mark.django_db


def test_rebuild_state_restores_a_damaged_state_row() -> None:
    import datetime as dt

    from django.contrib.auth.models import User

    user = User.objects.create_user(username="ana")
    save_profile(user=user, data=profile_data(), today=dt.date(2026, 12, 7))
    good = RunnerStateRow.objects.get(user=user).state
    RunnerStateRow.objects.filter(user=user).update(state={"v": 0})

    result = CliRunner().invoke(app, ["rebuild-state"])

    assert result.exit_code == 0, result.output
    assert "rebuilt the stored state of 1 user(s)" in result.output
    assert RunnerStateRow.objects.get(user=user).state == good
