"""footcore on a real PostgreSQL server, reached through DATABASE_URL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.support.plugin import skip_or_fail

pytestmark = pytest.mark.postgres


@pytest.fixture
def scratch_database_url() -> Iterator[str]:
    server = os.environ.get("FOOTCORE_TEST_POSTGRES_URL", "")
    if not server:
        skip_or_fail("FOOTCORE_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
    import psycopg

    parts = urlsplit(server)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    name = f"footcore_scratch_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        skip_or_fail(f"PostgreSQL at FOOTCORE_TEST_POSTGRES_URL is not reachable: {exc}")
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
