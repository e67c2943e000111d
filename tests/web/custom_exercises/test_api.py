"""`/api/clinic/exercises`: list, create, get, update, retire and picture, with the API's
one error shape."""

from __future__ import annotations

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.api import api
from footcore.web.custom_exercises.models import CustomExercise
from tests.web.clinic.builders import make_clinic, make_clinician, post_json, put_json, signed_in
from tests.web.custom_exercises.builders import create, document, picture, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


def test_a_clinician_creates_lists_and_reads_an_exercise() -> None:
    clinician = make_clinician()
    desk = signed_in(clinician.user)
    made = create(desk)
    exercise_id = f"custom-{clinician.clinic_id}-banded-toe-spread"
    assert made["id"] == exercise_id
    assert made["has_picture"] is False
    assert made["retired"] is False
    assert [e["id"] for e in desk.get("/api/clinic/exercises").json()] == [exercise_id]
    again = desk.get(f"/api/clinic/exercises/{exercise_id}").json()
    assert again == made


def test_put_takes_what_get_returns_and_changes_the_dose() -> None:
    desk = signed_in(make_clinician().user)
    made = create(desk)
    made["dose"] = {**made["dose"], "reps_min": 12}
    response = put_json(desk, f"/api/clinic/exercises/{made['id']}", made)
    assert response.status_code == 200, response.content
    assert response.json()["dose"]["reps_min"] == 12


def test_bad_fields_answer_422_with_every_field_named() -> None:
    desk = signed_in(make_clinician().user)
    raw = document(dose={"sets": 0, "reps_min": 10, "hold_s": 3, "per_side": True}, steps=[])
    response = post_json(desk, "/api/clinic/exercises", raw)
    assert response.status_code == 422
    body = response.json()
    assert [p["field"] for p in body["problems"]] == ["steps", "dose.sets"]
    assert body["detail"].startswith("steps: list at least one entry")
    assert not CustomExercise.objects.exists()


def test_a_body_that_is_not_json_is_400() -> None:
    desk = signed_in(make_clinician().user)
    response = desk.post("/api/clinic/exercises", "{", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["problems"][0]["message"] == "the body is not valid JSON"


def test_a_second_exercise_with_the_same_slug_is_refused() -> None:
    desk = signed_in(make_clinician().user)
    create(desk)
    response = post_json(desk, "/api/clinic/exercises", document(name="Another name"))
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "slug"


def test_the_slug_cannot_change() -> None:
    desk = signed_in(make_clinician().user)
    made = create(desk)
    response = put_json(desk, f"/api/clinic/exercises/{made['id']}", {**made, "slug": "new"})
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "slug"


def test_two_clinics_may_use_the_same_slug_under_different_ids() -> None:
    ours = signed_in(make_clinician().user)
    theirs = signed_in(make_clinician("ola", make_clinic("Other Physio")).user)
    assert create(ours)["id"] != create(theirs)["id"]


def test_a_retired_exercise_leaves_the_list_but_can_still_be_read() -> None:
    desk = signed_in(make_clinician().user)
    made = create(desk)
    response = desk.post(f"/api/clinic/exercises/{made['id']}/retire")
    assert response.status_code == 200
    assert response.json()["retired"] is True
    assert desk.get("/api/clinic/exercises").json() == []
    assert len(desk.get("/api/clinic/exercises?retired=true").json()) == 1
    assert desk.get(f"/api/clinic/exercises/{made['id']}").status_code == 200


def test_a_picture_upload_is_checked_re_encoded_and_served_privately() -> None:
    desk = signed_in(make_clinician().user)
    made = create(desk)
    response = upload(desk, made["id"], picture("JPEG"))
    assert response.status_code == 200, response.content
    assert response.json()["has_picture"] is True
    image = desk.get(response.json()["image_url"])
    assert image.status_code == 200
    assert image["Content-Type"] == "image/jpeg"
    assert image["X-Content-Type-Options"] == "nosniff"
    assert "private" in image["Cache-Control"]
    assert "sandbox" in image["Content-Security-Policy"]
    assert image.content.startswith(b"\xff\xd8")


def test_a_file_that_is_not_a_picture_is_422_on_the_picture_field() -> None:
    desk = signed_in(make_clinician().user)
    made = create(desk)
    response = upload(desk, made["id"], b"<html><script>alert(1)</script>", name="x.png")
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "picture"
    assert CustomExercise.objects.get().picture is None


def test_without_a_picture_the_image_is_the_figure() -> None:
    desk = signed_in(make_clinician().user)
    made = create(desk)
    image = desk.get(made["image_url"])
    assert image["Content-Type"] == "image/svg+xml"
    assert b"<svg" in image.content


def test_every_operation_is_in_the_openapi_schema() -> None:
    paths = api.get_openapi_schema()["paths"]
    assert {"get", "post"} <= set(paths["/api/clinic/exercises"])
    assert {"get", "put"} <= set(paths["/api/clinic/exercises/{exercise_id}"])
    assert "post" in paths["/api/clinic/exercises/{exercise_id}/retire"]
    assert "post" in paths["/api/clinic/exercises/{exercise_id}/picture"]


def test_the_exercise_of_another_clinic_is_404_like_one_that_does_not_exist() -> None:
    made = create(signed_in(make_clinician().user))
    stranger = signed_in(make_clinician("ola", make_clinic("Other Physio")).user)
    missing = f"custom-{made['id'].split('-')[1]}-no-such"
    for exercise_id in (made["id"], missing):
        answers = [
            stranger.get(f"/api/clinic/exercises/{exercise_id}"),
            put_json(stranger, f"/api/clinic/exercises/{exercise_id}", made),
            stranger.post(f"/api/clinic/exercises/{exercise_id}/retire"),
            upload(stranger, exercise_id, picture()),
            stranger.get(f"/clinic/exercises/{exercise_id}/image"),
        ]
        assert [a.status_code for a in answers] == [404] * 5
    assert [a.json() for a in answers[:4]] == [{"detail": "not found", "problems": []}] * 4
