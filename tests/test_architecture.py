"""The domain core stays pure: it imports only the standard library and itself."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import footcore

SRC = Path(footcore.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_the_domain_imports_only_the_standard_library_and_itself() -> None:
    offenders: list[str] = []
    for path in sorted((SRC / "domain").rglob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            if name.startswith("footcore.domain") or top == "__future__":
                continue
            if top == "footcore" or top not in sys.stdlib_module_names:
                offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert offenders == []


def test_nothing_below_the_adapters_imports_web_or_cli() -> None:
    offenders = [
        f"{path.relative_to(SRC)} imports {name}"
        for package in ("domain", "catalog", "figure", "interchange")
        for path in sorted((SRC / package).rglob("*.py"))
        for name in _imports(path)
        if name.startswith(("footcore.web", "footcore.cli"))
    ]
    assert offenders == []


def test_the_catalog_validates_poses_without_importing_the_figure_renderer() -> None:
    offenders = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted((SRC / "catalog").rglob("*.py"))
        for name in _imports(path)
        if name.startswith("footcore.figure")
    ]
    assert offenders == []


def test_the_architecture_check_itself_catches_a_framework_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import django\nfrom footcore.web import settings\n", encoding="utf-8")
    assert _imports(bad) == {"django", "footcore.web"}
