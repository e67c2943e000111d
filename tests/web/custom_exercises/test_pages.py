"""The clinician's pages: the list, the form with an upload, errors next to their field,
editing and retiring; and the seam that keeps shipped lookups free of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import DjangoAssertNumQueries
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.catalog.cache import default_catalog
from footcore.web.custom_exercises.models import CustomExercise
from footcore.web.custom_exercises.selectors import runner_catalog
from tests.web.clinic.builders import make_clinician, signed_in
from tests.web.custom_exercises.builders import create, picture, prescribed_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


def form(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": "banded-toe-spread",
        "name": "Banded toe spread",
        "purpose": "Spread the toes against a band.",
        "role": "strength",
        "position": "seated",
        "sides": "each",
        "targets": "toe abductors\nabductor hallucis",
        "steps": "Loop a band round the toes.\nSpread them and hold.\n\nRelax.",
        "cautions": "Stop if the arch cramps.",
        "equipment": ["band"],
        "indications": ["flat-feet"],
        "dose.sets": "2",
        "dose.reps_min": "10",
        "dose.hold_s": "3",
        "figure_like": "",
    }
    data.update(over)
    return data


def test_a_clinician_creates_an_exercise_with_a_picture_through_the_form() -> None:
    desk = signed_in(make_clinician().user)
    upload = SimpleUploadedFile("band.jpg", picture("JPEG"), content_type="image/jpeg")
    response = desk.post("/clinic/exercises/new", {**form(), "picture": upload})
    assert response.status_code == 302, response.content[:2000]
    row = CustomExercise.objects.get()
    assert response["Location"] == f"/clinic/exercises/{row.exercise_id}"
    assert row.picture_type == "image/jpeg"
    assert row.document["steps"] == [
        "Loop a band round the toes.",
        "Spread them and hold.",
        "Relax.",
    ]
    assert row.document["dose"] == {"per_side": True, "sets": 2, "reps_min": 10, "hold_s": 3}
    page = desk.get(response["Location"]).content.decode()
    assert f"/clinic/exercises/{row.exercise_id}/image" in page
    listing = desk.get("/clinic/exercises").content.decode()
    assert "Banded toe spread" in listing
    assert "a picture" in listing


def test_form_errors_are_shown_next_to_the_field_and_nothing_is_stored() -> None:
    desk = signed_in(make_clinician().user)
    response = desk.post("/clinic/exercises/new", form(**{"dose.sets": "two", "steps": ""}))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'data-problem="dose.sets"' in page
    assert "&#x27;two&#x27; is not a whole number" in page
    response = desk.post("/clinic/exercises/new", form(steps="", **{"dose.hold_s": "900"}))
    page = response.content.decode()
    assert 'data-problem="steps"' in page
    assert 'data-problem="dose.hold_s"' in page
    assert 'value="Banded toe spread"' in page  # what was sent is shown again
    assert not CustomExercise.objects.exists()


def test_a_bad_upload_is_named_on_the_picture_field() -> None:
    desk = signed_in(make_clinician().user)
    fake = SimpleUploadedFile("cat.png", b"GIF89a not really", content_type="image/png")
    response = desk.post("/clinic/exercises/new", {**form(), "picture": fake})
    assert response.status_code == 400
    assert 'data-problem="picture"' in response.content.decode()


def test_editing_keeps_the_slug_and_the_figure_and_retiring_keeps_the_row() -> None:
    desk = signed_in(make_clinician().user)
    made = create(desk)
    url = f"/clinic/exercises/{made['id']}"
    response = desk.post(url, form(slug="renamed", name="Banded toe spread (slow)"))
    assert response.status_code == 302
    row = CustomExercise.objects.get()
    assert row.slug == "banded-toe-spread"
    assert row.name == "Banded toe spread (slow)"
    assert row.document["figure"] == made["figure"]
    assert desk.post(f"{url}/retire").status_code == 302
    row.refresh_from_db()
    assert row.retired_at is not None
    assert "retired" in desk.get("/clinic/exercises").content.decode()


def test_the_editor_offers_the_clinics_exercises_but_not_retired_ones() -> None:
    clinician = make_clinician()
    desk = signed_in(clinician.user)
    made = create(desk)
    old = create(desk, slug="old-one", name="Old one")
    desk.post(f"/api/clinic/exercises/{old['id']}/retire")
    client, desk, _ = prescribed_client(clinician, made["id"])
    page = desk.get(f"/clinic/clients/{client.pk}").content.decode()
    assert f'value="{made["id"]}"' in page
    assert "Banded toe spread" in page
    assert old["id"] not in page


def test_a_lookup_of_shipped_ids_is_the_shipped_catalog_without_a_query(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    user = User.objects.create_user("ann")
    with django_assert_num_queries(0):
        found = runner_catalog(user, ["short-foot", "toe-yoga", "no-such"])
    assert found is default_catalog()


def test_a_lookup_of_a_custom_id_is_one_query(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    clinician = make_clinician()
    made = create(signed_in(clinician.user))
    client, _, _ = prescribed_client(clinician, made["id"])
    with django_assert_num_queries(1):
        found = runner_catalog(client.runner, ["short-foot", made["id"]])
    assert found.get(made["id"]).name == "Banded toe spread"
    assert found.get("short-foot") is default_catalog().get("short-foot")
