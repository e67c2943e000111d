"""The API's one error shape: `{"detail": str, "problems": [{"field", "message"}]}`.

Every operation answers a bad request this way, through the handlers `install` puts on
the one `NinjaAPI`:

- 422: input that does not make sense, whether the domain says so
  (`footcore.domain.problems.Invalid`) or the body has the wrong shape, a wrong type
  or is empty;
- 400: a body that is not JSON;
- 401 (not signed in), 403 (refused: CSRF, or personal mode from another computer),
  404 (nothing there) with a short `detail` and, where one field is at fault, its
  problem.

`responses(...)` declares the same codes in each operation's OpenAPI entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from footcore.domain.problems import Invalid, Problem

if TYPE_CHECKING:
    from ninja import NinjaAPI

NOT_JSON = "the body is not valid JSON"
NO_BODY = "the request needs a JSON object as its body"

BAD_REQUEST = 400
UNAUTHORIZED = 401
FORBIDDEN = 403
NOT_FOUND = 404
UNPROCESSABLE = 422


class ProblemOut(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    """Why a request was refused; `problems` names each field at fault."""

    detail: str
    problems: list[ProblemOut]


def responses(*codes: int) -> dict[int, type[ErrorOut]]:
    """`ErrorOut` for each status code, to merge into an operation's `response={...}`.

    Every operation can answer 401 and 403, so they are always included.
    """
    return dict.fromkeys(sorted({UNAUTHORIZED, FORBIDDEN, *codes}), ErrorOut)


READ = responses()
"""An operation without input: only the sign-in and refusal answers."""
BODY = responses(BAD_REQUEST, UNPROCESSABLE)
"""An operation that takes a JSON body."""


def error_body(problems: Iterable[Problem], detail: str | None = None) -> dict[str, Any]:
    """The JSON body for `problems`; `detail` defaults to all of them on one line."""
    found = list(problems)
    return {
        "detail": detail if detail is not None else "; ".join(str(p) for p in found),
        "problems": [{"field": p.field, "message": p.message} for p in found],
    }


def error_response(
    status: int, problems: Iterable[Problem], detail: str | None = None
) -> JsonResponse:
    """The error shape as a plain Django response, for middleware in front of the API."""
    return JsonResponse(error_body(problems, detail), status=status)


# Pydantic names the member of a union it tried (`left.float`, `left.list[float]`);
# these are not fields of the body, so they are left out of the path.
_TYPE_TAG = re.compile(r"^[a-z][a-z0-9_-]*\[.*\]$")
_BASIC_TYPES = frozenset({"int", "float", "str", "bool", "list", "dict", "none", "tuple"})


def field_path(loc: Sequence[object]) -> str:
    """A pydantic error location as footcore's field path: `races[1]`, `answers.x`.

    The first element says where the value came from (`body`, `query`, `path`); for a
    body the second is the parameter's own name, which a client never writes.
    """
    parts = list(loc)
    if parts[:1] == ["body"]:
        parts = parts[2:]
    elif parts[:1] in (["query"], ["path"], ["header"], ["cookie"]):
        parts = parts[1:]
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(part, str) and (part in _BASIC_TYPES or _TYPE_TAG.match(part)):
            continue
        else:
            path += f".{part}" if path else str(part)
    return path


def _plain(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "required"
    if kind == "extra_forbidden":
        return "is not a field footcore knows"
    message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def validation_problems(errors: Sequence[dict[str, Any]]) -> list[Problem]:
    """Ninja's validation errors as problems, one per field (the first message wins)."""
    problems: dict[str, Problem] = {}
    for error in errors:
        field = field_path(error.get("loc", ()))
        if field == "" and error.get("loc", ())[:1] == ("body",):
            problems.setdefault("", Problem("", NO_BODY))
            continue
        problems.setdefault(field, Problem(field, _plain(error)))
    return list(problems.values())


def install(api: NinjaAPI) -> None:
    """Put footcore's error shape on every answer `api` gives to a bad request."""

    def reply(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(Invalid)
    def _invalid(request: HttpRequest, exc: Invalid) -> HttpResponse:
        return reply(request, UNPROCESSABLE, error_body(exc.problems))

    @api.exception_handler(ValidationError)
    def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return reply(request, UNPROCESSABLE, error_body(validation_problems(exc.errors)))

    @api.exception_handler(HttpError)
    def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == BAD_REQUEST and exc.message.startswith("Cannot parse request body"):
            return reply(request, BAD_REQUEST, error_body([Problem("", NOT_JSON)]))
        if isinstance(exc, AuthenticationError):
            return reply(request, UNAUTHORIZED, error_body([], "sign in first"))
        return reply(request, exc.status_code, error_body([], exc.message))

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return reply(request, NOT_FOUND, error_body([], str(exc) or "not found"))

    @api.exception_handler(PermissionDenied)
    def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return reply(request, FORBIDDEN, error_body([], str(exc) or "forbidden"))
