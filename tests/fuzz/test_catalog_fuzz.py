"""The catalog loader, fuzzed from the shipped data files, mutated line by line."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from footcore.catalog.loader import CatalogError, load_catalog
from tests.fuzz.support import EXAMPLES, fuzz, within_budget

FILES = ("exercises.yaml", "citations.yaml", "illustrations.yaml")
SHIPPED = {
    name: resources.files("footcore.catalog").joinpath(name).read_text("utf-8") for name in FILES
}
NAMED = ("line ", "exercise ", "citation ", "illustration", "expected ", "file not found")


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(FILES))
    lines = SHIPPED[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        how = draw(st.integers(0, 4))
        if how == 0:
            del lines[at]
        elif how == 1:
            lines.insert(at, lines[draw(st.integers(0, len(lines) - 1))])
        elif how == 2:
            head, colon, _ = lines[at].partition(":")
            value = draw(
                st.sampled_from(
                    [
                        "",
                        " -1",
                        " 99999",
                        " [",
                        " {a: b}",
                        " &x [*x]",
                        " !!python/object:os.system",
                        " 2024-13-45",
                        " ~",
                    ]
                )
            )
            lines[at] = head + (colon or ":") + value + "\n"
        elif how == 3:
            cut = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:cut] + draw(st.text(max_size=6)) + lines[at][cut:]
        else:
            lines = lines[: at + 1]
    return name, "".join(lines)


@settings(fuzz, max_examples=max(1, EXAMPLES // 4))  # each load validates the whole catalog
@given(case=mutated())
def test_a_mutated_catalog_loads_or_every_problem_names_its_file_and_place(
    case: tuple[str, str],
) -> None:
    name, text = case
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for file in FILES:
            path = Path(folder) / file
            path.write_text(text if file == name else SHIPPED[file], encoding="utf-8")
            paths.append(path)
        error: CatalogError | None = None
        try:
            within_budget(lambda: load_catalog(*paths))
        except CatalogError as exc:
            error = exc
    if error is not None:
        assert error.problems
        for problem in error.problems:
            file, _, rest = problem.partition(": ")
            assert file in FILES, problem
            assert rest.startswith(NAMED) or ": " in rest, problem
