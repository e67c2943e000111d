"""`footcore safety` (the red-flag screen), `footcore clearance`, and the door check
that `start`, `log`, `today` and `plan` make before showing or storing anything."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.prompt import Confirm

from footcore.cli.django_setup import setup
from footcore.cli.output import console, fail

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def register(app: typer.Typer) -> None:
    app.command("safety")(safety)
    app.command("clearance")(clearance)


def _runner() -> tuple[User, dt.date]:
    setup()
    from footcore.web.accounts.services import local_runner
    from footcore.web.runner_clock import runner_today
    from footcore.web.training import selectors

    user = local_runner()
    return user, runner_today(selectors.get_profile(user))


def refuse_if_blocked(user: User, today: dt.date) -> None:
    """Exit with the reason when no exercise may be shown or logged now."""
    from footcore.web.sessions.selectors import gate_for

    gate = gate_for(user, today)
    if gate.open:
        return
    console.print(f"[bold red]No exercises now.[/] {escape(gate.reason or '')}", highlight=False)
    if gate.gate.value == "stopped":
        console.print(
            "After a clinician has seen you and cleared you, record it with "
            "`footcore clearance --confirm`."
        )
    else:
        console.print("Answer them with `footcore safety`.")
    raise typer.Exit(3)


def ask_screen(user: User, today: dt.date) -> bool:
    """Ask every red-flag question and store the screen; False when not all were answered."""
    from footcore.domain.safety import RED_FLAG_QUESTIONS
    from footcore.web.sessions.services import record_red_flags

    console.print(
        "[bold]Safety questions[/]: answer each yes or no. footcore coaches, it does not "
        "diagnose; a yes sends you to a clinician before more training."
    )
    try:
        answers = {
            q.field: Confirm.ask(escape(q.question), console=console, default=None)
            for q in RED_FLAG_QUESTIONS
        }
    except (EOFError, KeyboardInterrupt):
        console.print("\nNot all questions were answered: nothing was stored.")
        return False
    adaptation = record_red_flags(user=user, answers=answers, today=today)
    if adaptation.stop_reason:
        console.print(f"[bold red]{escape(adaptation.stop_reason)}[/]", highlight=False)
    else:
        console.print("No red flags: carry on, and let pain guide the dose.")
    return True


def safety() -> None:
    """Answer the red-flag questions (asked before loading, and again after high pain)."""
    user, today = _runner()
    if not ask_screen(user, today):
        raise typer.Exit(1)


def clearance(
    confirm: Annotated[
        bool,
        typer.Option(
            "--confirm",
            help="Confirm that a clinician (doctor or physical therapist) cleared you to train.",
        ),
    ] = False,
    note: Annotated[str, typer.Option(help="Who cleared you, and anything they said.")] = "",
) -> None:
    """Record a clinician's clearance after a red flag: training resumes."""
    if not confirm:
        fail("--confirm: only record a clearance a clinician actually gave you")
    user, today = _runner()
    from footcore.domain.problems import Invalid
    from footcore.web.sessions.services import record_clearance

    try:
        record_clearance(user=user, note=note, today=today)
    except Invalid as exc:
        fail("; ".join(f"--{p.field}: {p.message}" for p in exc.problems))
    console.print("[green]clearance recorded[/]: your plan is back on.")
