"""`footcore today` reads its rows without starting Django, and prints exactly what the
Django path prints, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from footcore.cli import today_read
from footcore.web.accounts.services import LOCAL_RUNNER
from footcore.web.runner.models import RunnerStateRow
from footcore.web.training.models import PlannedSession, RunnerProfile

ROOT = Path(__file__).resolve().parents[2]
READS = (("today", "--date", "2026-12-10"), ("today", "--date", "2026-12-10", "--json"))


def environment(data_dir: Path, database_url: str = "") -> dict[str, str]:
    env = {**os.environ, "FOOTCORE_DATA_DIR": str(data_dir), "DATABASE_URL": database_url}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # as a user runs it
    return env


def run(env: dict[str, str], *argv: str) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, *argv], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout, done.stderr


def quick(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    return run(env, "-m", "footcore.cli.main", *args)


def through_django(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    return run(env, "-m", "tests.cli.today_states", "django", *args)


def store(env: dict[str, str], step: str) -> None:
    code, out, err = run(env, "-m", "tests.cli.today_states", "store", step)
    assert code == 0, out + err


def assert_both_paths_print_the_same(env: dict[str, str]) -> list[str]:
    printed = []
    for args in READS:
        fast = quick(env, *args)
        assert fast == through_django(env, *args), args
        assert fast[0] == 0, fast[2]
        printed.append(fast[1])
    return printed


def lived_sequence(env: dict[str, str]) -> None:
    """A profile, a painful session, a lost and an outdated stored state, a red flag:
    at each step both paths print the same."""
    code, _, err = quick(env, *READS[0])
    assert code == 2
    assert "no stored profile: run `footcore profile set FILE` first" in err
    store(env, "profile")
    plain, _ = assert_both_paths_print_the_same(env)
    assert "Thursday 10 December: strength" in plain
    store(env, "painful")
    changed = assert_both_paths_print_the_same(env)
    assert "Changes" in changed[0]
    for step in ("no-state", "old-state"):  # the Django path rebuilds it from the history
        store(env, step)
        assert assert_both_paths_print_the_same(env) == changed, step
    store(env, "stopped")
    stopped, as_json = assert_both_paths_print_the_same(env)
    assert "Training is stopped" in stopped
    assert '"status": "stopped-red-flag"' in as_json
    assert '"sessions": []' in as_json


def test_the_quick_path_prints_what_the_django_path_prints_on_sqlite(tmp_path: Path) -> None:
    lived_sequence(environment(tmp_path))


@pytest.mark.postgres
def test_the_quick_path_prints_what_the_django_path_prints_on_postgresql(
    scratch_database_url: str, tmp_path: Path
) -> None:
    lived_sequence(environment(tmp_path, scratch_database_url))
    assert not (tmp_path / "footcore.sqlite3").exists()


def test_today_on_a_fresh_install_says_to_store_a_profile_and_creates_nothing(
    tmp_path: Path,
) -> None:
    code, _, err = quick(environment(tmp_path), "today")
    assert code == 2
    assert "no stored profile: run `footcore profile set FILE` first" in err
    assert not (tmp_path / "footcore.sqlite3").exists()


def test_today_on_an_empty_database_says_to_store_a_profile_and_migrates_nothing(
    tmp_path: Path,
) -> None:
    sqlite3.connect(tmp_path / "footcore.sqlite3").close()
    code, _, err = quick(environment(tmp_path), "today")
    assert code == 2
    assert "no stored profile: run `footcore profile set FILE` first" in err
    assert (tmp_path / "footcore.sqlite3").stat().st_size == 0


def test_a_damaged_database_file_fails_naming_the_database(tmp_path: Path) -> None:
    (tmp_path / "footcore.sqlite3").write_bytes(b"not a database, just some bytes" * 64)
    code, _, err = quick(environment(tmp_path), "today")
    assert code == 2
    assert "error: database: file is not a database" in err


@pytest.fixture(scope="module")
def stored_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with a SQLite database and a stored profile (made once: it is slow)."""
    data_dir = tmp_path_factory.mktemp("stored-profile")
    store(environment(data_dir), "profile")
    return data_dir


def test_today_with_a_stored_profile_imports_neither_django_nor_pydantic(
    stored_profile: Path,
) -> None:
    env = environment(stored_profile)
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'django', 'pydantic', 'yaml'}), file=sys.stderr))\n"
        "from footcore.cli.main import app\n"
        "app(['today', '--date', '2026-12-09'], prog_name='footcore')\n"
    )
    code, out, err = run(env, "-c", script)
    assert code == 0, err
    assert "Toe Yoga" in out
    assert err.strip().splitlines()[-1] == "[]"


def test_the_quick_queries_name_the_models_tables_and_columns() -> None:
    def columns(model: type, *names: str) -> str:
        fields = [model._meta.get_field(n).column for n in names]  # type: ignore[attr-defined]
        return ", ".join(fields)

    def one(model: type, shown: str, where: str) -> str:
        table = model._meta.db_table  # type: ignore[attr-defined]
        return f"SELECT {columns(model, shown)} FROM {table} WHERE {columns(model, where)} = ?"

    shown = columns(PlannedSession, "date", "kind", "items", "estimated_s", "reason")
    order = columns(PlannedSession, *[str(f) for f in PlannedSession._meta.ordering or ()])
    sessions = (
        f"SELECT {shown} FROM {PlannedSession._meta.db_table} "
        f"WHERE {columns(PlannedSession, 'user')} = ? AND {columns(PlannedSession, 'date')} = ? "
        f"ORDER BY {order}"
    )
    expected = {
        "USER_SQL": one(User, "id", "username"),
        "PROFILE_SQL": one(RunnerProfile, "data", "user"),
        "STATE_SQL": one(RunnerStateRow, "state", "user"),
        "SESSIONS_SQL": sessions,
    }
    assert {name: getattr(today_read, name) for name in expected} == expected
    assert LOCAL_RUNNER == today_read.LOCAL_RUNNER


def test_today_leaves_the_sqlite_file_as_it_was(stored_profile: Path) -> None:
    env = environment(stored_profile)
    database = stored_profile / "footcore.sqlite3"
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode=DELETE")  # Django's connection would set WAL
    connection.close()
    before = database.read_bytes()
    code, out, err = quick(env, "today", "--date", "2026-12-09")
    assert code == 0, err
    assert "Toe Yoga" in out
    assert database.read_bytes() == before
