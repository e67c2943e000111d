"""`footcore assess`: record self-test results, guided or in one line, and say what they mean."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.prompt import Prompt

from footcore.cli.django_setup import setup
from footcore.cli.output import console, err_console, fail
from footcore.domain.assessments import DEFINITIONS, TestKind, Value
from footcore.domain.faam import ADL_ITEMS, SPORTS_ITEMS, OverallRating
from footcore.domain.vocab import Side

if TYPE_CHECKING:
    from django.contrib.auth.models import User

PER_SIDE = [k for k in TestKind if DEFINITIONS[k].per_side]
GROUPS: dict[str, list[TestKind]] = {}
for _kind in PER_SIDE:
    GROUPS.setdefault(DEFINITIONS[_kind].group, []).append(_kind)


class SideChoice(StrEnum):
    LEFT = "left"
    RIGHT = "right"


class SurfaceChoice(StrEnum):
    """The surfaces a heel raise may be recorded on (`assessments.RECORDABLE_SURFACES`)."""

    INCLINE = "incline"
    FLAT = "flat"


def register(app: typer.Typer) -> None:
    app.command("assess")(assess)


def assess(
    test: Annotated[
        str | None,
        typer.Argument(
            help="A test id (heel-raise, balance-eyes-open, toe-yoga-big-toe, knee-to-wall ...),"
            " a group (balance, toe-yoga, paper-grip) or faam. Without it: all tests, guided."
        ),
    ] = None,
    side: Annotated[SideChoice | None, typer.Option(help="The foot tested.")] = None,
    value: Annotated[
        str | None,
        typer.Option(
            help="The result: a number in the test's unit, pass/partial/fail, or up to 3"
            " comma-separated balance trials in seconds. Without it, you are asked."
        ),
    ] = None,
    surface: Annotated[
        SurfaceChoice | None,
        typer.Option(
            help="Heel raise only: where you stood, incline (a 10 degree board, as the"
            " published values were measured) or flat (floor: compared only with your own"
            " flat-floor results). Guided, you are asked."
        ),
    ] = None,
) -> None:
    """Record foot self-test results (guided prompts, or one value) and show what they mean."""
    if test is not None and test != "faam" and test not in GROUPS and test not in PER_SIDE:
        choices = ", ".join([*(k.value for k in PER_SIDE), "balance", "toe-yoga", "faam"])
        fail(f"TEST {test!r}: unknown test; choose one of {choices}")
    if value is not None and (test is None or test not in PER_SIDE):
        fail("--value: give a single test id too, e.g. `footcore assess heel-raise --side left`")
    if surface is not None and test not in (None, TestKind.HEEL_RAISE.value):
        fail("--surface: only the heel raise records a surface; leave it out for this test")
    if value is not None and test == TestKind.HEEL_RAISE.value and surface is None:
        fail("--surface: say where you did the heel raise: --surface incline or --surface flat")
    chosen = None if surface is None else surface.value
    setup()
    from footcore.web.accounts.services import local_runner
    from footcore.web.runner_clock import runner_today
    from footcore.web.training.selectors import get_profile

    user = local_runner()
    today = runner_today(get_profile(user))
    if test == "faam":
        _faam(user, today)
        return
    if value is not None:
        assert test is not None  # checked above, before Django starts
        kind = TestKind(test)
        if side is None:
            fail(f"--side: {DEFINITIONS[kind].name} is tested per side; give --side left or right")
        _record_one(user, today, kind, Side(side.value), value, chosen)
        return
    if test is None:
        groups = list(GROUPS)
    else:
        groups = [test] if test in GROUPS else [DEFINITIONS[TestKind(test)].group]
    kinds_only = None if test is None or test in GROUPS else TestKind(test)
    for group in groups:
        kinds = [k for k in GROUPS[group] if kinds_only in (None, k)]
        if test is None:
            optional = " (optional)" if DEFINITIONS[kinds[0]].optional else ""
            answer = Prompt.ask(f"\n[bold]{escape(group)}[/]{optional}: do it now?", default="y")
            if answer.strip().lower() not in {"y", "yes"}:
                continue
        sides = [Side(side.value)] if side else [Side.LEFT, Side.RIGHT]
        _guided(user, today, kinds, sides, chosen)
    if test is None and Prompt.ask(
        "\n[bold]FAAM questionnaire[/]: answer it now?", default="n"
    ) in {
        "y",
        "yes",
    }:
        _faam(user, today)


def _record_one(
    user: User, today: dt.date, kind: TestKind, side: Side, raw: str, surface: str | None
) -> None:
    from footcore.domain.problems import Invalid
    from footcore.web.assessments import services

    try:
        services.record_results(
            user=user, values={kind: {side: raw}}, today=today, heel_raise_surface=surface
        )
    except Invalid as exc:
        prefix = f"{kind.value}."
        fail(
            "; ".join(
                f"--{_option(p.field.removeprefix(prefix))}: {p.message}" for p in exc.problems
            )
        )
    _explain(user, [kind])


def _option(field: str) -> str:
    """The option a problem is about: `surface` is its own, the rest is the value."""
    return "surface" if field == "surface" else f"value ({field})"


def _ask_surface() -> str:
    """Where the heel raise was done; asked before the count, as it changes its meaning."""
    return Prompt.ask(
        "Where do you stand for it: on a 10 degree incline board, or on a flat floor?",
        choices=[c.value for c in SurfaceChoice],
    )


def _ask_value(kind: TestKind, side: Side) -> Value | None:
    """Ask until the answer is valid or blank (skip); bad answers name the field."""
    from footcore.web.assessments.services import check

    definition = DEFINITIONS[kind]
    if definition.valid is None:
        hint = "/".join(definition.grades)
    elif definition.trials > 1:
        hint = f"up to {definition.trials} trials in seconds, comma-separated"
    else:
        hint = definition.unit.value
    while True:
        raw = Prompt.ask(
            f"{escape(definition.short_name)}, {side.value} ({hint}; blank to skip)",
            default="",
            show_default=False,
        )
        if not raw.strip():
            return None
        value, problems = check(kind, side, raw)
        if value is not None:
            return value
        for problem in problems:
            err_console.print(f"[red]{problem.field}:[/] {escape(problem.message)}")


def _guided(
    user: User, today: dt.date, kinds: list[TestKind], sides: list[Side], surface: str | None
) -> None:
    from footcore.web.assessments import services

    values: dict[TestKind, dict[Side, object]] = {}
    for kind in kinds:
        definition = DEFINITIONS[kind]
        console.print(f"\n[bold]{escape(definition.name)}[/]")
        for number, step in enumerate(definition.instructions, start=1):
            console.print(f"  {number}. {escape(step)}", highlight=False)
        if kind is TestKind.HEEL_RAISE and surface is None:
            surface = _ask_surface()
        for side in sides:
            if definition.cadence_bpm is not None:
                _offer_metronome(definition.cadence_bpm, side)
            value = _ask_value(kind, side)
            if value is not None:
                values.setdefault(kind, {})[side] = value
    if not values:
        console.print("nothing recorded")
        return
    services.record_results(
        user=user,
        values=values,
        today=today,
        heel_raise_surface=surface if TestKind.HEEL_RAISE in values else None,
    )
    _explain(user, list(values))


def _offer_metronome(bpm: int, side: Side) -> None:
    """In a terminal, pace the test: a bell on every beat until a key is pressed."""
    import sys
    import time

    from footcore.cli.metronome import metronome
    from footcore.cli.player_view import Keys

    if not (sys.stdin.isatty() and console.is_terminal):
        return
    answer = Prompt.ask(
        f"Start the {bpm} bpm metronome for the {side.value} foot? (any key stops it)",
        choices=["y", "n"],
        default="y",
    )
    if answer == "y":
        with Keys(sys.stdin, sleep=time.sleep) as keys:
            metronome(bpm=bpm, console=console, keys=keys, clock=time.monotonic)


def _explain(user: User, kinds: list[TestKind]) -> None:
    from footcore.web.assessments.selectors import readings_for
    from footcore.web.training.selectors import get_profile

    latest = {
        (r.result.kind, r.result.side): r
        for r in readings_for(user, get_profile(user))
        if r.result.kind in kinds
    }
    console.print("[green]saved[/]; your plan now takes it into account.")
    for (kind, side), reading in latest.items():
        where = f", {side.value}" if side else ""
        console.print(
            f"[bold]{escape(DEFINITIONS[kind].short_name)}{where}: {escape(reading.shown)}[/]"
        )
        for line in (reading.norm, reading.change, reading.asymmetry):
            if line:
                console.print(f"  {escape(line)}", highlight=False)


def _ask_answer(field: str, item: str) -> int | None:
    while True:
        raw = Prompt.ask(f"{field} {escape(item)} (0-4, n/a)", default="n/a").strip().lower()
        if raw in {"n/a", "na", ""}:
            return None
        if raw in {"0", "1", "2", "3", "4"}:
            return int(raw)
        err_console.print(f"[red]{field}:[/] answer must be 0-4 or N/A")


def _ask_rating(field: str, text: str) -> int | None:
    while True:
        raw = Prompt.ask(f"{text} (0-100, blank to skip)", default="", show_default=False)
        if not raw.strip():
            return None
        if raw.strip().isdigit() and 0 <= int(raw) <= 100:
            return int(raw)
        err_console.print(f"[red]{field}:[/] self-rating must be a whole number 0-100")


def _faam(user: User, today: dt.date) -> None:
    from footcore.web.assessments import services

    console.print(
        "\n[bold]FAAM[/] (martin-faam-2005): for the past week, 4 no difficulty, 3 slight,"
        " 2 moderate, 1 extreme difficulty, 0 unable; n/a when something other than your"
        " foot or ankle limits the activity."
    )
    adl = [_ask_answer(f"adl[{i}]", item) for i, item in enumerate(ADL_ITEMS)]
    sports = [_ask_answer(f"sports[{i}]", item) for i, item in enumerate(SPORTS_ITEMS)]
    adl_rating = _ask_rating("adl_self_rating", "Daily activities: your level of function")
    sports_rating = _ask_rating("sports_self_rating", "Sports: your level of function")
    overall = Prompt.ask(
        "Overall function",
        choices=[r.value for r in OverallRating] + ["skip"],
        default="skip",
    )
    score = services.record_faam(
        user=user,
        adl=adl,
        sports=sports,
        adl_self_rating=adl_rating,
        sports_self_rating=sports_rating,
        overall=None if overall == "skip" else overall,
        today=today,
    )
    for label, sub in (("Daily living", score.adl), ("Sports", score.sports)):
        shown: Any = f"{sub.percent:.1f}%" if sub.percent is not None else sub.not_scorable_reason
        console.print(f"[bold]{label}:[/] {escape(str(shown))}", highlight=False)
    _explain_change(user)


def _explain_change(user: User) -> None:
    from footcore.web.assessments.selectors import readings_for

    faam = [
        r
        for r in readings_for(user, None)
        if r.result.kind in (TestKind.FAAM_ADL, TestKind.FAAM_SPORTS) and r.change
    ]
    for reading in faam[-2:]:
        console.print(f"  {escape(reading.change or '')}", highlight=False)
