"""`footcore profile calendar FILE`: the guess, the skipped lines, and refusals."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from footcore.cli.main import app

WEEK = [
    ("20261117", "Easy run 8 km"),
    ("20261119", "Intervals 6x800m"),
    ("20261122", "Long run 24 km"),
    ("20261124", "Easy run 8 km"),
    ("20261126", "Intervals 6x800m"),
    ("20261129", "Long run 24 km"),
]


def _calendar(tmp_path: Path, *extra: str) -> Path:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN"]
    for day, title in WEEK:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{day}",
            f"DTSTART;VALUE=DATE:{day}",
            f"SUMMARY:{title}",
            "END:VEVENT",
        ]
    lines += [*extra, "END:VCALENDAR"]
    path = tmp_path / "training.ics"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_it_guesses_the_week_and_names_each_skipped_line(tmp_path: Path) -> None:
    path = _calendar(
        tmp_path,
        "BEGIN:VEVENT",
        "UID:loop",
        "DTSTART:20261120T070000Z",
        "RRULE:FREQ=DAILY;INTERVAL=0",
        "SUMMARY:Easy run",
        "END:VEVENT",
    )
    result = CliRunner().invoke(
        app, ["profile", "calendar", str(path), "--date", "2026-12-01", "--json"]
    )
    assert result.exit_code == 0, result.output
    guess = json.loads(result.output)
    assert guess["run_days"] == ["tue", "thu", "sun"]
    assert guess["long_run_day"] == "sun"
    assert guess["problems"] == [
        "line 37, 'Easy run': its RRULE has INTERVAL=0; it must be at least 1; skipped"
    ]


def test_a_file_that_is_not_a_calendar_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "page.ics"
    path.write_text("<html>sign in</html>", encoding="utf-8")
    result = CliRunner().invoke(app, ["profile", "calendar", str(path)])
    assert result.exit_code == 2
    assert "line 1: this is not an iCalendar file" in result.output


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["profile", "calendar", str(tmp_path / "none.ics")])
    assert result.exit_code == 2
    assert "cannot be read" in result.output
