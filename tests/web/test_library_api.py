from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

DOSE_KEYS = {"sets", "reps_min", "reps_max", "hold_s", "duration_s", "per_side", "rest_s"}


def test_it_lists_exercises_with_machine_readable_doses(client: Client) -> None:
    response = client.get("/api/exercises")
    assert response.status_code == 200
    data = response.json()
    ids = {e["id"] for e in data}
    assert {"short-foot", "toe-yoga", "calf-raises"} <= ids
    for exercise in data:
        assert set(exercise["dose"]) >= DOSE_KEYS


def test_it_filters_by_equipment(client: Client) -> None:
    data = client.get("/api/exercises", {"equipment": "band"}).json()
    assert data
    assert all("band" in e["id"] or e["id"] for e in data)
    assert "toe-yoga" not in {e["id"] for e in data}


def test_an_unknown_concern_is_a_422_naming_the_field(client: Client) -> None:
    response = client.get("/api/exercises", {"concern": "knee"})
    assert response.status_code == 422
    assert "concern" in response.json()["detail"]


def test_one_exercise_has_its_ladder_and_resolved_citations(client: Client) -> None:
    data = client.get("/api/exercises/short-foot").json()
    assert data["id"] == "short-foot"
    assert len(data["variants"]) >= 2
    assert data["dose"]["hold_s"] == 5
    assert all(c["text"] for c in data["citations"])
    assert data["steps"]


def test_an_unknown_id_is_a_404_with_suggestions(client: Client) -> None:
    response = client.get("/api/exercises/calf-raise")
    assert response.status_code == 404
    assert "calf-raises" in response.json()["detail"]


def test_the_openapi_schema_describes_the_exercise_endpoints(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "/api/exercises" in schema["paths"]
    assert "/api/exercises/{exercise_id}" in schema["paths"]


def test_the_catalog_api_looks_up_no_user_in_personal_mode(client: Client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get("/api/exercises").status_code == 200
        assert client.get("/api/exercises/short-foot").status_code == 200

    assert [q["sql"] for q in captured] == []
