"""`footcore user ...` and `footcore clinic ...`: accounts, roles, clinics, the audit export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from typer.testing import CliRunner

from footcore.cli.main import app
from footcore.web.clinic import services
from footcore.web.clinic.models import Clinician

pytestmark = pytest.mark.django_db

runner = CliRunner()
PASSWORD = "a long clinic passphrase 7\n"


def invoke(*args: str, stdin: str = "") -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.output


def test_a_clinician_is_added_to_an_existing_clinic() -> None:
    assert invoke("clinic", "add", "Harbour Physio", "--contact", "030 1234")[0] == 0
    code, out = invoke(
        "user", "add", "mia", "--clinician", "--clinic", "harbour physio", "--password-stdin",
        stdin=PASSWORD,
    )  # fmt: skip
    assert code == 0, out
    clinician = Clinician.objects.get(user__username="mia")
    assert clinician.clinic.name == "Harbour Physio"
    assert clinician.clinic.contact == "030 1234"


def test_a_clinician_without_a_clinic_is_refused_naming_the_option() -> None:
    code, out = invoke("user", "add", "mia", "--clinician", "--password-stdin", stdin=PASSWORD)
    assert code == 2
    assert "--clinic" in out
    assert not User.objects.filter(username="mia").exists()


def test_an_unknown_clinic_is_refused_and_no_account_is_left_behind() -> None:
    code, out = invoke(
        "user", "add", "mia", "--clinician", "--clinic", "Nowhere", "--password-stdin",
        stdin=PASSWORD,
    )  # fmt: skip
    assert code == 2
    assert "no clinic named 'Nowhere'" in out
    assert not User.objects.filter(username="mia").exists()


def test_a_second_clinic_of_the_same_name_is_refused() -> None:
    invoke("clinic", "add", "Harbour Physio")
    code, out = invoke("clinic", "add", "harbour physio")
    assert code == 2
    assert "exists already" in out


def test_user_list_shows_roles_and_hides_code_only_clients() -> None:
    invoke("clinic", "add", "Harbour Physio")
    invoke("user", "add", "mia", "--clinician", "--clinic", "Harbour Physio",
           "--password-stdin", stdin=PASSWORD)  # fmt: skip
    invoke("user", "add", "root", "--staff", "--password-stdin", stdin=PASSWORD)
    invoke("user", "add", "ana", "--password-stdin", stdin=PASSWORD)
    clinician = Clinician.objects.get(user__username="mia")
    services.add_client(
        clinician=clinician, name="Ben", birth_year=1990, today=dt.date(2026, 12, 1)
    )
    code, out = invoke("user", "list")
    assert code == 0
    lines = {line.split()[1]: line for line in out.splitlines() if line.startswith("│")}
    assert "clinician" in lines["mia"]
    assert "Harbour Physio" in lines["mia"]
    assert "staff" in lines["root"]
    assert "runner" in lines["ana"]
    assert "client-" not in out
    assert User.objects.get(username="root").is_staff


def test_a_disabled_user_can_no_longer_sign_in() -> None:
    invoke("user", "add", "ana", "--password-stdin", stdin=PASSWORD)
    assert invoke("user", "disable", "ana")[0] == 0
    assert not User.objects.get(username="ana").is_active
    code, out = invoke("user", "disable", "nobody")
    assert code == 2
    assert "no user named 'nobody'" in out


def test_set_password_replaces_the_password_and_validates_it() -> None:
    invoke("user", "add", "ana", "--password-stdin", stdin=PASSWORD)
    assert (
        invoke("user", "set-password", "ana", "--password-stdin", stdin="new long words 99\n")[0]
        == 0
    )
    assert User.objects.get(username="ana").check_password("new long words 99")
    code, out = invoke("user", "set-password", "ana", "--password-stdin", stdin="123\n")
    assert code == 2
    assert "password:" in out


def test_clinic_audit_exports_every_clinician_action_as_csv(tmp_path: Path) -> None:
    invoke("clinic", "add", "Harbour Physio")
    invoke("user", "add", "mia", "--clinician", "--clinic", "Harbour Physio",
           "--password-stdin", stdin=PASSWORD)  # fmt: skip
    clinician = Clinician.objects.get(user__username="mia")
    client = services.add_client(
        clinician=clinician, name="=cmd()", birth_year=1990, today=dt.date(2026, 12, 1)
    )
    services.revoke_code(clinician=clinician, client=client)
    target = tmp_path / "audit.csv"
    assert invoke("clinic", "audit", "Harbour Physio", "--out", str(target))[0] == 0
    rows = target.read_text().splitlines()
    assert rows[0] == "at,clinician,client_id,client,action,what"
    assert rows[1].endswith(f",mia,{client.pk},'=cmd(),write,added the client")
    assert rows[2].endswith("write,revoked the client code")
    assert invoke("clinic", "audit", "Elsewhere")[0] == 2


def test_clinic_audit_exports_json_since_a_day_and_logs_the_export(tmp_path: Path) -> None:
    import json

    import time_machine

    from footcore.web.clinic.models import AuditEntry

    invoke("clinic", "add", "Harbour Physio")
    invoke("user", "add", "mia", "--clinician", "--clinic", "Harbour Physio",
           "--password-stdin", stdin=PASSWORD)  # fmt: skip
    clinician = Clinician.objects.get(user__username="mia")
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC), tick=False):
        services.add_client(
            clinician=clinician, name="Ben", birth_year=1990, today=dt.date(2026, 11, 2)
        )
    with time_machine.travel(dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC), tick=False):
        services.add_client(
            clinician=clinician, name="Cy", birth_year=1991, today=dt.date(2026, 12, 2)
        )
        target = tmp_path / "audit.json"
        args = ("clinic", "audit", "Harbour Physio", "--format", "json", "--since", "2026-12-01")
        code, out = invoke(*args, "--out", str(target))
    assert code == 0, out
    rows = json.loads(target.read_text())
    assert [(r["client"], r["what"]) for r in rows] == [("Cy", "added the client")]
    export = AuditEntry.objects.order_by("-pk").first()
    assert export is not None
    assert (export.actor_name, export.client, export.what) == (
        "command line",
        None,
        "exported the audit log (json) since 2026-12-01",
    )


@pytest.mark.parametrize(
    ("args", "named"),
    [(("--since", "last week"), "--since"), (("--format", "xml"), "--format")],
)
def test_clinic_audit_refuses_a_bad_option_naming_it(args: tuple[str, str], named: str) -> None:
    invoke("clinic", "add", "Harbour Physio")
    code, out = invoke("clinic", "audit", "Harbour Physio", *args)
    assert code == 2
    assert named in out
