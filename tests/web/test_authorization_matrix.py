"""Every route and every API operation, asked by a stranger, by its owner and by another runner.

The routes come from the URLconf and the operations from the OpenAPI schema, so a
new endpoint is in the matrix the moment it exists; `EXPECTED` must then say what
kind of access it has, or the first test fails. In multi-user mode:

- nothing of runner A (her notes, her feed, her pages) reaches B or a stranger;
- nothing B or a stranger sends changes A's records;
- B asking for A's day and for a day nobody has gets the same answer, so the
  answer does not tell whether A has something there;
- no request of anyone is a server error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.api import api
from footcore.web.sessions.models import ClearanceEntry, RedFlagScreen, SessionLogEntry
from footcore.web.training.models import CalendarFeed, RunnerProfile
from footcore.web.training.services import create_feed
from tests.web.seeding import NOW, seed_four_weeks

pytestmark = pytest.mark.django_db

MARKER = "ana-private-note-4417"
"""Written into A's log and clearance notes; must never reach B or a stranger."""


class Access(Enum):
    PUBLIC = "anyone, signed in or not; holds nothing of a runner"
    OWN = "a signed-in runner's own data; a stranger is sent to sign in"
    FEED = "the secret token in the address is the key; a wrong one is 404 for all"
    ADMIN = "staff only; runners and strangers are sent to the admin sign-in"


P, OWN = Access.PUBLIC, Access.OWN
EXPECTED: dict[str, Access] = {
    "": OWN,
    "healthz": P,
    "accounts/login/": P,
    "accounts/logout/": P,
    "admin/login/": P,
    "admin/logout/": P,
    "api/openapi.json": P,
    "api/docs": P,
    "api/": P,
    "api/exercises": OWN,
    "api/exercises/<exercise_id>": OWN,
    "api/profile": OWN,
    "api/plan": OWN,
    "api/today": OWN,
    "api/logs": OWN,
    "api/logs/corrections": OWN,
    "api/checkins": OWN,
    "api/red-flags": OWN,
    "api/clearance": OWN,
    "api/status": OWN,
    "api/assessments": OWN,
    "api/faam": OWN,
    "api/prescription": OWN,
    "exercises": OWN,
    "exercises/<slug:exercise_id>": OWN,
    "exercises/<slug:exercise_id>/illustration.svg": OWN,
    "profile": OWN,
    "profile/calendar": OWN,
    "plan": OWN,
    "today": OWN,
    "plan.ics": OWN,
    "plan.pdf": OWN,
    "plan/feed": OWN,
    "plan/feed/revoke": OWN,
    "calendar/feed/<str:token>.ics": Access.FEED,
    "assess": OWN,
    "assess/faam": OWN,
    "assess/<slug:test_id>": OWN,
    "progress": OWN,
    "progress.pdf": OWN,
    "progress/charts/minutes.svg": OWN,
    "progress/charts/pain.svg": OWN,
    "progress/charts/tests/<str:kind>.svg": OWN,
    "log/<str:day>": OWN,
    "checkin": OWN,
    "safety": OWN,
    "safety/clearance": OWN,
    "session/<str:day>": OWN,
    "sw.js": P,
    "GET /api/exercises": OWN,
    "GET /api/exercises/{exercise_id}": OWN,
    "GET /api/profile": OWN,
    "PUT /api/profile": OWN,
    "GET /api/plan": OWN,
    "GET /api/today": OWN,
    "POST /api/logs": OWN,
    "POST /api/logs/corrections": OWN,
    "POST /api/checkins": OWN,
    "POST /api/red-flags": OWN,
    "POST /api/clearance": OWN,
    "GET /api/status": OWN,
    "GET /api/assessments": OWN,
    "POST /api/assessments": OWN,
    "POST /api/faam": OWN,
    "GET /api/prescription": OWN,
    # Password reset and joining with a physio's code: for anyone, holding nothing.
    "accounts/password-reset/": P,
    "accounts/password-reset/sent/": P,
    "accounts/reset/<uidb64>/<token>/": P,
    "accounts/reset/done/": P,
    "join": P,
    "POST /api/join": P,
    "api/join": P,
    # The clinic side: a clinician's own clinic, a client's own link. Who else may see
    # what is the matrix of tests/web/clinic/test_clinic_authorization.py.
    **dict.fromkeys(
        (
            "my-clinic",
            "my-clinic/consent",
            "my-clinic/unlink",
            "clinic",
            "clinic/audit.csv",
            "clinic/clients/<int:client_id>",
            "clinic/clients/<int:client_id>/intake",
            "clinic/clients/<int:client_id>/prescription",
            "clinic/clients/<int:client_id>/handout.pdf",
            "clinic/clients/<int:client_id>/clearance",
            "clinic/clients/<int:client_id>/code/revoke",
            "clinic/clients/<int:client_id>/code/new",
            "api/my-clinic",
            "api/my-clinic/consent",
            "api/my-clinic/unlink",
            "api/clinic/clients",
            "api/clinic/clients/<client_id>",
            "api/clinic/clients/<client_id>/intake",
            "api/clinic/clients/<client_id>/prescription",
            "api/clinic/clients/<client_id>/progress",
            "api/clinic/clients/<client_id>/clearance",
            "api/clinic/alerts",
            "GET /api/my-clinic",
            "PUT /api/my-clinic/consent",
            "POST /api/my-clinic/unlink",
            "GET /api/clinic/clients",
            "POST /api/clinic/clients",
            "GET /api/clinic/clients/{client_id}",
            "POST /api/clinic/clients/{client_id}/intake",
            "GET /api/clinic/clients/{client_id}/prescription",
            "PUT /api/clinic/clients/{client_id}/prescription",
            "GET /api/clinic/clients/{client_id}/progress",
            "POST /api/clinic/clients/{client_id}/clearance",
            "GET /api/clinic/alerts",
            "clinic/audit.json",
            "clinic/templates",
            "clinic/templates/<str:template_id>/delete",
            "clinic/clients/<int:client_id>/charts/pain.svg",
            "clinic/clients/<int:client_id>/charts/tests/<str:kind>.svg",
            "clinic/clients/<int:client_id>/prescription/template",
            "clinic/clients/<int:client_id>/prescription/save-template",
            "api/clinic/clients/<client_id>/prescription/template",
            "api/clinic/templates",
            "api/clinic/templates/<template_id>",
            "api/clinic/audit",
            "POST /api/clinic/clients/{client_id}/prescription/template",
            "GET /api/clinic/templates",
            "POST /api/clinic/templates",
            "GET /api/clinic/templates/{template_id}",
            "DELETE /api/clinic/templates/{template_id}",
            "GET /api/clinic/audit",
        ),
        OWN,
    ),
}
"""Every route of the URLconf and every operation of the API; see `Access`."""
GENERATED_PREFIX = "admin/"
"""Django's admin generates its routes per model; all but those named above are ADMIN."""

A_DAY = "2026-12-08"
"""A Tuesday A has logged; nobody has anything on `NO_DAY`."""
NO_DAY = "2031-06-03"
PARAMS: dict[str, tuple[str, str]] = {
    # name: (a value naming something of A's or the library, one naming nothing)
    "exercise_id": ("short-foot", "no-such-exercise"),
    "day": (A_DAY, NO_DAY),
    "test_id": ("heel-raise", "no-such-test"),
    "kind": ("heel-raise", "no-such-test"),
    "token": ("", "0" * 43),  # A's token is filled in once it exists
    "object_id": ("", "987654"),  # A's user id
    "id": ("", "987654"),
    "content_type_id": ("4", "987654"),
    "app_label": ("auth", "auth"),
    "url": ("nothing-here/", "nothing-here/"),
    "client_id": ("1", "987654"),
    "uidb64": ("MQ", "OTg3NjU0"),
    "template_id": ("own-1", "own-987654"),
}
OWNED = frozenset({"day", "token", "object_id", "id"})
"""Parameters that name something of A's (the rest name shared things: the library)."""
_PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\{(\w+)\}|\(\?P<(\w+)>[^)]*\)")


@dataclass(frozen=True, slots=True)
class Route:
    key: str
    """The key into `EXPECTED`: the URLconf pattern, or `METHOD /path` of an operation."""
    pattern: str
    methods: tuple[str, ...]

    @property
    def access(self) -> Access | None:
        if self.key in EXPECTED:
            return EXPECTED[self.key]
        return Access.ADMIN if self.key.startswith(GENERATED_PREFIX) else None

    def path(self, *, existing: bool) -> str:
        def fill(match: re.Match[str]) -> str:
            name = next(group for group in match.groups() if group)
            return PARAMS[name][0 if existing else 1]

        path = _PARAM.sub(fill, self.pattern).replace("^", "").replace("$", "")
        return "/" + path.lstrip("/")

    @property
    def names_owned(self) -> bool:
        names = {g for m in _PARAM.finditer(self.pattern) for g in m.groups() if g}
        return bool(names & OWNED)


def _url_patterns(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def all_routes() -> list[Route]:
    """Every URLconf pattern (asked with GET and POST) and every API operation."""
    routes = [
        Route(p, p, ("get", "post"))
        for p in dict.fromkeys(_url_patterns(get_resolver().url_patterns))
    ]
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method in operations:
            routes.append(Route(f"{method.upper()} {path}", path, (method,)))
    return routes


def test_every_route_and_operation_has_an_expected_access() -> None:
    routes = all_routes()
    missing = [r.key for r in routes if r.access is None]
    assert missing == [], f"add these to EXPECTED in {__name__}: {missing}"
    stale = set(EXPECTED) - {r.key for r in routes}
    assert stale == set(), f"EXPECTED names routes that no longer exist: {sorted(stale)}"


@dataclass
class Answer:
    status: int
    location: str
    body: str


def ask(client: Client, method: str, path: str) -> Answer:
    send = getattr(client, method)
    kwargs: dict[str, Any] = (
        {"content_type": "application/json"} if path.startswith("/api/") else {}
    )
    data: Any = {} if method != "get" else None
    response = send(path, data, **kwargs) if data is not None else send(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return Answer(response.status_code, response.get("Location", ""), body.decode("latin-1"))


def a_snapshot(ana: User) -> dict[str, Any]:
    return {
        "profile": RunnerProfile.objects.filter(user=ana).values_list("data", flat=True).first(),
        "logs": sorted(
            SessionLogEntry.objects.filter(user=ana).values_list("pk", "notes", "exercises")
        ),
        "screens": RedFlagScreen.objects.filter(user=ana).count(),
        "clearances": list(ClearanceEntry.objects.filter(user=ana).values_list("pk", "note")),
        "feeds": list(CalendarFeed.objects.filter(user=ana).values_list("token", flat=True)),
    }


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@time_machine.travel(NOW, tick=False)
def test_no_runner_sees_or_changes_another_runners_records(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False
    ana = User.objects.create_user(username="ana", password="a long passphrase for ana")
    ben = User.objects.create_user(username="ben", password="a long passphrase for ben")
    seed_four_weeks(ana)
    SessionLogEntry.objects.filter(user=ana, date=A_DAY).update(notes=MARKER)
    ClearanceEntry.objects.create(user=ana, date=NOW.date(), note=MARKER)
    create_feed(user=ana)
    token = CalendarFeed.objects.get(user=ana).token
    PARAMS["token"] = (token, PARAMS["token"][1])
    PARAMS["object_id"] = PARAMS["id"] = (str(ana.pk), "987654")
    before = a_snapshot(ana)
    owner, other, stranger = signed_in(ana), signed_in(ben), Client()

    asked = 0
    owner_saw_hers = False  # proves the leak check can see A's records at all
    failures: list[str] = []
    for route in all_routes():
        access = route.access
        for method in route.methods:
            answers = {}
            for who, client in (("stranger", stranger), ("B", other)):
                answer = ask(client, method, route.path(existing=True))
                answers[who] = answer
                asked += 1
                where = f"{who} {method.upper()} {route.path(existing=True)}"
                if answer.status >= 500:
                    failures.append(f"{where}: {answer.status}")
                if MARKER in answer.body or PARAMS["token"][0] in answer.body:
                    failures.append(f"{where}: shows A's records")
                failures += _breaks(access, who, where, answer, route)
            if route.names_owned and access is not Access.FEED:
                missing = ask(other, method, route.path(existing=False))
                asked += 1
                if missing.status != answers["B"].status:
                    failures.append(
                        f"B {method.upper()} {route.pattern}: {answers['B'].status} for A's, "
                        f"{missing.status} for none: the answer tells that A has one"
                    )
            if method == "get":  # A's own writes would change what is compared below
                own = ask(owner, method, route.path(existing=True))
                asked += 1
                if own.status >= 500:
                    failures.append(f"A GET {route.path(existing=True)}: {own.status}")
                owner_saw_hers = owner_saw_hers or PARAMS["token"][0] in own.body
        other = signed_in(ben)  # after a logout route, B is signed in again
    assert failures == [], "\n".join(failures)
    assert owner_saw_hers
    assert asked >= 300, asked
    assert a_snapshot(ana) == before
    print(f"authorization matrix: {asked} requests over {len(all_routes())} routes")


def _breaks(access: Access | None, who: str, where: str, answer: Answer, route: Route) -> list[str]:
    status, location = answer.status, answer.location
    if access is Access.OWN and who == "stranger":
        to_sign_in = status == 302 and location.startswith("/accounts/login/")
        if not (to_sign_in or status in (401, 403, 404, 405)):
            return [f"{where}: {status} {location} - a stranger must be sent to sign in"]
    signing_in = location.startswith(("/admin/login/", "/accounts/login/"))
    if access is Access.ADMIN and not (status == 302 and signing_in) and status not in (404, 405):
        return [f"{where}: {status} {location} - admin pages are for staff"]
    if access is Access.FEED and status not in (200, 404, 405):
        return [f"{where}: {status} - a feed answers 200 for its token, else 404"]
    return []
