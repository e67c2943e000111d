"""Pages, commands and exports take the pain scale's numbers from the domain.

`footcore.domain.safety` and `footcore.domain.logbook` hold them (`RED_FLAG_SCREEN_FROM`,
`ACCEPTABLE_MAX`, `FINE_MAX`, `PAIN_MAX`); a "7/10" typed into a template would go
stale the day the domain changes.
"""

from __future__ import annotations

import re
from pathlib import Path

import footcore

SRC = Path(footcore.__file__).parent
ADAPTERS = ("web", "cli", "interchange")
RETYPED = re.compile(r"\b\d+ ?(/|out of) ?10\b")


def _retyped(text: str) -> list[str]:
    return [m.group(0) for m in RETYPED.finditer(text)]


def test_no_adapter_retypes_a_pain_score_out_of_ten() -> None:
    found = [
        f"{path.relative_to(SRC)}: {hit}"
        for package in ADAPTERS
        for path in sorted((SRC / package).rglob("*"))
        if path.suffix in {".py", ".html", ".txt"} and "migrations" not in path.parts
        for hit in _retyped(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_check_itself_spots_a_retyped_threshold() -> None:
    assert _retyped("Pain of 7/10 or more; up to 2 out of 10 is fine") == ["7/10", "2 out of 10"]
