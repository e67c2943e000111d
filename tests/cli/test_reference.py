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
