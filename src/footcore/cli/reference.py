"""The CLI reference in the README, generated from the commands themselves.

`uv run python -m footcore.cli.reference --write` rewrites README.md's block; a test
fails when the README and the commands disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from footcore.cli.main import command_group

START = "<!-- cli-reference:start -->"
END = "<!-- cli-reference:end -->"


# Typer builds on its own copy of click; duck typing keeps this independent of which.
def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    found = [(path, command)]
    if not hasattr(command, "list_commands"):
        return found
    ctx = command.context_class(command, info_name=" ".join(path))
    for name in sorted(command.list_commands(ctx)):
        found.extend(_walk(command.get_command(ctx, name), [*path, name]))
    return found


def reference() -> str:
    root = command_group()
    blocks: list[str] = []
    for path, command in _walk(root, ["footcore"]):
        ctx = command.context_class(command, info_name=" ".join(path), terminal_width=100)
        formatter = ctx.make_formatter()
        formatter.width = 100
        command.format_usage(ctx, formatter)
        help_text = (command.help or "").strip().splitlines()
        if help_text:
            formatter.write_paragraph()
            formatter.write_text(help_text[0])
        # A group's `format_options` lists its commands too.
        command.format_options(ctx, formatter)
        text = formatter.getvalue().rstrip()
        blocks.append(f"### `{' '.join(path)}`\n\n```text\n{text}\n```")
    return "\n\n".join(blocks)


def rewrite(readme: str) -> str:
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    return pattern.sub(lambda _: f"{START}\n{reference()}\n{END}", readme)


if __name__ == "__main__":  # pragma: no cover
    target = Path(__file__).resolve().parents[3] / "README.md"
    updated = rewrite(target.read_text(encoding="utf-8"))
    if "--write" in sys.argv:
        target.write_text(updated, encoding="utf-8")
    else:
        sys.stdout.write(reference() + "\n")
