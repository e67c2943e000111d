"""The program's status lines that `footcore today` prints before any exercise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from footcore.cli.output import console

if TYPE_CHECKING:
    from footcore.domain.runner_view import ProgramView


def print_status(view: ProgramView) -> bool:
    """Print the stop message or the red-flag prompt and the changes; True when no
    exercise may be shown (stopped, or a screen is owed)."""
    if view.stopped:
        console.print("[bold red]Training is stopped.[/]")
        console.print(escape(view.stop_reason or ""), highlight=False)
        console.print(
            "See a clinician (a doctor or physical therapist). No exercises are shown until "
            "you confirm their clearance (`footcore clearance --confirm`)."
        )
    elif view.screen_first:
        console.print(
            f"[bold yellow]Safety questions first:[/] {escape(view.gate.reason or '')} "
            "Answer them with `footcore safety`; no exercises are shown until then.",
            highlight=False,
        )
    if view.explanations:
        console.print("[bold]Changes[/]")
        for line in view.explanations:
            console.print("  - " + escape(line), highlight=False)
    return view.blocked
