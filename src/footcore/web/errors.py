"""The API's one error shape: `{"detail": str, "problems": [{"field", "message"}]}`.

Every operation answers a bad request this way: 422 for input that does not make sense
(`footcore.domain.problems.Invalid`, or a body of the wrong shape), 400 for a body that
is not JSON, and 404/403/409 with an empty or short problem list where they apply.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ninja import Schema

from footcore.domain.problems import Problem


class ProblemOut(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    problems: list[ProblemOut]


def error_body(problems: Iterable[Problem], detail: str | None = None) -> dict[str, Any]:
    """The JSON body for `problems`; `detail` defaults to all of them on one line."""
    found = list(problems)
    return {
        "detail": detail if detail is not None else "; ".join(str(p) for p in found),
        "problems": [{"field": p.field, "message": p.message} for p in found],
    }
