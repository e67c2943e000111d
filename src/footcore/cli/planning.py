"""`footcore plan`, `footcore today` and `footcore profile`."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from footcore.cli import calendar_import
from footcore.cli.django_setup import setup
from footcore.cli.output import console, fail, print_json

if TYPE_CHECKING:
    from footcore.domain.plan import Plan
    from footcore.domain.profile import Profile

# Heavy imports (the catalog's YAML, the PDF and calendar writers) happen inside the
# commands that need them, so `footcore --help` and `footcore today` start fast.

profile_app = typer.Typer(help="Store or show your running profile.", no_args_is_help=True)


class Format(StrEnum):
    JSON = "json"
    TEXT = "text"
    ICS = "ics"
    PDF = "pdf"


class Page(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)
    app.command("today")(today)
    app.add_typer(profile_app, name="profile")
    calendar_import.register(profile_app)


def read_profile_file(path: Path, *, argument: str = "FILE") -> Profile:
    """Read a JSON or TOML profile (TOML allows comments; see examples/), failing with
    the argument, file, line or field that is wrong. `argument` names the file as the
    command line gave it (`FILE`, `--profile`)."""
    from footcore.domain.problems import Invalid
    from footcore.domain.profile import parse_profile

    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"{argument} {path}: no such file")
    except IsADirectoryError:
        fail(f"{argument} {path}: is a folder, not a profile file")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{argument} {path}: cannot be read ({exc})")
    data = _parse_toml(path, raw) if path.suffix.lower() == ".toml" else _parse_json(path, raw)
    try:
        return parse_profile(data)
    except Invalid as exc:
        lines = "\n".join(f"  {problem}" for problem in exc.problems)
        fail(f"{path}: the profile has problems:\n{lines}")


def _parse_json(path: Path, raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        fail(f"{path}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})")
    if not isinstance(data, dict):
        fail(f"{path}: a profile is a JSON object ({{...}}), not {type(data).__name__}")
    return data


def _parse_toml(path: Path, raw: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        fail(f"{path}: not valid TOML ({exc})")


def plan(
    profile: Annotated[
        Path | None,
        typer.Option(
            "--profile", help="A JSON or TOML profile file; without it, your stored profile."
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TEXT,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of the terminal.")
    ] = None,
    page: Annotated[Page, typer.Option(help="PDF page size.")] = Page.A4,
) -> None:
    """Print or export a multi-week foot-strength plan."""
    if fmt is Format.PDF and out is None:
        fail("--format pdf: give --out FILE (a PDF is not for the terminal)")
    from footcore.catalog.cache import default_catalog
    from footcore.domain.planning import build_plan

    if profile is not None:
        runner = read_profile_file(profile, argument="--profile")
        the_plan = build_plan(runner, default_catalog())
        user_key = "profile:" + profile.name
        stopped = None
    else:
        runner, the_plan, user_key, stopped = _stored()
    _emit(the_plan, runner, fmt=fmt, out=out, page=page, user_key=user_key, stopped=stopped)


def _stored() -> tuple[Profile, Plan, str, tuple[dt.date, str] | None]:
    setup(migrate=False)
    from footcore.web.accounts.services import local_runner
    from footcore.web.runner_clock import runner_today
    from footcore.web.sessions.selectors import plan_at_the_door
    from footcore.web.training import selectors

    user = local_runner()
    runner = selectors.get_profile(user)
    if runner is None:
        fail("no stored profile: run `footcore profile set FILE` or pass --profile FILE")
    # While training is stopped the stored plan is withheld: no weeks, and why.
    today = runner_today(runner)
    the_plan, gate = plan_at_the_door(user, today)
    stopped = None if gate.open else (today, gate.reason or "")
    return runner, the_plan, f"user-{user.pk}", stopped


def _emit(
    the_plan: Plan,
    runner: Profile,
    *,
    fmt: Format,
    out: Path | None,
    page: Page,
    user_key: str,
    stopped: tuple[dt.date, str] | None,
) -> None:
    from footcore.catalog.cache import default_catalog
    from footcore.domain.plan_serialize import plan_to_dict
    from footcore.interchange.plan_files import plan_ics, plan_pdf

    catalog = default_catalog()
    if fmt is Format.JSON:
        data = plan_to_dict(the_plan, catalog)  # built once, printed or written
        _write_text(json.dumps(data, indent=2) + "\n", out) if out else print_json(data)
    elif fmt is Format.ICS:
        from footcore.config import base_url

        body = plan_ics(
            the_plan, catalog, runner, user_key=user_key, stopped=stopped, base_url=base_url()
        )
        _write_bytes(body, out) if out else typer.echo(body.decode("utf-8"), nl=False)
    elif fmt is Format.PDF:
        assert out is not None
        _write_bytes(plan_pdf(the_plan, catalog, page=page.value), out)
    else:
        _print_plan(the_plan, out)


def _write_text(text: str, out: Path) -> None:
    _write_bytes(text.encode("utf-8"), out)


def _write_bytes(body: bytes, out: Path) -> None:
    try:
        out.write_bytes(body)
    except OSError as exc:
        fail(f"--out {out}: cannot write ({exc})")
    console.print(f"wrote {out} ({len(body)} bytes)", highlight=False)


def _print_plan(the_plan: Plan, out: Path | None) -> None:
    from footcore.catalog.cache import default_catalog

    names = {e.id: e.name for e in default_catalog().exercises}
    lines: list[str] = []
    for warning in the_plan.warnings:
        lines.append(f"! {warning}")
    for week in the_plan.weeks:
        lines.append(f"\nWeek {week.index} ({week.kind.value})")
        for s in week.sessions:
            lines.append(
                f"  {s.date:%a %d %b}  {s.kind.value:<10} ~{round(s.estimated_s / 60)} min"
            )
            for item in s.items:
                lines.append(
                    f"      - {names.get(item.exercise, item.exercise)}: {item.dose.describe()}"
                )
                lines.append(f"        {item.reason}")
    text = "\n".join(lines).lstrip("\n") + "\n"
    if out is not None:
        _write_text(text, out)
    else:
        console.print(escape(text), highlight=False, end="")


def today(
    date: Annotated[str | None, typer.Option(help="Another day than today, as YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What to do today, from your stored plan."""
    from footcore.cli.today_read import read_today
    from footcore.web.runner_clock import runner_today

    read = read_today(lambda runner: _parse_date("--date", date) if date else runner_today(runner))
    if read is None:
        fail("no stored profile: run `footcore profile set FILE` first")
    from footcore.catalog.cache import default_catalog
    from footcore.cli.status_lines import print_status
    from footcore.domain.plan_serialize import session_to_dict

    day, status, sessions = read.day, read.status, read.sessions
    catalog = default_catalog()
    names = {e.id: e.name for e in catalog.exercises}
    if as_json:
        print_json(
            {
                "date": day.isoformat(),
                "status": status.as_dict(),
                "sessions": [session_to_dict(s, catalog) for s in sessions],
            }
        )
        return
    if print_status(status):
        return
    if not sessions:
        console.print(f"{day:%A %d %B}: nothing planned - a foot-work rest day.")
    for s in sessions:
        console.print(
            f"[bold]{day:%A %d %B}: {s.kind.value}[/] (about {round(s.estimated_s / 60)} min)"
        )
        for item in s.items:
            console.print(
                "  - "
                + escape(f"{names.get(item.exercise, item.exercise)}: {item.dose.describe()}"),
                highlight=False,
            )
            console.print(f"    [dim]{escape(item.reason)}[/]", highlight=False)


def _parse_date(flag: str, raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        fail(f"{flag} {raw!r}: not a date in the form YYYY-MM-DD")


@profile_app.command("set")
def profile_set(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="A JSON or TOML profile file (examples/ has commented ones)."
        ),
    ],
) -> None:
    """Store your profile and (re)plan every session from today on."""
    runner = read_profile_file(path)
    setup()
    from footcore.domain.profile import profile_to_dict
    from footcore.web.accounts.services import local_runner
    from footcore.web.runner_clock import runner_today
    from footcore.web.training import services

    user = local_runner()
    services.save_profile(user=user, data=profile_to_dict(runner), today=runner_today(runner))
    console.print(f"[green]saved[/] profile; plan of {runner.weeks} weeks from {runner.start}")


@profile_app.command("show")
def profile_show() -> None:
    """Print your stored profile as JSON."""
    setup(migrate=False)
    from footcore.domain.profile import profile_to_dict
    from footcore.web.accounts.services import local_runner
    from footcore.web.training import selectors

    runner = selectors.get_profile(local_runner())
    if runner is None:
        fail("no stored profile: run `footcore profile set FILE` first")
    data: dict[str, Any] = profile_to_dict(runner)
    print_json(data)
