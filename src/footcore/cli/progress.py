"""`footcore progress`: adherence, streaks, minutes, pain and the latest self-tests."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from footcore.cli.django_setup import setup
from footcore.cli.output import console, fail, print_json
from footcore.domain.assessments import Grade
from footcore.domain.logbook import PAIN_MAX
from footcore.domain.progress import Adherence
from footcore.domain.progress_summary import ProgressSummary


def register(app: typer.Typer) -> None:
    app.command("progress")(progress)


def progress(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    pdf: Annotated[
        Path | None,
        typer.Option("--pdf", help="Also write the PDF progress report to this file."),
    ] = None,
    page: Annotated[str, typer.Option(help="PDF page size: A4 or Letter.")] = "A4",
) -> None:
    """Show your progress: sessions done, streak, minutes, pain and self-tests."""
    if page not in ("A4", "Letter"):
        fail(f"--page {page}: choose A4 or Letter")
    if pdf is not None and not pdf.parent.is_dir():
        fail(f"--pdf {pdf}: the folder {pdf.parent} does not exist")
    setup(migrate=False)
    from footcore.web.accounts.services import local_runner
    from footcore.web.progress.report import report_for
    from footcore.web.progress.selectors import progress_for

    user = local_runner()
    summary = progress_for(user).summary
    if pdf is not None:
        try:
            pdf.write_bytes(report_for(user, page="A4" if page == "A4" else "Letter"))
        except OSError as exc:
            fail(f"--pdf {pdf}: cannot be written ({exc.strerror or exc})")
    if as_json:
        print_json(summary_to_dict(summary))
    else:
        _print(summary)
    if pdf is not None and not as_json:
        console.print(f"Progress report written to {pdf}", highlight=False)


def summary_to_dict(summary: ProgressSummary) -> dict[str, Any]:
    """The summary as plain JSON values (dates as ISO strings)."""
    percent = summary.adherence_percent
    return {
        "today": summary.today.isoformat(),
        "start": summary.start.isoformat(),
        "end": summary.end.isoformat(),
        "adherence": {
            "percent": None if percent is None else round(percent, 1),
            **{status.value: summary.count(status) for status in Adherence},
        },
        "streak": {"current": summary.streaks.current, "longest": summary.streaks.longest},
        "weekly_minutes": [
            {"week_start": w.week_start.isoformat(), "minutes": round(w.minutes, 1)}
            for w in summary.weekly_minutes
        ],
        "pain": [
            {
                "week_start": w.week_start.isoformat(),
                "max_0_10": w.max_0_10,
                "mean_0_10": round(w.mean_0_10, 2),
                "sessions": w.sessions,
            }
            for w in summary.pain
        ],
        "assessments": [
            {
                "kind": trend.kind.value,
                "name": trend.name,
                "unit": trend.unit.value,
                "latest": [
                    {
                        "side": None if r.side is None else r.side.value,
                        "date": r.date.isoformat(),
                        "value": r.value.value if isinstance(r.value, Grade) else r.value,
                        "standing": r.interpretation.standing.value,
                        "interpretation": r.interpretation.sentence,
                        "change": None if r.change is None else r.change.sentence,
                        "real_change": None if r.change is None else r.change.real,
                    }
                    for r in trend.latest
                ],
                "asymmetry": None
                if trend.asymmetry is None
                else {"flagged": trend.asymmetry.flagged, "sentence": trend.asymmetry.sentence},
            }
            for trend in summary.tests
        ],
    }


def _print(summary: ProgressSummary) -> None:
    from footcore.interchange.progress_charts import day_label

    if summary.is_empty:
        console.print(
            "No progress yet: plan with `footcore profile set FILE`, log sessions and do the"
            " self-tests.",
            highlight=False,
        )
        return
    percent = summary.adherence_percent
    console.print(
        f"[bold]Progress[/] {summary.start} to {summary.end} (as of {summary.today})\n"
        f"Done in full: {'none due yet' if percent is None else f'{percent:.0f}%'}"
        f" - {summary.count(Adherence.DONE)} done, {summary.count(Adherence.PARTLY_DONE)}"
        f" partly done, {summary.count(Adherence.MISSED)} missed\n"
        f"Streak: {summary.streaks.current} now, longest {summary.streaks.longest}",
        highlight=False,
    )
    weeks = Table(title="Minutes and pain per week")
    for column in ("Week of", "Minutes", "Worst pain", "Mean pain"):
        weeks.add_column(column, justify="right")
    pain = {w.week_start: w for w in summary.pain}
    for week in summary.weekly_minutes:
        felt = pain.get(week.week_start)
        weeks.add_row(
            day_label(week.week_start),
            f"{week.minutes:.0f}",
            "-" if felt is None else f"{felt.max_0_10}/{PAIN_MAX}",
            "-" if felt is None else f"{felt.mean_0_10:.1f}/{PAIN_MAX}",
        )
    console.print(weeks)
    if not summary.tests:
        console.print("No self-test results yet.")
        return
    tests = Table(title="Latest self-tests")
    for column in ("Test", "Side", "Date", "Result", "Against the reference"):
        tests.add_column(column)
    for trend in summary.tests:
        for r in trend.latest:
            value = r.value.value if isinstance(r.value, Grade) else f"{r.value:g} {trend.unit}"
            tests.add_row(
                trend.name,
                "both" if r.side is None else r.side.value,
                day_label(r.date),
                value,
                escape(
                    r.interpretation.sentence
                    + ("" if r.change is None else f"\n{r.change.sentence}")
                ),
            )
    console.print(tests)
    for flag in summary.flagged:
        console.print(f"[bold]Sides differ:[/] {escape(flag.sentence)}", highlight=False)
