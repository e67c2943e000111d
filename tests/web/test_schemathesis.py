"""Schemathesis finds no server error, undocumented status or off-schema answer in the API.

It runs against a live `footcore serve` on the database the suite runs on: SQLite, or a
scratch database on the PostgreSQL server when DATABASE_URL names one (as in CI).
`scripts/schemathesis-long` runs the same with a much larger budget.
"""

from __future__ import annotations

import os

from tests.support.api_fuzz import fuzz

CASES_PER_OPERATION = 60
CI_BUDGET = 1000
"""At least this many cases in all, over every operation of the schema."""


def _postgres_server() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


def _operation_count() -> int:
    """Every operation of the schema, so a new one is fuzzed the day it exists."""
    from footcore.web.api import api

    return sum(len(item) for item in api.get_openapi_schema()["paths"].values())


def test_schemathesis_finds_no_failure_in_a_thousand_cases_over_every_operation() -> None:
    result = fuzz(max_examples=CASES_PER_OPERATION, seed=8, postgres=_postgres_server())
    print(f"schemathesis: {result.generated} cases generated, {result.failures} failures")
    assert f"Tested: {_operation_count()}" in result.output, result.output[-4000:]
    assert result.failures == 0, result.output[-8000:]
    assert result.returncode == 0, result.output[-8000:]
    assert result.generated >= CI_BUDGET, result.output[-4000:]
