"""Templates lived through the API and the editor: a clinician starts a client from a
shipped or a saved template, the runner trains from it, the clinician edits on."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client as HttpClient
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.catalog.loader import default_catalog
from footcore.domain.serialize import dose_to_dict
from footcore.web.clinic.models import AuditEntry, Client, PrescriptionTemplate
from footcore.web.training.models import PlannedSession, StoredPrescription
from tests.web.builders import profile_data, screen_user
from tests.web.clinic.builders import (
    MON,
    joined,
    make_client,
    make_clinic,
    make_clinician,
    post_json,
    put_json,
    signed_in,
)

pytestmark = pytest.mark.django_db

CATALOG = default_catalog()
HEEL = CATALOG.get("heel-raise-towel")


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


def runner_profile() -> dict[str, Any]:
    return profile_data(
        concerns=[], pain=["heel"], equipment=["step", "towel", "backpack", "chair"], minutes=20
    )


def setup_client(clinician: Any = None, name: str = "Ben Runner") -> tuple[Client, HttpClient]:
    """A client who joined with the code, shares logs and has an intake's proposal."""
    clinician = clinician or make_clinician()
    client = make_client(clinician, name=name)
    phone = joined(client)
    put_json(phone, "/api/my-clinic/consent", {"share": True})
    with time_machine.travel(MON, tick=False):
        assert put_json(phone, "/api/profile", runner_profile()).status_code == 200
        screen_user(client.runner, MON.date())
        intake = {"impression": "heel pain", "affected_side": "right", "irritability": "low"}
        response = post_json(
            signed_in(clinician.user), f"/api/clinic/clients/{client.pk}/intake", intake
        )
        assert response.status_code == 201, response.content
    return client, phone


def start(desk: HttpClient, client: Client, template: str, **over: Any) -> Any:
    body = {"template": template, **over}
    return post_json(desk, f"/api/clinic/clients/{client.pk}/prescription/template", body)


def todays_item(phone: HttpClient, exercise: str) -> dict[str, Any] | None:
    today = phone.get("/api/today").json()
    items = [i for s in today["sessions"] for i in s["items"] if i["exercise"] == exercise]
    return items[0] if items else None


def first_strength_day(client: Client) -> dt.datetime:
    day = (
        PlannedSession.objects.filter(user=client.runner, kind="strength", date__gt=MON.date())
        .order_by("date")
        .values_list("date", flat=True)[0]
    )
    return dt.datetime.combine(day, dt.time(8), tzinfo=dt.UTC)


def test_a_rathleff_template_reaches_the_runners_today_with_its_dose_and_an_edit_follows() -> None:
    clinician = make_clinician()
    client, phone = setup_client(clinician)
    desk = signed_in(clinician.user)
    with time_machine.travel(MON, tick=False):
        before = StoredPrescription.objects.filter(user=client.runner).count()
        response = start(desk, client, "rathleff-heel-pain", why="high-load heel raise for you")
    assert response.status_code == 200, response.content
    document = response.json()
    assert [i["exercise"] for i in document["items"]] == ["heel-raise-towel", "plantar-stretch"]
    assert document["history"][-1] == {
        "version": document["version"],
        "by": "mia",
        "on": "2026-12-07",
        "why": "high-load heel raise for you",
    }
    # One new version, written once.
    assert StoredPrescription.objects.filter(user=client.runner).count() == before + 1
    expected = dose_to_dict(dataclasses.replace(HEEL.variant("single-leg").dose, note=None))
    with time_machine.travel(first_strength_day(client), tick=False):
        item = todays_item(phone, "heel-raise-towel")
        assert item is not None, phone.get("/api/today").json()
        assert item["variant"] == "single-leg"
        assert {k: expected[k] for k in item["dose"]} == item["dose"]
        assert "rathleff" in item["reason"].lower() or "heel" in item["reason"].lower()
        page = phone.get("/today").content.decode()
        assert HEEL.name in page
    # The clinician holds the heel raise with a note; the runner sees both.
    with time_machine.travel(MON + dt.timedelta(hours=1), tick=False):
        url = f"/api/clinic/clients/{client.pk}/prescription"
        edited = desk.get(url).json()
        edited["items"][0].update(progression="hold", note="Three seconds up, three down.")
        edited["why"] = "hold until I see you"
        assert put_json(desk, url, edited).status_code == 200
    with time_machine.travel(first_strength_day(client), tick=False):
        mine = phone.get("/api/prescription").json()
        heel = next(i for i in mine["items"] if i["exercise"] == "heel-raise-towel")
        assert heel["note"] == "Three seconds up, three down."
        assert mine["history"][-1]["why"] == "hold until I see you"
        assert "Three seconds up, three down." in phone.get("/today").content.decode()
    whats = list(AuditEntry.objects.filter(client=client).values_list("what", flat=True))
    assert any("template 'Plantar heel pain" in w for w in whats)


def test_add_keeps_the_current_exercises_and_a_stale_version_is_refused() -> None:
    clinician = make_clinician()
    client, _ = setup_client(clinician)
    desk = signed_in(clinician.user)
    url = f"/api/clinic/clients/{client.pk}/prescription"
    with time_machine.travel(MON, tick=False):
        current = desk.get(url).json()
        response = start(desk, client, "hsr-achilles", mode="add", version=current["version"])
        assert response.status_code == 200, response.content
        exercises = [i["exercise"] for i in response.json()["items"]]
        assert exercises[: len(current["items"])] == [i["exercise"] for i in current["items"]]
        assert {"seated-heel-raise-loaded", "standing-heel-raise-loaded"} <= set(exercises)
        stale = start(desk, client, "foot-core", version=current["version"])
    assert stale.status_code == 409
    assert stale.json()["problems"][0]["field"] == "version"


def test_the_seed_000_routine_leaves_only_the_rotation_and_can_be_edited_on() -> None:
    clinician = make_clinician()
    client, _ = setup_client(clinician)
    desk = signed_in(clinician.user)
    with time_machine.travel(MON, tick=False):
        response = start(desk, client, "seed-000-routine")
        assert response.status_code == 200, response.content
        assert response.json()["items"] == []
        mine = desk.get(f"/api/clinic/clients/{client.pk}/prescription").json()
        assert (
            put_json(desk, f"/api/clinic/clients/{client.pk}/prescription", mine).status_code == 200
        )
    strength = PlannedSession.objects.filter(
        user=client.runner, kind="strength", date__gt=MON.date()
    )
    seed = {e.id for e in CATALOG.exercises if "seed-000" in e.citations}
    assert strength.exists()
    assert {i["exercise"] for s in strength for i in s.items} <= seed


def test_a_saved_template_starts_another_client_of_the_clinic_only() -> None:
    clinician = make_clinician()
    ben, _ = setup_client(clinician)
    cy, _cy_phone = setup_client(clinician, name="Cy Runner")
    desk = signed_in(clinician.user)
    with time_machine.travel(MON, tick=False):
        assert start(desk, ben, "rathleff-heel-pain").status_code == 200
        saved = post_json(desk, "/api/clinic/templates", {"client": ben.pk, "name": "Heel, wk 1"})
        assert saved.status_code == 201, saved.content
        template = saved.json()
        assert template["id"].startswith("own-")
        assert template["shipped"] is False
        assert HEEL.name in template["exercises"]
        listed = [t["id"] for t in desk.get("/api/clinic/templates").json()]
        assert listed[-1] == template["id"]
        assert "rathleff-heel-pain" in listed
        response = start(desk, cy, template["id"])
        assert response.status_code == 200, response.content
    assert [i["exercise"] for i in response.json()["items"]] == [
        "heel-raise-towel",
        "plantar-stretch",
    ]
    # Another clinic neither sees nor uses it: the same 404 as a template that is not there.
    other = make_clinician("tom", make_clinic("Other Clinic"))
    theirs, _ = setup_client(other, name="Zoe")
    stranger = signed_in(other.user)
    with time_machine.travel(MON, tick=False):
        seen = stranger.get(f"/api/clinic/templates/{template['id']}")
        missing = stranger.get("/api/clinic/templates/own-987654")
        used = start(stranger, theirs, template["id"])
        gone = stranger.delete(f"/api/clinic/templates/{template['id']}")
        listed_there = [t["id"] for t in stranger.get("/api/clinic/templates").json()]
    assert seen.status_code == missing.status_code == gone.status_code == 404
    assert seen.content == missing.content
    assert used.status_code == 404
    assert used.json()["problems"] == [{"field": "template", "message": "no such template"}]
    assert template["id"] not in listed_there
    assert PrescriptionTemplate.objects.filter(pk=int(template["id"][4:])).exists()


def test_a_template_name_is_unique_in_the_clinic_and_a_bad_one_names_the_field() -> None:
    clinician = make_clinician()
    client, _ = setup_client(clinician)
    desk = signed_in(clinician.user)
    with time_machine.travel(MON, tick=False):
        body = {"client": client.pk, "name": "Runner basics"}
        assert post_json(desk, "/api/clinic/templates", body).status_code == 201
        twice = post_json(desk, "/api/clinic/templates", body)
        blank = post_json(desk, "/api/clinic/templates", {**body, "name": " "})
        mode = start(desk, client, "foot-core", mode="sideways")
        unknown = start(desk, client, "no-such-template")
    assert twice.status_code == blank.status_code == 422
    assert twice.json()["problems"][0]["field"] == "name"
    assert blank.json()["problems"][0]["field"] == "name"
    assert mode.status_code == 422
    assert unknown.status_code == 404


def test_a_shipped_template_cannot_be_deleted_and_an_own_one_can() -> None:
    clinician = make_clinician()
    client, _ = setup_client(clinician)
    desk = signed_in(clinician.user)
    with time_machine.travel(MON, tick=False):
        saved = post_json(desk, "/api/clinic/templates", {"client": client.pk, "name": "Mine"})
        shipped = desk.delete("/api/clinic/templates/foot-core")
        own = desk.delete(f"/api/clinic/templates/{saved.json()['id']}")
    assert shipped.status_code == 422
    assert own.status_code == 204
    assert not PrescriptionTemplate.objects.exists()


def test_the_editor_page_starts_from_a_template_and_saves_one() -> None:
    clinician = make_clinician()
    client, _ = setup_client(clinician)
    desk = signed_in(clinician.user)
    with time_machine.travel(MON, tick=False):
        page = desk.get(f"/clinic/clients/{client.pk}").content.decode()
        assert 'value="rathleff-heel-pain"' in page
        version = desk.get(f"/api/clinic/clients/{client.pk}/prescription").json()["version"]
        response = desk.post(
            f"/clinic/clients/{client.pk}/prescription/template",
            {"template": "rathleff-heel-pain", "mode": "replace", "version": str(version)},
        )
        assert response.status_code == 302
        page = desk.get(f"/clinic/clients/{client.pk}").content.decode()
        assert "started from the template" in page
        assert 'data-item="heel-raise-towel"' in page
        saved = desk.post(
            f"/clinic/clients/{client.pk}/prescription/save-template", {"name": "Heel basics"}
        )
        assert saved.status_code == 302
        page = desk.get(f"/clinic/clients/{client.pk}").content.decode()
        assert "Heel basics" in page
        bad = desk.post(
            f"/clinic/clients/{client.pk}/prescription/template", {"template": "nothing"}
        )
        assert bad.status_code == 302
        assert "choose one of the list" in desk.get(f"/clinic/clients/{client.pk}").content.decode()


def test_the_templates_page_lists_all_and_deletes_only_the_clinics_own() -> None:
    clinician = make_clinician()
    client, _ = setup_client(clinician)
    desk = signed_in(clinician.user)
    with time_machine.travel(MON, tick=False):
        saved = post_json(desk, "/api/clinic/templates", {"client": client.pk, "name": "Mine"})
        own = saved.json()["id"]
        page = desk.get("/clinic/templates").content.decode()
        assert page.count("data-template=") == 7
        assert f'action="/clinic/templates/{own}/delete"' in page
        assert 'action="/clinic/templates/foot-core/delete"' not in page
        stranger = signed_in(make_clinician("tom", make_clinic("Other Clinic")).user)
        assert stranger.post(f"/clinic/templates/{own}/delete").status_code == 404
        assert "Mine" not in stranger.get("/clinic/templates").content.decode()
        assert desk.post("/clinic/templates/foot-core/delete").status_code == 302
        assert desk.post(f"/clinic/templates/{own}/delete").status_code == 302
    assert not PrescriptionTemplate.objects.exists()
