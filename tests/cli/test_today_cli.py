"""`footcore today` prints the same session whether the catalog was validated or cached."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from footcore.catalog.loader import load_catalog

PROFILE = {
    "start": "2026-12-07",
    "run_days": ["mon", "wed", "sat"],
    "long_run_day": "sat",
    "timezone": "Europe/Berlin",
}


def footcore(data_dir: Path, *args: str) -> str:
    env = {**os.environ, "FOOTCORE_DATA_DIR": str(data_dir), "DATABASE_URL": ""}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # as a user runs it: reads use the trimmed settings
    done = subprocess.run(
        [sys.executable, "-m", "footcore.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_read_on_a_fresh_install_asks_for_a_profile_and_a_write_creates_the_schema(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "FOOTCORE_DATA_DIR": str(tmp_path), "DATABASE_URL": ""}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    first = subprocess.run(
        [sys.executable, "-m", "footcore.cli.main", "today"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert first.returncode != 0
    assert "no stored profile: run `footcore profile set FILE` first" in first.stdout + first.stderr
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(PROFILE), encoding="utf-8")
    footcore(tmp_path, "profile", "set", str(profile))
    assert "Toe Yoga" in footcore(tmp_path, "today", "--date", "2026-12-09")


def test_today_reads_the_same_from_a_cold_and_a_warm_catalog_cache(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(PROFILE), encoding="utf-8")
    footcore(tmp_path, "profile", "set", str(profile))
    cache_file = tmp_path / "cache" / "catalog.pickle"
    cache_file.unlink(missing_ok=True)

    cold = footcore(tmp_path, "today", "--date", "2026-12-09")
    assert cache_file.is_file()
    warm = footcore(tmp_path, "today", "--date", "2026-12-09")
    cache_file.write_bytes(b"corrupt")
    after_corruption = footcore(tmp_path, "today", "--date", "2026-12-09")

    assert cold == warm == after_corruption
    assert "Wednesday 09 December: activation (about " in cold
    as_json = json.loads(footcore(tmp_path, "today", "--date", "2026-12-09", "--json"))
    exercises = [item["exercise"] for item in as_json["sessions"][0]["items"]]
    assert "toe-yoga" in exercises
    names = {e.id: e.name for e in load_catalog().exercises}
    for exercise in exercises:
        assert f"  - {names[exercise]}: " in cold
