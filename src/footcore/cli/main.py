"""The `footcore` command.

Sub-commands are imported only when they run (or when help lists them): `footcore
today` never loads the PDF or chart libraries. `COMMANDS` maps each command to the
module whose `register(app)` defines it, in the order help lists them.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core
import typer.main

COMMANDS: dict[str, str] = {
    "assess": "assess",
    "log": "logging",
    "checkin": "logging",
    "plan": "planning",
    "today": "planning",
    "start": "player",
    "progress": "progress",
    "serve": "server",
    "exercises": "library",
    "catalog": "library",
    "profile": "planning",
    "user": "server",
}


# Typer ships its own copy of click, so its types are not the `click` package's;
# the group below is typed loosely for that reason.
def _load(module_name: str) -> dict[str, Any]:
    module = importlib.import_module(f"footcore.cli.{module_name}")
    holder = typer.Typer()
    module.register(holder)
    return dict(typer.main.get_group(holder).commands)


class LazyGroup(typer.core.TyperGroup):
    """A command group that imports a sub-command's module on first use."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands.update(_load(COMMANDS[cmd_name]))
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # Typer suggests near-miss names from `self.commands`; give it every name.
        name = str(args[0]) if args else ""
        if name not in COMMANDS:
            for module_name in dict.fromkeys(COMMANDS.values()):
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
