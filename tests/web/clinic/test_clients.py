"""A clinician adds a client; the runner opens the program with the code, on a phone,
without an account; codes are revoked and reissued; consent; unlinking; an account."""

from __future__ import annotations

import re

import pytest
from django.test import Client as HttpClient
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.clinic.models import Client
from tests.web.builders import profile_data
from tests.web.clinic.builders import (
    make_client,
    make_clinician,
    post_json,
    put_json,
    signed_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


def test_a_new_client_gets_an_eight_letter_lowercase_code() -> None:
    clinician = make_clinician()
    http = signed_in(clinician.user)
    response = post_json(http, "/api/clinic/clients", {"name": "Ben Runner", "birth_year": 1990})
    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"[a-z]{8}", body["code"])
    assert body["shares_logs"] is False
    listed = http.get("/api/clinic/clients").json()
    assert [c["id"] for c in listed] == [body["id"]]


def test_codes_are_not_repeated_across_many_clients() -> None:
    clinician = make_clinician()
    codes = {make_client(clinician, name=f"c{i}").code for i in range(200)}
    assert len(codes) == 200


def test_a_client_without_a_name_or_with_a_future_birth_year_is_refused_by_field() -> None:
    http = signed_in(make_clinician().user)
    response = post_json(http, "/api/clinic/clients", {"name": " ", "birth_year": 2999})
    assert response.status_code == 422
    fields = [p["field"] for p in response.json()["problems"]]
    assert fields == ["name", "birth_year"]


def test_the_runner_opens_the_program_with_code_and_birth_year_and_can_train() -> None:
    client = make_client(make_clinician())
    phone = HttpClient()
    response = post_json(
        phone, "/api/join", {"code": str(client.code).upper(), "birth_year": 1990, "consent": True}
    )
    assert response.status_code == 200
    assert response.json() == {
        "clinic": "Harbour Physio",
        "contact": "",
        "booking_url": "",
        "shares_logs": True,
    }
    assert put_json(phone, "/api/profile", profile_data()).status_code == 200
    assert phone.get("/api/plan").status_code == 200
    assert phone.get("/today").status_code == 200
    client.refresh_from_db()
    from footcore.web.training.models import RunnerProfile

    assert RunnerProfile.objects.filter(user=client.runner).exists()


def test_a_wrong_birth_year_and_a_wrong_code_get_the_same_answer() -> None:
    client = make_client(make_clinician())
    wrong_year = post_json(HttpClient(), "/api/join", {"code": client.code, "birth_year": 1991})
    wrong_code = post_json(HttpClient(), "/api/join", {"code": "zzzzzzzz", "birth_year": 1990})
    assert wrong_year.status_code == wrong_code.status_code == 404
    assert wrong_year.json() == wrong_code.json()


def test_ten_wrong_codes_lock_the_address_out_even_for_the_right_code() -> None:
    client = make_client(make_clinician())
    phone = HttpClient()
    for _ in range(10):
        assert (
            post_json(phone, "/api/join", {"code": "aaaaaaaa", "birth_year": 1990}).status_code
            == 404
        )
    locked = post_json(phone, "/api/join", {"code": client.code, "birth_year": 1990})
    assert locked.status_code == 429
    assert locked.json()["problems"] == []
    other = post_json(
        HttpClient(), "/api/join", {"code": client.code, "birth_year": 1990},
        REMOTE_ADDR="192.0.2.7",
    )  # fmt: skip
    assert other.status_code == 200


def test_the_join_page_starts_a_session_on_a_phone() -> None:
    client = make_client(make_clinician())
    phone = HttpClient()
    page = phone.get("/join")
    assert page.status_code == 200
    assert b"birth year" in page.content
    response = phone.post("/join", {"code": client.code, "birth_year": "1990"})
    assert response.status_code == 302
    assert response["Location"] == "/today"
    assert phone.get("/my-clinic").status_code == 200
    refused = HttpClient().post("/join", {"code": client.code, "birth_year": "1991"})
    assert refused.status_code == 400
    assert b"No program matches" in refused.content


def test_editing_the_client_never_changes_the_code() -> None:
    from footcore.web.clinic import services
    from tests.web.clinic.builders import TODAY

    clinician = make_clinician()
    client = make_client(clinician)
    code = client.code
    services.rename_client(
        clinician=clinician, client=client, name="Ben R.", birth_year=1991, today=TODAY
    )
    client.refresh_from_db()
    assert client.code == code


def test_revoking_the_code_ends_its_sessions_and_a_new_code_works_alone() -> None:
    clinician = make_clinician()
    client = make_client(clinician)
    old = client.code
    from tests.web.clinic.builders import joined

    phone = joined(client)
    desk = signed_in(clinician.user)
    assert desk.post(f"/clinic/clients/{client.pk}/code/revoke").status_code == 302
    assert phone.get("/api/my-clinic").status_code == 401
    assert (
        post_json(HttpClient(), "/api/join", {"code": old, "birth_year": 1990}).status_code == 404
    )
    desk.post(f"/clinic/clients/{client.pk}/code/new")
    client.refresh_from_db()
    assert client.code not in (None, old)
    assert joined(client).get("/api/my-clinic").status_code == 200


def test_withdrawing_consent_is_recorded_and_stops_sharing() -> None:
    client = make_client(make_clinician())
    from tests.web.clinic.builders import joined

    phone = joined(client)
    assert put_json(phone, "/api/my-clinic/consent", {"share": True}).json()["shares_logs"]
    client.refresh_from_db()
    given = client.consent_at
    assert given is not None
    assert (
        put_json(phone, "/api/my-clinic/consent", {"share": False}).json()["shares_logs"] is False
    )
    client.refresh_from_db()
    assert client.consent_at == given
    assert client.consent_withdrawn_at is not None


def test_after_unlinking_the_clinic_sees_nothing_and_the_code_is_dead() -> None:
    clinician = make_clinician()
    client = make_client(clinician)
    code = client.code
    from tests.web.clinic.builders import joined

    phone = joined(client)
    assert phone.post("/api/my-clinic/unlink").status_code == 204
    desk = signed_in(clinician.user)
    assert desk.get(f"/api/clinic/clients/{client.pk}").status_code == 404
    assert desk.get(f"/clinic/clients/{client.pk}").status_code == 404
    assert desk.get("/api/clinic/clients").json() == []
    assert (
        post_json(HttpClient(), "/api/join", {"code": code, "birth_year": 1990}).status_code == 404
    )
    assert Client.objects.get(pk=client.pk).unlinked_at is not None


def test_a_code_only_runner_attaches_an_account_and_signs_in_with_it() -> None:
    client = make_client(make_clinician())
    from tests.web.clinic.builders import joined

    phone = joined(client)
    response = phone.post(
        "/my-clinic",
        {"username": "ben", "email": "ben@example.org", "password": "ben's long words 5"},
    )
    assert response.status_code == 302
    assert phone.get("/api/my-clinic").status_code == 200
    laptop = HttpClient()
    assert laptop.login(username="ben", password="ben's long words 5")
    assert laptop.get("/api/my-clinic").json()["clinic"] == "Harbour Physio"


def test_an_account_name_that_is_taken_is_refused_naming_the_field() -> None:
    clinician = make_clinician()
    client = make_client(clinician)
    from tests.web.clinic.builders import joined

    phone = joined(client)
    response = phone.post("/my-clinic", {"username": "mia", "password": "ben's long words 5"})
    assert response.status_code == 400
    assert b"Sign-in name: &#x27;mia&#x27; is taken" in response.content


def test_a_runner_without_a_clinic_has_no_clinic_page() -> None:
    from django.contrib.auth.models import User

    http = signed_in(User.objects.create_user(username="ana", password="x"))
    assert http.get("/my-clinic").status_code == 404
    assert http.get("/api/my-clinic").status_code == 404
