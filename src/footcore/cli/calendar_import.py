"""`footcore profile calendar FILE`: guess the running week from a training calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from footcore.cli.output import console, fail, print_json


def register(profile_app: typer.Typer) -> None:
    profile_app.command("calendar")(profile_calendar)


def profile_calendar(
    path: Annotated[Path, typer.Argument(help="An .ics export or feed file of your training app.")],
    date: Annotated[
        str | None, typer.Option(help="Read around this day (YYYY-MM-DD) instead of today.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Guess run, long-run, hard and race days from a calendar file; nothing is stored."""
    # Imported here: icalendar is heavy, and `footcore --help` should start fast.
    from footcore.domain.problems import Invalid
    from footcore.interchange.ics_import import (
        LOOK_AHEAD_DAYS,
        LOOK_BACK_DAYS,
        MAX_CALENDAR_BYTES,
        read_training_calendar,
    )

    try:
        today = dt.date.fromisoformat(date) if date else dt.datetime.now().astimezone().date()
    except ValueError:
        fail(f"--date {date!r}: not a date in the form YYYY-MM-DD")
    try:
        size = path.stat().st_size
        if size > MAX_CALENDAR_BYTES:
            fail(f"{path}: the file is larger than {MAX_CALENDAR_BYTES // 1024 // 1024} MB")
        data = path.read_bytes()
    except OSError as exc:
        fail(f"{path}: cannot be read ({exc.strerror or exc})")
    try:
        guess = read_training_calendar(
            data,
            start=today - dt.timedelta(days=LOOK_BACK_DAYS),
            end=today + dt.timedelta(days=LOOK_AHEAD_DAYS),
        )
    except Invalid as exc:
        fail(f"{path}: {exc}")
    if as_json:
        print_json(
            {
                "run_days": [d.value for d in guess.run_days],
                "long_run_day": guess.long_run_day.value if guess.long_run_day else None,
                "hard_days": [d.value for d in guess.hard_days],
                "races": [d.isoformat() for d in guess.race_dates],
                "runs": len(guess.events),
                "weeks": guess.weeks_seen,
                "problems": [str(p) for p in guess.problems],
            }
        )
        return
    days = ", ".join(d.value for d in guess.run_days) or "none found"
    console.print(f"runs: {len(guess.events)} over {guess.weeks_seen} weeks", highlight=False)
    console.print(f"run days: {days}", highlight=False)
    console.print(
        f"long run: {guess.long_run_day.value if guess.long_run_day else '-'}", highlight=False
    )
    console.print(f"hard days: {', '.join(d.value for d in guess.hard_days) or '-'}")
    console.print(f"races: {', '.join(d.isoformat() for d in guess.race_dates) or '-'}")
    for problem in guess.problems:
        console.print(f"[yellow]skipped[/] {escape(str(problem))}", highlight=False)
