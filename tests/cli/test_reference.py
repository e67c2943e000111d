"""The README's CLI reference is the commands' own help, so it cannot drift."""

from __future__ import annotations

from pathlib import Path

from footcore.cli.reference import rewrite

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_documents_every_command_as_it_is() -> None:
    text = README.read_text(encoding="utf-8")
    assert rewrite(text) == text, (
        "README.md's CLI reference is stale: run `uv run python -m footcore.cli.reference --write`"
    )


def test_the_reference_names_the_main_commands() -> None:
    text = README.read_text(encoding="utf-8")
    for command in ("footcore serve", "footcore exercises show", "footcore plan", "footcore today"):
        assert f"### `{command}`" in text


def test_each_command_block_lists_its_sub_commands_once() -> None:
    text = README.read_text(encoding="utf-8")
    for block in text.split("### `")[1:]:
        assert block.count("\nCommands:") <= 1, block.splitlines()[0]


def test_the_root_help_lists_each_command_with_its_own_first_help_line() -> None:
    import click

    from footcore.cli.main import COMMANDS, command_group

    group = command_group()
    ctx = click.Context(group)
    for name, (_, listed) in COMMANDS.items():
        command = group.get_command(ctx, name)
        assert command is not None, name
        assert (command.help or "").strip().splitlines()[0] == listed, name


def test_the_root_help_imports_no_command_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys, contextlib, io\n"
        "from footcore.cli.main import app\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    app(['--help'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('footcore.cli.', 'django',"
        " 'matplotlib', 'fpdf', 'yaml', 'footcore.catalog'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['footcore.cli.main']", out.stdout
