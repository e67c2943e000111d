"""The `footcore` command.

Sub-commands are imported only when they run: `footcore today` never loads the PDF
or chart libraries, nor Django when its quick read answers (`footcore.cli.today_read`),
nor pydantic (`PlainOption`), and `footcore --help` loads no command at all. `COMMANDS` maps
each command to the module whose `register(app)` defines it and to the one-line help
the root help lists (a test checks it against the command's own), in that order.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core
import typer.main

COMMANDS: dict[str, tuple[str, str]] = {
    "assess": (
        "assess",
        "Record foot self-test results (guided prompts, or one value) and show what they mean.",
    ),
    "log": (
        "logging",
        "Log a planned session done without the player: everything done except --skip.",
    ),
    "checkin": ("logging", "Next-morning check: has the pain from your last session settled?"),
    "safety": (
        "safety",
        "Answer the red-flag questions (asked before loading, and again after high pain).",
    ),
    "clearance": ("safety", "Record a clinician's clearance after a red flag: training resumes."),
    "plan": ("planning", "Print or export a multi-week foot-strength plan."),
    "today": ("planning", "What to do today, from your stored plan."),
    "start": ("player", "Play today's session with a live countdown and bell cues, then log it."),
    "progress": (
        "progress",
        "Show your progress: sessions done, streak, minutes, pain and self-tests.",
    ),
    "serve": (
        "server",
        "Apply migrations, then serve footcore with gunicorn (a production WSGI server).",
    ),
    "rebuild-state": (
        "server",
        "Recompute every runner's stored adaptation state from their whole history.",
    ),
    "exercises": ("library", "Browse the exercise library."),
    "catalog": ("library", "Work with the exercise catalog data file."),
    "profile": ("planning", "Store or show your running profile."),
    "user": ("accounts", "Manage sign-in accounts (multi-user mode)."),
    "clinic": ("accounts", "Manage clinics (multi-user mode)."),
}


class PlainOption(typer.core.TyperOption):
    """An option whose value is taken as it is when it needs no conversion.

    Typer converts every option's value through a pydantic adapter, built the first
    time the option is processed, even for an option left at its default None.
    Importing pydantic for that costs about a third of `footcore today`'s start-up
    (bench/cli_startup.py). An optional single value that is None, or text for a text
    option with no parser of its own, is what the adapter would return, so it is passed
    on unchanged (typer does the same for a flag that is already True or False);
    anything else, a required option, or one taking several values, goes through typer
    as before. The options stay typer's own otherwise: `plain_options` only changes
    the class of the ones typer built.
    """

    def process_value(self, ctx: Any, value: Any) -> Any:
        described = self.type_descriptor
        text = described.annotation is str and described.parameter_info.parser is None
        plain = value is None or (text and type(value) is str)
        if not plain or self.required or self.nargs != 1 or self.multiple:
            return super().process_value(ctx, value)
        return value if self.callback is None else self.callback(ctx, self, value)


def _plain(params: list[Any]) -> list[Any]:
    for param in params:
        if type(param) is typer.core.TyperOption:
            param.__class__ = PlainOption
    return params


class PlainCommand(typer.core.TyperCommand):
    """A command whose options (its `--help` too) are `PlainOption`s."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


class PlainGroup(typer.core.TyperGroup):
    """A group whose options (its `--help` too) are `PlainOption`s."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


def plain_options(command: Any) -> Any:
    """`command` and its sub-commands, as typer built them, made `PlainCommand`s and
    `PlainGroup`s (they add nothing to typer's classes but `get_params`)."""
    if type(command) is typer.core.TyperCommand:
        command.__class__ = PlainCommand
    elif type(command) is typer.core.TyperGroup:
        command.__class__ = PlainGroup
    for sub in getattr(command, "commands", {}).values():
        plain_options(sub)
    return command


# Typer ships its own copy of click, so its types are not the `click` package's;
# the group below is typed loosely for that reason.
def _load(module_name: str) -> dict[str, Any]:
    module = importlib.import_module(f"footcore.cli.{module_name}")
    holder = typer.Typer()
    module.register(holder)
    return dict(plain_options(typer.main.get_group(holder)).commands)


class LazyGroup(PlainGroup):
    """A command group that imports a sub-command's module on first use."""

    listing = False
    """True while the root help lists the commands: it gets stand-ins with the
    one-line help from `COMMANDS` instead of the commands themselves."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if self.listing and cmd_name in COMMANDS and cmd_name not in self.commands:
            return typer.core.TyperCommand(cmd_name, help=COMMANDS[cmd_name][1])
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands.update(_load(COMMANDS[cmd_name][0]))
        return self.commands.get(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # Typer suggests near-miss names from `self.commands`; give it every name.
        name = str(args[0]) if args else ""
        if name not in COMMANDS:
            for module_name in dict.fromkeys(module for module, _ in COMMANDS.values()):
                self.commands.update(_load(module_name))
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="footcore",
    help="Foot-and-ankle strength coach for runners.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    cls=LazyGroup,
)


@app.callback()
def main(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Where footcore keeps its database and secret key "
            "(default: $FOOTCORE_DATA_DIR, else your user data directory).",
            file_okay=False,
            dir_okay=True,
        ),
    ] = None,
) -> None:
    if data_dir is not None:
        os.environ["FOOTCORE_DATA_DIR"] = str(data_dir.expanduser().resolve())


def command_group() -> Any:
    """The root click group, as the README reference and tests walk it."""
    return typer.main.get_command(app)


if __name__ == "__main__":  # pragma: no cover
    app()
