"""The clinician's pages: roster, intake form, editor form, hand-out; the runner's view."""

from __future__ import annotations

import io

import pytest
import time_machine
from pypdf import PdfReader
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.clinic.models import Intake
from tests.web.builders import profile_data
from tests.web.clinic.builders import MON, joined, make_client, make_clinician, put_json, signed_in

pytestmark = pytest.mark.django_db

INTAKE = {
    "impression": "Achilles mid-portion pain, left",
    "affected_side": "left",
    "irritability": "low",
    "concerns": ["achilles"],
    "heel_raise_reps.left": "12",
    "heel_raise_reps.right": "25",
    "heel_raise_surface": "flat",
    "cadence_spm": "170",
    "review_on": "2026-12-28",
}


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


def test_the_intake_form_proposes_and_the_editor_form_shares_a_change_the_runner_sees() -> None:
    clinician = make_clinician()
    client = make_client(clinician)
    phone = joined(client)
    desk = signed_in(clinician.user)
    with time_machine.travel(MON, tick=False):
        put_json(phone, "/api/profile", profile_data(start="2026-12-07"))
        response = desk.post(f"/clinic/clients/{client.pk}/intake", INTAKE)
        assert response.status_code == 302, response.content.decode()[:2000]
        page = desk.get(f"/clinic/clients/{client.pk}")
        assert b"data-editor" in page.content
        assert b"Version" in page.content
        edited = desk.post(
            f"/clinic/clients/{client.pk}/prescription",
            {"progression-0": "hold", "note-0": "Keep it slow", "why": "hold until review",
             "review_on": "2026-12-28"},
        )  # fmt: skip
        assert edited.status_code == 302
        today = phone.get("/today")
    assert b"Changed by your physio on 7 December 2026" in today.content
    assert b"Keep it slow" in today.content
    assert b"hold until review" in today.content
    assert Intake.objects.get(client=client).data["measures"]["heel_raise_reps"]["left"] == 12.0


def test_a_bad_intake_form_shows_the_problem_and_keeps_the_impression() -> None:
    clinician = make_clinician()
    client = make_client(clinician)
    desk = signed_in(clinician.user)
    bad = {**INTAKE, "foot_posture_index.left": "15"}
    response = desk.post(f"/clinic/clients/{client.pk}/intake", bad)
    assert response.status_code == 400
    assert b"measures.foot_posture_index.left: from -12 to 12 points" in response.content
    assert b"Achilles mid-portion pain, left" in response.content


def test_the_roster_shows_adherence_pain_and_alerts_of_sharing_clients_only() -> None:
    clinician = make_clinician()
    sharing = make_client(clinician, name="Ada")
    private = make_client(clinician, name="Bo")
    put_json(joined(sharing), "/api/my-clinic/consent", {"share": True})
    joined(private)
    page = signed_in(clinician.user).get("/clinic")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ada" in text
    assert "not shared" in text


def test_the_hand_out_carries_name_clinician_clinic_code_and_a_qr_code() -> None:
    clinician = make_clinician()
    client = make_client(clinician, name="Ben Runner")
    response = signed_in(clinician.user).get(f"/clinic/clients/{client.pk}/handout.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = reader.pages[0].extract_text()
    assert "Ben Runner" in text
    assert "mia" in text
    assert "Harbour Physio" in text
    assert f"Code: {client.code}" in text
    assert list(reader.pages[0].images), "the QR code image is missing"


def test_a_stopped_clinic_client_is_sent_to_the_clinic_not_to_a_self_clearance() -> None:
    from footcore.domain.logbook import RedFlagAnswers
    from footcore.web.runner.records import answers_to_dict
    from footcore.web.sessions.services import record_red_flags

    clinician = make_clinician()
    client = make_client(clinician)
    client.clinic.contact = "030 1234"
    client.clinic.save()
    phone = joined(client)
    with time_machine.travel(MON, tick=False):
        put_json(phone, "/api/profile", profile_data(start="2026-12-07"))
        record_red_flags(
            user=client.runner,
            answers=answers_to_dict(RedFlagAnswers(numbness=True)),
            today=MON.date(),
        )
        page = phone.get("/today").content.decode()
    assert "Contact Harbour Physio</strong>: 030 1234" in page
    assert "I have been cleared" not in page


def test_a_clinic_client_cannot_clear_themself_through_the_api() -> None:
    from footcore.domain.logbook import RedFlagAnswers
    from footcore.web.runner.records import answers_to_dict
    from footcore.web.sessions.services import record_red_flags
    from tests.web.clinic.builders import post_json

    client = make_client(make_clinician())
    phone = joined(client)
    with time_machine.travel(MON, tick=False):
        put_json(phone, "/api/profile", profile_data(start="2026-12-07"))
        record_red_flags(
            user=client.runner,
            answers=answers_to_dict(RedFlagAnswers(numbness=True)),
            today=MON.date(),
        )
        response = post_json(phone, "/api/clearance", {"note": "I feel fine"})
    assert response.status_code == 422
    assert "Harbour Physio clears you" in response.json()["detail"]
