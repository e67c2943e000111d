"""`footcore start`: play a planned session in the terminal, then log how it went."""

from __future__ import annotations

import datetime as dt
import sys
import time
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.prompt import Confirm

from footcore.cli.output import console, fail
from footcore.cli.player_core import Player
from footcore.cli.player_log import Answers, ask_answers, session_log
from footcore.cli.player_view import Keys, Played, play
from footcore.domain.logbook import ExerciseLog
from footcore.domain.plan import PlanItem, PlannedSession, SessionKind
from footcore.domain.planning import session_to_play
from footcore.domain.timeline import Step, build_timeline, total_s

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from footcore.domain.profile import Profile

# Module attributes so tests can swap in a fake clock that sleeps instantly.
monotonic = time.monotonic
sleep = time.sleep


class Kind(StrEnum):
    STRENGTH = "strength"
    ACTIVATION = "activation"


def register(app: typer.Typer) -> None:
    app.command("start")(start)


def start(
    date: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Play another day's session (default: today)."),
    ] = None,
    kind: Annotated[
        Kind | None,
        typer.Option(help="Which session when a day has both (default: strength)."),
    ] = None,
    preview: Annotated[
        str | None,
        typer.Option(
            "--preview",
            metavar="EXERCISE",
            help="Play one exercise from the library at its default dose (nothing is logged).",
        ),
    ] = None,
    no_log: Annotated[
        bool, typer.Option("--no-log", help="Do not ask how it went and store nothing.")
    ] = False,
    swap: Annotated[
        list[str] | None,
        typer.Option(
            "--swap",
            metavar="EXERCISE[=OTHER]",
            help="Do another exercise in EXERCISE's place (OTHER, or the first that fits);"
            " repeat for more.",
        ),
    ] = None,
) -> None:
    """Play today's session with a live countdown and bell cues, then log it.

    Keys: space or p pause and resume, s skip the exercise, n next step, b back, q quit.
    """
    from footcore.catalog.cache import default_catalog

    names = {e.id: e.name for e in default_catalog().exercises}
    if preview is not None:
        if date is not None or kind is not None:
            fail("--preview plays one library exercise: leave out --date and --kind")
        item = _preview_item(preview)
        steps = build_timeline([item], names=names)
        _run(steps, title=f"Preview: {names[item.exercise]}")
        return
    if swap and preview is not None:
        fail("--swap changes a planned session: leave out --preview")
    user, session, today, profile = _stored_session(date, kind, no_log=no_log)
    if swap:
        from footcore.cli.player_swap import apply_swaps

        session = apply_swaps(session, swap, default_catalog(), profile)
    steps = build_timeline(session.items, names=names)
    title = f"{session.kind.value.capitalize()} session · {session.date.isoformat()}"
    played = _run(steps, title=title)
    if no_log:
        return
    if not played.finished and not Confirm.ask(
        "You stopped early. Log the part you did?", console=console, default=True
    ):
        return
    answers = _ask()
    _store(user, session, steps, played, answers, today)


def _preview_item(exercise_id: str) -> PlanItem:
    from footcore.catalog.cache import default_catalog

    catalog = default_catalog()
    try:
        exercise = catalog.get(exercise_id)
    except KeyError:
        close = [i for i in catalog.ids() if exercise_id.lower() in i or i in exercise_id.lower()]
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        fail(f"--preview {exercise_id!r}: no such exercise{hint}; `footcore exercises` lists them")
    return PlanItem(exercise.id, exercise.default_variant, exercise.dose, "preview")


def _parse_date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        fail(f"--date {raw!r}: not a date in the form YYYY-MM-DD")


def _stored_session(
    date: str | None, kind: Kind | None, *, no_log: bool
) -> tuple[User, PlannedSession, dt.date, Profile]:
    # Parse the flag before touching the database, so a typo fails fast.
    day = _parse_date(date) if date is not None else None
    from footcore.cli.django_setup import setup

    setup()
    from footcore.web.accounts.services import local_runner
    from footcore.web.runner_clock import runner_today
    from footcore.web.training import selectors

    user = local_runner()
    profile = selectors.get_profile(user)
    if profile is None:
        fail("no stored profile: run `footcore profile set FILE` first")
    today = runner_today(profile)
    day = day or today
    playable: dict[SessionKind, PlannedSession] = {
        s.kind: s
        for s in selectors.sessions_on(user, day)
        if s.kind in (SessionKind.STRENGTH, SessionKind.ACTIVATION) and s.items
    }
    where = f"--date {day.isoformat()}" if date is not None else f"today ({day.isoformat()})"
    if not playable:
        fail(f"{where}: no session planned that day; `footcore plan` shows the days")
    if kind is not None:
        session = playable.get(SessionKind(kind.value))
        if session is None:
            others = ", ".join(k.value for k in playable)
            fail(f"--kind {kind.value}: no {kind.value} session on {day.isoformat()} ({others})")
    else:
        found = session_to_play(list(playable.values()))
        assert found is not None  # playable is not empty
        session = found
    if day > today and not no_log:
        fail(
            f"--date {day.isoformat()} is after today: a session is logged on or after its day;"
            " add --no-log to play it now"
        )
    return user, session, today, profile


def _run(steps: tuple[Step, ...], *, title: str) -> Played:
    console.print(
        f"[bold]{escape(title)}[/] · about {round(total_s(steps) / 60)} min, "
        f"{len(steps) - 1} steps",
        highlight=False,
    )
    player = Player(steps, now=monotonic())
    try:
        with Keys(sys.stdin, sleep=sleep) as keys:
            return play(
                player, console=console, keys=keys, clock=monotonic, sleep=sleep, title=title
            )
    except KeyboardInterrupt:
        console.print("\nstopped; nothing was logged.")
        raise typer.Exit(130) from None


def _ask() -> Answers:
    console.print("[bold]How did it go?[/]")
    try:
        return ask_answers(console)
    except (EOFError, KeyboardInterrupt):
        console.print()
        fail("the log questions were not answered (--no-log skips them); nothing was stored")


def _store(
    user: User,
    session: PlannedSession,
    steps: tuple[Step, ...],
    played: Played,
    answers: Answers,
    today: dt.date,
) -> None:
    from footcore.domain.problems import Invalid
    from footcore.web.sessions.services import log_session

    log = session_log(session, steps, played.completed, answers)
    try:
        outcome = log_session(user=user, log=log, today=today)
    except Invalid as exc:
        fail(f"the log was not stored: {exc}")
    console.print(
        f"[green]logged[/] {session.kind.value} session of {session.date.isoformat()}: "
        + done_in_full(log.exercises),
        highlight=False,
    )
    for change in outcome.changes:
        console.print("  - " + escape(change), highlight=False)
    if outcome.red_flag_screen_due:
        _red_flags(user, today)


def done_in_full(parts: tuple[ExerciseLog, ...]) -> str:
    """`3 of 4 exercises done in full`: an exercise counts when every side of it was."""
    by_exercise: dict[str, bool] = {}
    for part in parts:
        by_exercise[part.exercise] = by_exercise.get(part.exercise, True) and part.done
    done = sum(by_exercise.values())
    noun = "exercise" if len(by_exercise) == 1 else "exercises"
    return f"{done} of {len(by_exercise)} {noun} done in full"


def _red_flags(user: User, today: dt.date) -> None:
    from footcore.domain.logbook import RedFlagAnswers
    from footcore.domain.safety import RED_FLAG_QUESTIONS
    from footcore.web.sessions.services import record_red_flags

    console.print(
        "[bold yellow]That much pain calls for a short safety check[/] before you train again."
    )
    try:
        answers = {
            q.flag.field: Confirm.ask(escape(q.question), console=console, default=False)
            for q in RED_FLAG_QUESTIONS
        }
    except (EOFError, KeyboardInterrupt):
        console.print("\nNot answered: answer the safety questions on the Today page first.")
        return
    adaptation = record_red_flags(user=user, answers=RedFlagAnswers(**answers), today=today)
    if adaptation.stop_reason:
        console.print(f"[bold red]{escape(adaptation.stop_reason)}[/]", highlight=False)
    else:
        console.print("No red flags: carry on, and let pain guide the dose.")
