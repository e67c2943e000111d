"""The clinician's side lived over days through the API: intake proposes, the clinician
edits, the runner trains from the edit, pain raises an alert, a red flag is cleared."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client as HttpClient
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.clinic.models import Client
from footcore.web.training.models import PlannedSession
from tests.web.builders import profile_data
from tests.web.clinic.builders import (
    MON,
    evening,
    joined,
    make_client,
    make_clinician,
    post_json,
    put_json,
    signed_in,
    strength_days,
)
from tests.web.session_builders import log_body

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


from tests.web.builders import screen_user  # noqa: E402


def intake_body(**over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "impression": "Plantar heel pain, right, for six weeks",
        "affected_side": "right",
        "irritability": "moderate",
        "onset_on": "2026-10-20",
        "concerns": ["plantar-fasciitis"],
        "pain": ["heel"],
        "measures": {
            "heel_raise_reps": {"left": 24, "right": 15},
            "foot_posture_index": {"left": 4, "right": 7},
            "knee_to_wall_cm": {"left": 11, "right": 9.5},
        },
        "heel_raise_surface": "incline",
        "cadence_spm": 164,
        "foot_strike": "rearfoot",
        "footwear": "cushioned daily trainer, 600 km",
        "review_on": "2026-12-21",
    }
    body.update(over)
    return body


def setup_client() -> tuple[Client, HttpClient, HttpClient]:
    clinician = make_clinician()
    client = make_client(clinician)
    phone = joined(client)
    put_json(phone, "/api/my-clinic/consent", {"share": True})
    with time_machine.travel(MON, tick=False):
        assert put_json(phone, "/api/profile", profile_data(start="2026-12-07")).status_code == 200
        # A runner with pain answers the red-flag questions before the first session.
        screen_user(client.runner, MON.date())
    return client, signed_in(clinician.user), phone


def test_the_intake_proposes_a_prescription_with_a_reason_for_every_item() -> None:
    client, desk, _ = setup_client()
    with time_machine.travel(MON, tick=False):
        response = post_json(desk, f"/api/clinic/clients/{client.pk}/intake", intake_body())
    assert response.status_code == 201, response.content
    rx = response.json()["prescription"]
    assert rx["items"]
    assert all(item["reason"] for item in rx["items"])
    assert "heel-raise-high-load" in {i["exercise"] for i in rx["items"]} or any(
        i["role"] == "concern-protocol" for i in rx["items"]
    )
    assert rx["review_on"] == "2026-12-21"
    intake = response.json()["intake"]
    assert intake["measures"]["heel_raise_reps"] == {"left": 24.0, "right": 15.0}
    assert intake["heel_raise_surface"] == "incline"


def test_a_bad_intake_names_every_bad_field_and_writes_nothing() -> None:
    client, desk, _ = setup_client()
    body = intake_body(
        irritability="severe",
        measures={"foot_posture_index": {"left": 14}, "grip": {"left": 1}},
        cadence_spm=20,
        red_flags={"numbness": "yes"},
    )
    with time_machine.travel(MON, tick=False):
        response = post_json(desk, f"/api/clinic/clients/{client.pk}/intake", body)
    assert response.status_code == 422
    fields = [p["field"] for p in response.json()["problems"]]
    assert fields == [
        "irritability",
        "measures.foot_posture_index.left",
        "measures.grip",
        "cadence_spm",
        "red_flags.numbness",
    ]
    assert not client.intakes.exists()


def test_get_returns_what_put_accepts_and_the_edit_is_a_new_version_by_the_clinician() -> None:
    client, desk, phone = setup_client()
    url = f"/api/clinic/clients/{client.pk}/prescription"
    with time_machine.travel(MON, tick=False):
        post_json(desk, f"/api/clinic/clients/{client.pk}/intake", intake_body())
        document = desk.get(url).json()
        same = put_json(desk, url, document)
        assert same.status_code == 200, same.content
        assert same.json()["version"] == document["version"] + 1
        edited = same.json()
        first = edited["items"][0]
        first["progression"] = "hold"
        first["note"] = "Slow on the way down; stop at 5/10."
        first["pinned"] = True
        edited["why"] = "hold the heel raise until I see you"
        response = put_json(desk, url, edited)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["items"][0]["progression"] == "hold"
    assert body["items"][0]["note"] == "Slow on the way down; stop at 5/10."
    assert body["history"][-1]["by"] == "mia"
    assert body["history"][-1]["why"] == "hold the heel raise until I see you"
    mine = phone.get("/api/prescription").json()
    assert mine["history"][-1]["by"] == "mia"
    planned = PlannedSession.objects.filter(user=client.runner, date__gte="2026-12-07")
    assert any(i["exercise"] == first["exercise"] for s in planned for i in s.items)


def test_an_edit_from_an_old_version_is_refused_with_409() -> None:
    client, desk, _ = setup_client()
    url = f"/api/clinic/clients/{client.pk}/prescription"
    with time_machine.travel(MON, tick=False):
        post_json(desk, f"/api/clinic/clients/{client.pk}/intake", intake_body())
        document = desk.get(url).json()
        assert put_json(desk, url, document).status_code == 200
        stale = put_json(desk, url, document)
    assert stale.status_code == 409
    assert stale.json()["problems"][0]["field"] == "version"


def test_a_bad_edit_names_the_item_and_field() -> None:
    client, desk, _ = setup_client()
    url = f"/api/clinic/clients/{client.pk}/prescription"
    with time_machine.travel(MON, tick=False):
        post_json(desk, f"/api/clinic/clients/{client.pk}/intake", intake_body())
        document = desk.get(url).json()
        document["items"][0]["variant"] = "flying"
        document["items"].append({"exercise": "moonwalk"})
        document["items"].append({"exercise": "toe-yoga", "frequency": "hourly"})
        response = put_json(desk, url, document)
    assert response.status_code == 422
    fields = [p["field"] for p in response.json()["problems"]]
    n = len(document["items"])
    assert fields[0] == "items[0].variant"
    assert f"items[{n - 2}].exercise" in fields
    assert f"items[{n - 1}].frequency" in fields


def test_pain_six_raises_an_alert_the_clinician_sees() -> None:
    client, desk, phone = setup_client()
    tue = dt.date(2026, 12, 8)
    with time_machine.travel(MON, tick=False):
        post_json(desk, f"/api/clinic/clients/{client.pk}/intake", intake_body())
    day = strength_days(client.runner)[0]
    with time_machine.travel(evening(day), tick=False):
        response = post_json(phone, "/api/logs", log_body(client.runner, day, pain=6))
        assert response.status_code in (200, 201), response.content
        found = desk.get("/api/clinic/alerts").json()
    assert tue <= day
    assert {"client": client.pk, "kind": "pain-high"}.items() <= found[0].items()
    assert "pain 6/10" in found[0]["message"]


def test_after_consent_is_withdrawn_the_clinic_sees_no_logs_or_alerts() -> None:
    client, desk, phone = setup_client()
    with time_machine.travel(MON, tick=False):
        post_json(desk, f"/api/clinic/clients/{client.pk}/intake", intake_body())
    day = strength_days(client.runner)[0]
    with time_machine.travel(evening(day), tick=False):
        post_json(phone, "/api/logs", log_body(client.runner, day, pain=6))
        put_json(phone, "/api/my-clinic/consent", {"share": False})
        assert desk.get("/api/clinic/alerts").json() == []
        progress = desk.get(f"/api/clinic/clients/{client.pk}/progress").json()
    assert progress["shares_logs"] is False
    assert progress["last_pain_0_10"] is None
    assert all(e["kind"] not in ("log", "self-test") for e in progress["timeline"])


def test_a_red_flag_in_the_intake_stops_the_program_until_the_clinician_signs() -> None:
    client, desk, phone = setup_client()
    url = f"/api/clinic/clients/{client.pk}"
    with time_machine.travel(MON, tick=False):
        nothing = post_json(desk, f"{url}/clearance", {"note": "early"})
        assert nothing.status_code == 422
        post_json(desk, f"{url}/intake", intake_body(red_flags={"focal_bone_pain": True}))
        assert phone.get("/api/status").json()["status"] != "active"
        alerts = desk.get("/api/clinic/alerts").json()
        assert [a["kind"] for a in alerts] == ["red-flag"]
    # The clearance comes later than the flag (a tie on the instant keeps the stop).
    with time_machine.travel(MON + dt.timedelta(hours=2), tick=False):
        signed = post_json(desk, f"{url}/clearance", {"note": "x-ray clear"})
        assert signed.status_code == 201
        assert signed.json()["by"] == "mia"
        assert phone.get("/api/status").json()["status"] == "active"
        progress = desk.get(f"{url}/progress").json()
    assert progress["cleared_by"] == "mia"
    assert desk.get("/api/clinic/alerts").json() == []


def test_the_plan_follows_the_clinicians_dose_through_the_one_change_path() -> None:
    from footcore.web.runner.models import RunnerStateRow

    client, desk, _ = setup_client()
    url = f"/api/clinic/clients/{client.pk}/prescription"
    with time_machine.travel(MON, tick=False):
        post_json(desk, f"/api/clinic/clients/{client.pk}/intake", intake_body())
        document = desk.get(url).json()
        strength = next(i for i in document["items"] if i["role"] != "warm-up")
        strength["progression"] = "hold"
        strength["dose"] = {**strength["dose"], "sets": 2}
        assert put_json(desk, url, document).status_code == 200
    planned = [
        i
        for s in PlannedSession.objects.filter(
            user=client.runner, kind="strength", week_index__lte=3
        )
        for i in s.items
        if i["exercise"] == strength["exercise"]
    ]
    assert planned
    # Build weeks: the clinician's 2 sets (the lighter fourth week cuts one).
    assert {i["dose"]["sets"] for i in planned} == {2}
    assert RunnerStateRow.objects.filter(user=client.runner).exists()


def test_a_profile_change_by_the_runner_keeps_the_clinicians_prescription() -> None:
    client, desk, phone = setup_client()
    url = f"/api/clinic/clients/{client.pk}/prescription"
    with time_machine.travel(MON, tick=False):
        post_json(desk, f"/api/clinic/clients/{client.pk}/intake", intake_body())
        document = desk.get(url).json()
        document["why"] = "my version"
        version = put_json(desk, url, document).json()["version"]
        assert put_json(phone, "/api/profile", profile_data(minutes=15)).status_code == 200
        after = desk.get(url).json()
    assert after["version"] == version
    assert after["history"][-1]["why"] == "my version"
