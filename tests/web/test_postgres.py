"""footcore on a real PostgreSQL server, reached through DATABASE_URL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres


def test_a_fresh_postgresql_database_is_migrated_and_used_by_the_cli(
    scratch_database_url: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": scratch_database_url,
        "FOOTCORE_DATA_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "footcore.cli.main", "user", "add", "pat", "--password-stdin"],
        input="a sturdy passphrase for pat\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    import psycopg

    with psycopg.connect(scratch_database_url) as conn:
        row = conn.execute("SELECT password FROM auth_user WHERE username = 'pat'").fetchone()
    assert row is not None
    assert row[0].startswith("argon2")
    assert not (tmp_path / "footcore.sqlite3").exists()


def test_two_first_changes_at_once_both_land_in_one_state_row(
    scratch_database_url: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": scratch_database_url,
        "FOOTCORE_DATA_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "tests.web.postgres_race"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {
        "errors": [],
        "second_waited": True,
        "logs": 2,
        "state_rows": 1,
        "state_is_rebuild": True,
    }
