"""Every API operation refuses a bad request the same way, and says so in its schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.errors import NO_BODY, NOT_JSON, field_path
from tests.web.builders import profile_data

pytestmark = pytest.mark.django_db

METHODS = ("get", "put", "post", "patch", "delete")

# One well-formed body per operation that takes one, with one field of the wrong type.
WRONG_TYPES: dict[tuple[str, str], tuple[dict[str, Any], str]] = {
    ("put", "/api/profile"): ({**profile_data(), "weeks": "eight"}, "weeks"),
    ("post", "/api/logs"): (
        {
            "date": ["2026-12-07"],
            "kind": "strength",
            "idempotency_key": "abcdefgh",
            "exercises": [],
            "pain_0_10": 0,
        },
        "date",
    ),
    ("post", "/api/logs/corrections"): (
        {
            "date": "2026-12-07",
            "kind": "strength",
            "idempotency_key": "abcdefgh",
            "exercises": [],
            "pain_0_10": "none",
        },
        "pain_0_10",
    ),
    ("post", "/api/checkins"): ({"session_date": "2026-12-07", "settled": "maybe"}, "settled"),
    ("post", "/api/red-flags"): ({"answers": {"night_pain": "sometimes"}}, "answers.night_pain"),
    ("post", "/api/clearance"): ({"note": 42}, "note"),
    ("post", "/api/assessments"): ({"test": "heel-raise", "left": {"reps": 3}}, "left"),
    ("post", "/api/faam"): ({"adl": "all fine", "sports": []}, "adl"),
    ("post", "/api/join"): ({"code": "abcdefgh", "birth_year": "nineteen"}, "birth_year"),
    ("put", "/api/my-clinic/consent"): ({"share": "maybe"}, "share"),
    ("post", "/api/clinic/clients"): ({"name": "Ben", "birth_year": "1990s"}, "birth_year"),
    ("post", "/api/clinic/clients/{client_id}/intake"): (
        {
            "impression": "heel pain",
            "affected_side": "left",
            "irritability": "low",
            "cadence_spm": "fast",
        },
        "cadence_spm",
    ),
    ("put", "/api/clinic/clients/{client_id}/prescription"): ({"items": "all"}, "items"),
    ("post", "/api/clinic/clients/{client_id}/clearance"): ({"note": 42}, "note"),
    ("post", "/api/clinic/clients/{client_id}/prescription/template"): (
        {"template": "rathleff-heel-pain", "mode": "sideways"},
        "mode",
    ),
    ("post", "/api/clinic/templates"): ({"client": "first", "name": "Heel pain"}, "client"),
}


def _schema(client: Client) -> dict[str, Any]:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema: dict[str, Any] = response.json()
    return schema


def _operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in schema["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def _body_operations(client: Client) -> list[tuple[str, str]]:
    return [
        (method, path) for method, path, op in _operations(_schema(client)) if "requestBody" in op
    ]


def _send(client: Client, method: str, path: str, body: bytes) -> Any:
    if "{client_id}" in path:
        path = path.replace("{client_id}", str(_clinic_client_id()))
    return getattr(client, method)(path, data=body, content_type="application/json")


def _clinic_client_id() -> int:
    """The local runner as a clinician with one client, so clinic operations get past
    the role check to the body's own problems."""
    import datetime as dt

    from footcore.web.accounts.services import local_runner
    from footcore.web.clinic import services
    from footcore.web.clinic.roles import clinician_for

    runner = local_runner()
    clinician = clinician_for(runner) or services.make_clinician(
        user=runner, clinic=services.add_clinic(name="Test Clinic")
    )
    client = services.add_client(
        clinician=clinician, name="Ben", birth_year=1990, today=dt.date(2026, 12, 1)
    )
    return client.pk


def _assert_error_shape(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) == {"detail", "problems"}
    assert isinstance(body["detail"], str)
    assert body["detail"]
    for problem in body["problems"]:
        assert set(problem) == {"field", "message"}
        assert isinstance(problem["field"], str)
        assert isinstance(problem["message"], str)
    return body


def test_every_operation_documents_its_error_answers_with_the_shared_shape(
    client: Client,
) -> None:
    schema = _schema(client)
    missing: list[str] = []
    for method, path, op in _operations(schema):
        expected = {"401", "403"}
        if "requestBody" in op:
            expected |= {"400", "422"}
        params = op.get("parameters", [])
        if any(p["in"] == "query" for p in params):
            expected.add("422")
        if any(p["in"] == "path" for p in params):
            expected.add("404")
        for code in sorted(expected):
            answer = op["responses"].get(code)
            ref = (answer or {}).get("content", {}).get("application/json", {}).get("schema")
            if ref != {"$ref": "#/components/schemas/ErrorOut"}:
                missing.append(f"{method.upper()} {path} {code}")
    assert missing == []
    assert len(_operations(schema)) >= 13


def test_the_error_shape_in_the_schema_has_detail_and_problems(client: Client) -> None:
    error = _schema(client)["components"]["schemas"]["ErrorOut"]
    assert set(error["required"]) == {"detail", "problems"}
    problem = _schema(client)["components"]["schemas"]["ProblemOut"]
    assert set(problem["required"]) == {"field", "message"}


def test_every_body_taking_operation_is_covered_by_this_file(client: Client) -> None:
    assert sorted(_body_operations(client)) == sorted(WRONG_TYPES)


@pytest.mark.parametrize("operation", sorted(WRONG_TYPES))
def test_an_empty_body_gets_422_in_the_shared_shape(
    client: Client, operation: tuple[str, str]
) -> None:
    body = _assert_error_shape(_send(client, *operation, b""), 422)
    assert body["problems"] == [{"field": "", "message": NO_BODY}]


@pytest.mark.parametrize("operation", sorted(WRONG_TYPES))
def test_a_body_that_is_not_json_gets_400_in_the_shared_shape(
    client: Client, operation: tuple[str, str]
) -> None:
    body = _assert_error_shape(_send(client, *operation, b"{'weeks': 8"), 400)
    assert body["problems"] == [{"field": "", "message": NOT_JSON}]


@pytest.mark.parametrize("operation", sorted(WRONG_TYPES))
def test_json_that_is_not_an_object_gets_422_naming_the_body(
    client: Client, operation: tuple[str, str]
) -> None:
    body = _assert_error_shape(_send(client, *operation, b"[1, 2, 3]"), 422)
    assert [p["field"] for p in body["problems"]] == [""]


@pytest.mark.parametrize("operation", sorted(WRONG_TYPES))
def test_a_field_of_the_wrong_type_gets_422_naming_that_field(
    client: Client, operation: tuple[str, str]
) -> None:
    payload, field = WRONG_TYPES[operation]
    body = _assert_error_shape(_send(client, *operation, json.dumps(payload).encode()), 422)
    assert field in [p["field"] for p in body["problems"]], body
    assert field in body["detail"]


LOG = {"date": "2026-12-07", "kind": "strength", "idempotency_key": "abcdefgh", "exercises": []}


@pytest.mark.parametrize(
    ("operation", "payload", "field"),
    [
        (("post", "/api/logs"), {**LOG, "pain_0_10": False}, "pain_0_10"),
        (("post", "/api/logs"), {**LOG, "pain_0_10": 0, "date": 0}, "date"),
        (("post", "/api/checkins"), {"session_date": "2026-12-07", "settled": 1}, "settled"),
        (("put", "/api/profile"), {**profile_data(), "weeks": True}, "weeks"),
        (("post", "/api/assessments"), {"test": "heel-raise", "left": True}, "left"),
    ],
)
def test_a_boolean_is_not_a_number_and_a_number_is_not_a_date(
    client: Client, operation: tuple[str, str], payload: dict[str, Any], field: str
) -> None:
    body = _assert_error_shape(_send(client, *operation, json.dumps(payload).encode()), 422)
    assert field in [p["field"] for p in body["problems"]], body


def test_an_unknown_field_is_named_in_plain_words(client: Client) -> None:
    body = _assert_error_shape(
        _send(client, "post", "/api/clearance", b'{"note": "", "colour": "red"}'), 422
    )
    assert body["problems"] == [{"field": "colour", "message": "is not a field footcore knows"}]


def test_a_domain_problem_uses_the_same_shape_as_a_type_problem(client: Client) -> None:
    body = _assert_error_shape(
        client.put("/api/profile", profile_data(weeks=0), "application/json"), 422
    )
    assert body["problems"] == [{"field": "weeks", "message": "must be 1-52 weeks, got 0"}]
    assert body["detail"] == "weeks: must be 1-52 weeks, got 0"


def test_an_unknown_library_filter_is_a_problem_not_a_bare_string(client: Client) -> None:
    body = _assert_error_shape(client.get("/api/exercises", {"concern": "gout"}), 422)
    assert [p["field"] for p in body["problems"]] == ["concern"]


def test_an_unknown_exercise_gets_404_in_the_shared_shape(client: Client) -> None:
    body = _assert_error_shape(client.get("/api/exercises/no-such-thing"), 404)
    assert "no-such-thing" in body["detail"]


def test_no_profile_yet_gets_404_in_the_shared_shape(client: Client) -> None:
    for path in ("/api/profile", "/api/plan", "/api/today"):
        _assert_error_shape(client.get(path), 404)


def test_a_stranger_in_multi_user_mode_gets_401_in_the_shared_shape(
    client: Client, settings: SettingsWrapper
) -> None:
    settings.PERSONAL_MODE = False
    _assert_error_shape(client.get("/api/status"), 401)


def test_another_computer_in_personal_mode_gets_403_in_the_shared_shape(client: Client) -> None:
    body = _assert_error_shape(client.get("/api/status", REMOTE_ADDR="192.0.2.10"), 403)
    assert "personal mode" in body["detail"]


def test_a_write_without_a_csrf_token_gets_403_in_the_shared_shape() -> None:
    strict = Client(enforce_csrf_checks=True)
    _assert_error_shape(
        strict.post("/api/clearance", {"note": ""}, content_type="application/json"), 403
    )


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        (("body", "payload", "races", 1), "races[1]"),
        (("body", "payload", "exercises", 0, "sets_done"), "exercises[0].sets_done"),
        (("body", "payload", "left", "list[float]", 2), "left[2]"),
        (("body", "payload", "left", "float"), "left"),
        (("query", "concern"), "concern"),
        (("body", "payload"), ""),
    ],
)
def test_a_validation_location_becomes_a_field_path(loc: tuple[object, ...], path: str) -> None:
    assert field_path(loc) == path
