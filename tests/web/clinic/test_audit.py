"""Every clinician read and write of a client's record is in the audit log, exportable."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client as HttpClient
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.clinic.models import AuditEntry
from tests.web.clinic.builders import make_client, make_clinic, make_clinician, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


def test_reads_and_writes_are_logged_with_who_what_and_when() -> None:
    clinician = make_clinician()
    client = make_client(clinician)
    desk = signed_in(clinician.user)
    desk.get(f"/clinic/clients/{client.pk}")
    desk.get(f"/api/clinic/clients/{client.pk}")
    desk.post(f"/clinic/clients/{client.pk}/code/new")
    rows = list(
        AuditEntry.objects.filter(client=client).values_list("actor_name", "action", "what")
    )
    assert rows == [
        ("mia", "write", "added the client"),
        ("mia", "read", "opened the client record"),
        ("mia", "read", "read the client record"),
        ("mia", "write", "issued a new client code"),
    ]
    assert all(e.at is not None for e in AuditEntry.objects.all())


def test_the_audit_page_exports_only_the_clinics_own_rows_as_csv() -> None:
    mine = make_clinician()
    theirs = make_clinician("tom", make_clinic("Other Clinic"))
    make_client(mine, name="Ben")
    make_client(theirs, name="Zoe")
    response = signed_in(mine.user).get("/clinic/audit.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["clinician"], r["client"], r["action"]) for r in rows] == [("mia", "Ben", "write")]


def test_a_stranger_to_the_client_leaves_no_audit_row() -> None:
    client = make_client(make_clinician())
    other = make_clinician("tom", make_clinic("Other Clinic"))
    before = AuditEntry.objects.count()
    assert signed_in(other.user).get(f"/api/clinic/clients/{client.pk}").status_code == 404
    assert AuditEntry.objects.count() == before


def test_the_json_export_matches_the_csv_and_is_itself_audited() -> None:
    mine = make_clinician()
    make_client(mine, name="Ben")
    desk = signed_in(mine.user)
    as_json = desk.get("/clinic/audit.json")
    assert as_json.status_code == 200
    assert as_json["Content-Type"] == "application/json"
    rows = json.loads(as_json.content)
    assert [(r["clinician"], r["client"], r["action"], r["what"]) for r in rows] == [
        ("mia", "Ben", "write", "added the client")
    ]
    assert set(rows[0]) == {"at", "clinician", "client_id", "client", "action", "what"}
    export = AuditEntry.objects.order_by("-pk").first()
    assert export is not None
    assert (export.client, export.action, export.what) == (
        None,
        "read",
        "exported the audit log (json)",
    )
    csv_rows = list(csv.DictReader(io.StringIO(desk.get("/clinic/audit.csv").content.decode())))
    assert [r["what"] for r in csv_rows] == ["added the client", "exported the audit log (json)"]
    assert csv_rows[1]["client"] == ""
    assert csv_rows[1]["client_id"] == ""


def test_the_api_export_takes_a_since_date_and_refuses_a_bad_one() -> None:
    mine = make_clinician()
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC), tick=False):
        make_client(mine, name="Ben")
    with time_machine.travel(dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC), tick=False):
        make_client(mine, name="Cy")
        desk = signed_in(mine.user)
        recent = desk.get("/api/clinic/audit?since=2026-12-01")
        everything = desk.get("/api/clinic/audit")
        bad = desk.get("/api/clinic/audit?since=yesterday")
        page_bad = desk.get("/clinic/audit.csv?since=yesterday")
    assert recent.status_code == 200
    assert [r["client"] for r in recent.json()] == ["Cy"]
    assert [r["client"] for r in everything.json()][:2] == ["Ben", "Cy"]
    assert everything.json()[-1]["what"] == "exported the audit log (API) since 2026-12-01"
    assert bad.status_code == 422
    assert bad.json()["problems"][0]["field"].endswith("since")
    assert page_bad.status_code == 400
    assert b"since" in page_bad.content


def test_no_one_but_the_clinics_clinicians_exports_its_log() -> None:
    make_client(make_clinician(), name="Ben")
    other = make_clinician("tom", make_clinic("Other Clinic"))
    runner = User.objects.create_user(username="bea", password="x")
    assert signed_in(runner).get("/api/clinic/audit").status_code == 404
    assert signed_in(runner).get("/clinic/audit.json").status_code == 404
    theirs = signed_in(other.user).get("/api/clinic/audit").json()
    assert [r["what"] for r in theirs] == []
    assert HttpClient().get("/api/clinic/audit").status_code == 401
