"""`footcore log` and `footcore checkin`."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from footcore.cli.django_setup import setup
from footcore.cli.output import console, fail
from footcore.domain.logbook import PAIN_MAX
from footcore.domain.planning import session_to_play
from footcore.domain.safety import RED_FLAG_SCREEN_FROM

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from footcore.domain.plan import PlannedSession


class Felt(StrEnum):
    TOO_EASY = "too-easy"
    JUST_RIGHT = "just-right"
    TOO_HARD = "too-hard"


class Kind(StrEnum):
    STRENGTH = "strength"
    ACTIVATION = "activation"


class YesNo(StrEnum):
    YES = "yes"
    NO = "no"


def register(app: typer.Typer) -> None:
    app.command("log")(log)
    app.command("checkin")(checkin)


def _date(flag: str, raw: str | None, default: dt.date) -> dt.date:
    if raw is None:
        return default
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        fail(f"{flag} {raw!r}: not a date in the form YYYY-MM-DD")


def _pain(raw: int | None) -> None:
    if raw is not None and not 0 <= raw <= 10:
        fail(f"--pain {raw}: must be 0 to 10")


def _runner() -> tuple[User, dt.date]:
    setup()
    from footcore.web.accounts.services import local_runner
    from footcore.web.runner_clock import runner_today
    from footcore.web.training import selectors

    user = local_runner()
    profile = selectors.get_profile(user)
    if profile is None:
        fail("no stored profile: run `footcore profile set FILE` first")
    return user, runner_today(profile)


def _session(user: User, day: dt.date, kind: Kind | None) -> PlannedSession:
    from footcore.web.training import selectors

    sessions = selectors.sessions_on(user, day)
    if kind is not None:
        sessions = [s for s in sessions if s.kind.value == kind.value]
    if not sessions:
        what = f"{kind.value} session" if kind else "session"
        fail(f"--date {day.isoformat()}: no {what} planned that day")
    found = session_to_play(sessions)
    assert found is not None  # sessions is not empty
    return found


def log(
    difficulty: Annotated[Felt, typer.Option(help="How the session felt.")],
    pain: Annotated[int, typer.Option(help="Worst pain during or right after, 0-10.")],
    date: Annotated[str | None, typer.Option(help="The session's day (default: today).")] = None,
    site: Annotated[str | None, typer.Option(help="Where it hurt, e.g. arch, heel.")] = None,
    notes: Annotated[str, typer.Option(help="Anything worth remembering.")] = "",
    skip: Annotated[
        list[str] | None, typer.Option(help="An exercise id you skipped (repeatable).")
    ] = None,
    kind: Annotated[
        Kind | None, typer.Option(help="Which session, on a day with two (default: strength).")
    ] = None,
    correct: Annotated[
        bool,
        typer.Option("--correct", help="Correct that session's log; the earlier version is kept."),
    ] = False,
) -> None:
    """Log a planned session done without the player: everything done except --skip."""
    _pain(pain)
    from footcore.domain.vocab import PainSite

    if site is not None and site not in {p.value for p in PainSite}:
        fail(f"--site {site!r}: choose one of {', '.join(p.value for p in PainSite)}")
    user, today = _runner()
    from footcore.cli.safety import refuse_if_blocked

    refuse_if_blocked(user, today)
    day = _date("--date", date, today)
    session = _session(user, day, kind)
    skipped = set(skip or ())
    unknown = sorted(skipped - {i.exercise for i in session.items})
    if unknown:
        planned = ", ".join(i.exercise for i in session.items)
        fail(f"--skip {unknown[0]}: not in the {day.isoformat()} session (planned: {planned})")
    import uuid

    from footcore.domain.logbook import Difficulty, ExerciseLog, SessionLog
    from footcore.domain.problems import Invalid
    from footcore.web.sessions.services import Conflict, correct_log, log_session

    entries = tuple(
        ExerciseLog(
            exercise=i.exercise,
            variant=i.variant,
            side=None,
            done=i.exercise not in skipped,
            sets_done=0 if i.exercise in skipped else i.dose.sets,
        )
        for i in session.items
    )
    record = SessionLog(
        date=day,
        kind=session.kind,
        exercises=entries,
        difficulty=Difficulty(difficulty.value),
        pain_0_10=pain,
        pain_site=PainSite(site) if site else None,
        notes=notes,
        # A first log has a key per session, so running the same command twice stores
        # it once; each correction is a new version with a key of its own.
        idempotency_key=f"cli-correct-{uuid.uuid4().hex}"
        if correct
        else f"cli-{day.isoformat()}-{session.kind.value}",
    )
    try:
        store = correct_log if correct else log_session
        outcome = store(user=user, log=record, today=today)
    except Invalid as exc:
        flags = {"date": "--date", "notes": "--notes", "pain_0_10": "--pain"}
        fail("; ".join(f"{flags.get(p.field, p.field)}: {p.message}" for p in exc.problems))
    except Conflict as exc:
        if exc.field == "program":
            fail(exc.message)
        if correct:
            fail(f"--correct: {exc.message}")
        fail(
            f"the {session.kind.value} session of {day.isoformat()} is already logged, "
            "differently: nothing was stored. To change what it says, add --correct "
            "(the earlier version is kept)"
        )
    if not outcome.created:
        console.print(f"already logged: the {session.kind.value} session of {day.isoformat()}")
    elif correct:
        console.print(
            f"[green]corrected[/] the {session.kind.value} session of {day.isoformat()} "
            "(the earlier version is kept)",
            highlight=False,
        )
    else:
        done = sum(e.done for e in entries)
        console.print(
            f"[green]logged[/] {session.kind.value} session of {day.isoformat()}: "
            f"{done} of {len(entries)} exercises done",
            highlight=False,
        )
    for change in outcome.changes:
        console.print("  - " + escape(change), highlight=False)
    if outcome.red_flag_screen_due:
        console.print(
            f"[bold yellow]Pain of {RED_FLAG_SCREEN_FROM}/{PAIN_MAX} or more: "
            "answer the safety questions[/] (`footcore safety`) before you train again."
        )


def checkin(
    settled: Annotated[YesNo, typer.Option(help="Has the pain settled this morning?")],
    session_date: Annotated[
        str | None,
        typer.Option(help="The session asked about (default: the latest awaiting a check)."),
    ] = None,
    pain: Annotated[int | None, typer.Option(help="Pain now, 0-10.")] = None,
) -> None:
    """Next-morning check: has the pain from your last session settled?"""
    _pain(pain)
    user, today = _runner()
    from footcore.domain.problems import Invalid
    from footcore.web.sessions import selectors
    from footcore.web.sessions.services import morning_check

    if session_date is None:
        day = selectors.pending_check(user, today)
        if day is None:
            fail("--session-date: no logged session is waiting for its morning check")
    else:
        day = _date("--session-date", session_date, today)
    try:
        adaptation = morning_check(
            user=user,
            session_date=day,
            settled=settled is YesNo.YES,
            pain_0_10=pain,
            today=today,
        )
    except Invalid as exc:
        flags = {"session_date": "--session-date", "pain_0_10": "--pain"}
        fail("; ".join(f"{flags.get(p.field, p.field)}: {p.message}" for p in exc.problems))
    console.print(f"[green]saved[/] morning check for {day.isoformat()}", highlight=False)
    for line in adaptation.explanations:
        console.print("  - " + escape(line), highlight=False)
