"""The profile reader, fuzzed: every input is a profile or a list of named fields.

Through the domain reader (`parse_profile`, used by the API and the form) and
through the file reader of `footcore plan --profile` (JSON text from disk).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from footcore.cli.main import app
from footcore.domain.problems import Invalid
from footcore.domain.profile import parse_profile
from tests.fuzz.support import fuzz, within_budget
from tests.web.builders import profile_data

FIELDS = set(profile_data()) | {"age", "sex", "timezone", "time_of_day"}
FIELD_NAME = re.compile(r"[a-z_]+(\[\d+\])?")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(
        [
            "mon",
            "sun",
            "2027-01-24",
            "2027-13-40",
            "UTC",
            "Europe/Berlin",
            "x" * 300,
            "06:30",
            "shin-splints",
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = profile_data()
    for _ in range(draw(st.integers(1, 5))):
        key = draw(st.sampled_from(sorted(FIELDS)) | st.text(max_size=8))
        if draw(st.booleans()) and key in data:
            del data[key]
        else:
            data[key] = draw(json_values)
    return data


@fuzz
@given(data=profiles())
def test_any_profile_object_parses_or_names_every_bad_field(data: dict[str, Any]) -> None:
    error: Invalid | None = None
    try:
        within_budget(lambda: parse_profile(data))
    except Invalid as exc:
        error = exc
    if error is not None:
        assert error.problems
        for field, message in ((p.field, p.message) for p in error.problems):
            assert message, field
            known = FIELD_NAME.fullmatch(field) and field.split("[")[0] in FIELDS
            assert field.strip(), message
            quoted = field[0] in "'\"" and field[-1] == field[0]  # an unknown, odd key
            assert known or field in data or quoted, field


@fuzz
@given(
    text=st.one_of(
        profiles().map(json.dumps),
        st.text(max_size=200),
        st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    )
)
def test_plan_from_any_profile_file_prints_a_plan_or_names_the_line_or_field(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profile.json"
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
        result = within_budget(
            lambda: CliRunner().invoke(app, ["plan", "--profile", str(path), "--format", "json"])
        )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    if result.exit_code != 0:
        assert result.exit_code == 2
        assert re.search(r"line \d+|\n  \S.*: |a profile is a JSON object", result.output), (
            result.output
        )
