"""Every clinician read and write of a client's record is in the audit log, exportable."""

from __future__ import annotations

import csv
import io

import pytest
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
