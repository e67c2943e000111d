"""Who may do what on the clinic side, over every clinic URL and API operation.

Roles: anonymous, runner A (a client of clinic 1, sharing logs), runner B (a runner of
no clinic), the clinician of A, a clinician of another clinic, and staff. Only what is
allowed succeeds; everything else is 401/302-to-sign-in for anonymous and 404 for the
signed-in, with the same answer for A's record as for a record that does not exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from django.urls import URLPattern
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.clinic import urls as clinic_urls
from footcore.web.clinic.rx_templates import save_template
from footcore.web.custom_exercises import urls as custom_urls
from tests.web.builders import profile_data, screen_user
from tests.web.clinic.builders import (
    MON,
    evening,
    joined,
    make_client,
    make_clinic,
    make_clinician,
    post_json,
    put_json,
    signed_in,
    strength_days,
)
from tests.web.custom_exercises.builders import document as custom_document
from tests.web.custom_exercises.builders import picture
from tests.web.session_builders import log_body

pytestmark = pytest.mark.django_db

CUSTOM_NAME = b"Banded toe spread"
"""Clinic A's custom exercise, prescribed to runner A: no one else may see its name."""
CUSTOM_FORM = {
    "slug": "banded-toe-spread-2", "name": "Banded toe spread two", "role": "strength",
    "purpose": "Spread the toes.",
    "position": "seated", "sides": "each", "targets": "toe abductors", "steps": "Spread.",
    "dose.sets": "2", "dose.reps_min": "10", "dose.hold_s": "3", "indications": "flat-feet",
}  # fmt: skip

ROLES = ("anonymous", "runner_a", "runner_b", "clinician_a", "clinician_other", "staff")
MISSING = 987654


@dataclass(frozen=True)
class Op:
    method: str
    path: str
    allowed: frozenset[str]
    body: Any = None
    form: bool = False


def ops() -> list[Op]:
    clinician = frozenset({"clinician_a"})
    any_clinician = frozenset({"clinician_a", "clinician_other"})
    runner = frozenset({"runner_a"})
    everyone = frozenset(ROLES)
    c = "{id}"
    x = "{ex}"
    return [
        Op("get", "/clinic", any_clinician),
        Op("post", "/clinic", any_clinician, {"name": "Cy", "birth_year": "1980"}, form=True),
        Op("get", "/clinic/audit.csv", any_clinician),
        Op("get", "/clinic/audit.json", any_clinician),
        Op("get", "/clinic/templates", any_clinician),
        Op("post", "/clinic/templates/{template}/delete", clinician, {}, form=True),
        Op("get", f"/clinic/clients/{c}/charts/pain.svg", clinician),
        Op("get", f"/clinic/clients/{c}/charts/tests/heel-raise.svg", clinician),
        Op("post", f"/clinic/clients/{c}/prescription/template", clinician,
           {"template": "rathleff-heel-pain", "mode": "add"}, form=True),
        Op("post", f"/clinic/clients/{c}/prescription/save-template", clinician,
           {"name": "Heel pain, week one"}, form=True),
        Op("get", f"/clinic/clients/{c}", clinician),
        Op("post", f"/clinic/clients/{c}/intake", clinician,
           {"impression": "heel pain", "affected_side": "left", "irritability": "low"}, form=True),
        Op("post", f"/clinic/clients/{c}/prescription", clinician, {"why": "x"}, form=True),
        Op("post", f"/clinic/clients/{c}/clearance", clinician, {"note": ""}, form=True),
        Op("get", f"/clinic/clients/{c}/handout.pdf", clinician),
        Op("post", f"/clinic/clients/{c}/code/new", clinician, {}, form=True),
        Op("post", f"/clinic/clients/{c}/code/revoke", clinician, {}, form=True),
        Op("get", "/my-clinic", runner),
        Op("post", "/my-clinic/consent", runner, {"share": "yes"}, form=True),
        Op("post", "/my-clinic/unlink", runner, {}, form=True),
        Op("get", "/join", everyone),
        Op("post", "/api/join", everyone, {"code": "zzzzzzzz", "birth_year": 1990}),
        Op("get", "/api/my-clinic", runner),
        Op("put", "/api/my-clinic/consent", runner, {"share": True}),
        Op("post", "/api/my-clinic/unlink", runner, {}),
        Op("get", "/api/clinic/clients", any_clinician),
        Op("post", "/api/clinic/clients", any_clinician, {"name": "Cy", "birth_year": 1980}),
        Op("get", "/api/clinic/alerts", any_clinician),
        Op("get", f"/api/clinic/clients/{c}", clinician),
        Op("post", f"/api/clinic/clients/{c}/intake", clinician,
           {"impression": "heel pain", "affected_side": "left", "irritability": "low"}),
        Op("get", f"/api/clinic/clients/{c}/prescription", clinician),
        Op("put", f"/api/clinic/clients/{c}/prescription", clinician, "CURRENT"),
        Op("get", f"/api/clinic/clients/{c}/progress", clinician),
        Op("post", f"/api/clinic/clients/{c}/clearance", clinician, {"note": ""}),
        # A clinic's own exercises: its clinicians, and a client who has one prescribed.
        Op("get", "/clinic/exercises", any_clinician),
        Op("get", "/clinic/exercises/new", any_clinician),
        Op("post", "/clinic/exercises/new", any_clinician, CUSTOM_FORM, form=True),
        Op("get", f"/clinic/exercises/{x}", clinician),
        Op("post", f"/clinic/exercises/{x}", clinician, CUSTOM_FORM, form=True),
        Op("get", f"/clinic/exercises/{x}/image", clinician | runner),
        Op("get", f"/my-clinic/exercises/{x}", clinician | runner),
        Op("post", f"/clinic/exercises/{x}/retire", clinician, {}, form=True),
        Op("get", "/api/clinic/exercises", any_clinician),
        Op("post", "/api/clinic/exercises", any_clinician,
           custom_document(slug="ours-too", name="Ours too")),
        Op("get", f"/api/clinic/exercises/{x}", clinician),
        Op("put", f"/api/clinic/exercises/{x}", clinician, "CURRENT"),
        Op("post", f"/api/clinic/exercises/{x}/picture", clinician, "PICTURE", form=True),
        Op("post", f"/api/clinic/exercises/{x}/retire", clinician, {}),
        Op("post", f"/api/clinic/clients/{c}/prescription/template", clinician,
           {"template": "rathleff-heel-pain", "mode": "add"}),
        Op("post", "/api/clinic/templates", clinician, {"client": c, "name": "Heel pain"}),
        Op("get", "/api/clinic/templates", any_clinician),
        Op("get", "/api/clinic/templates/{template}", clinician),
        Op("delete", "/api/clinic/templates/{template}", clinician),
        Op("get", "/api/clinic/audit", any_clinician),
    ]  # fmt: skip


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False
    # Argon2 is the product's hasher; here it would only slow the matrix down.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def world() -> tuple[dict[str, HttpClient], int, str, HttpClient]:
    clinician = make_clinician()
    other = make_clinician("tom", make_clinic("Other Clinic"))
    client = make_client(clinician)
    phone = joined(client)
    put_json(phone, "/api/my-clinic/consent", {"share": True})
    week_before = MON - dt.timedelta(days=7)
    with time_machine.travel(week_before, tick=False):
        put_json(phone, "/api/profile", profile_data(start=week_before.date().isoformat()))
        screen_user(client.runner, week_before.date())
    # Something to chart: a session with pain and a self-test, before the red flag.
    day = strength_days(client.runner)[0]
    with time_machine.travel(evening(day), tick=False):
        post_json(phone, "/api/logs", log_body(client.runner, day, pain=3))
        post_json(
            phone,
            "/api/assessments",
            {"test": "heel-raise", "left": 20, "right": 22, "surface": "incline"},
        )
    with time_machine.travel(MON, tick=False):
        post_json(
            signed_in(clinician.user),
            f"/api/clinic/clients/{client.pk}/intake",
            {"impression": "heel pain", "affected_side": "left", "irritability": "low",
             "red_flags": {"numbness": True}},
        )  # fmt: skip
        desk = signed_in(clinician.user)
        made = post_json(desk, "/api/clinic/exercises", custom_document()).json()
        rx_url = f"/api/clinic/clients/{client.pk}/prescription"
        rx = desk.get(rx_url).json()
        rx["items"].append({"exercise": made["id"]})
        assert put_json(desk, rx_url, rx).status_code == 200
    template = save_template(clinician=clinician, client=client, name="Ben's programme")
    staff = User.objects.create_user(username="root", password="x", is_staff=True)
    b = User.objects.create_user(username="bea", password="x")
    http = {
        "anonymous": HttpClient(),
        "runner_a": phone,
        "runner_b": signed_in(b),
        "clinician_a": signed_in(clinician.user),
        "clinician_other": signed_in(other.user),
        "staff": signed_in(staff),
    }
    return http, client.pk, template.id, signed_in(clinician.user)


def send(
    http: HttpClient,
    op: Op,
    client_id: int,
    desk: HttpClient,
    template: str = "own-0",
    exercise: str | None = None,
) -> Any:
    ours = str(desk.get("/api/clinic/exercises?retired=true").json()[0]["id"])
    path = op.path.replace("{id}", str(client_id)).replace("{template}", template)
    path = path.replace("{ex}", exercise or ours)
    body = op.body
    if isinstance(body, dict) and body.get("client") == "{id}":
        body = {**body, "client": client_id}
    if body == "CURRENT":
        here = op.path.replace("{id}", str(client_id_of_world(desk))).replace("{ex}", ours)
        current = desk.get(here)
        body = current.json() if current.status_code == 200 else {"items": []}
    if body == "PICTURE":
        from django.core.files.uploadedfile import SimpleUploadedFile

        body = {"picture": SimpleUploadedFile("p.png", picture(), content_type="image/png")}
    if op.form or op.method in ("get", "delete"):
        return getattr(http, op.method)(path, body or {})
    return post_json(http, path, body) if op.method == "post" else put_json(http, path, body)


def client_id_of_world(desk: HttpClient) -> int:
    return int(desk.get("/api/clinic/clients").json()[0]["id"])


def denied(role: str, response: Any, path: str) -> bool:
    if role == "anonymous":
        if path.startswith("/api/"):
            return bool(response.status_code == 401)
        return bool(
            response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        )
    return response.status_code in (403, 404)


@pytest.mark.parametrize("op", ops(), ids=lambda o: f"{o.method} {o.path}")
def test_only_the_allowed_roles_succeed_and_nothing_reveals_a_record(op: Op) -> None:
    http, client_id, template, desk = world()
    # Refused roles first: they change nothing; the allowed ones may (a revoke, an unlink).
    order = sorted(ROLES, key=lambda r: r in op.allowed)
    with time_machine.travel(MON, tick=False):
        for role in order:
            response = send(http[role], op, client_id, desk, template)
            if role in op.allowed:
                assert response.status_code < 400 or (
                    op.path == "/api/join" and response.status_code == 404
                ), (role, response.status_code, response.content[:300])
                if role == "clinician_other":
                    assert b"Ben Runner" not in response.content
                    assert CUSTOM_NAME not in response.content
                continue
            assert denied(role, response, op.path), (role, response.status_code)
            assert CUSTOM_NAME not in response.content, role
            if "{id}" in op.path or "{template}" in op.path or "{ex}" in op.path:
                clinic = desk.get("/api/clinic/exercises?retired=true").json()[0]["id"]
                nothing = clinic.rsplit("-", 3)[0] + "-no-such-thing"
                missing = send(http[role], op, MISSING, desk, f"own-{MISSING}", nothing)
                assert missing.status_code == response.status_code, role
                if op.path.startswith("/api/"):
                    assert missing.content == response.content, role


def test_the_clinician_of_a_gets_404_for_a_missing_record_like_the_others() -> None:
    http, _, _, desk = world()
    assert desk.get(f"/api/clinic/clients/{MISSING}").status_code == 404
    assert http["clinician_a"].get(f"/clinic/clients/{MISSING}").status_code == 404


def test_every_clinic_url_and_api_operation_is_in_the_matrix(client: HttpClient) -> None:
    covered = {
        o.path.replace("{id}", "<int:client_id>")
        .replace("heel-raise.svg", "<str:kind>.svg")
        .replace("{template}", "<str:template_id>")
        .replace("{ex}", "<slug:exercise_id>")
        for o in ops()
    }
    pages = {
        "/" + str(p.pattern)
        for p in (*clinic_urls.urlpatterns, *custom_urls.urlpatterns)
        if isinstance(p, URLPattern)
    }
    assert pages <= covered
    schema = client.get("/api/openapi.json").json()
    api_ops = {
        (
            method,
            path.replace("{client_id}", "{id}")
            .replace("{template_id}", "{template}")
            .replace("{exercise_id}", "{ex}"),
        )
        for path, item in schema["paths"].items()
        for method in item
        if path.startswith(("/api/clinic", "/api/join", "/api/my-clinic"))
    }
    assert api_ops <= {(o.method, o.path) for o in ops()}
