"""The `footcore` command."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from footcore.cli import accounts, assess, library, logging, planning, player, progress, server

app = typer.Typer(
    name="footcore",
    help="Foot-and-ankle strength coach for runners.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
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


accounts.register(app)
assess.register(app)
library.register(app)
logging.register(app)
planning.register(app)
player.register(app)
progress.register(app)
server.register(app)

if __name__ == "__main__":  # pragma: no cover
    app()
