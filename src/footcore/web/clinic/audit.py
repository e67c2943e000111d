"""The audit log: every clinician read and write of a client's record."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from footcore.web.clinic.models import AuditAction, AuditEntry, Client, Clinic, Clinician

COLUMNS = ("at", "clinician", "client_id", "client", "action", "what")


def record(clinician: Clinician, client: Client, action: AuditAction, what: str) -> None:
    AuditEntry.objects.create(
        clinic=client.clinic,
        actor=clinician.user,
        actor_name=clinician.user.get_username(),
        client=client,
        action=action,
        what=what[:200],
    )


def read(clinician: Clinician, client: Client, what: str) -> None:
    record(clinician, client, AuditAction.READ, what)


def wrote(clinician: Clinician, client: Client, what: str) -> None:
    record(clinician, client, AuditAction.WRITE, what)


def entries(clinic: Clinic) -> Iterable[AuditEntry]:
    return AuditEntry.objects.filter(clinic=clinic).select_related("client").iterator()


def to_csv(rows: Iterable[AuditEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in rows:
        writer.writerow(
            (
                e.at.isoformat(),
                _cell(e.actor_name),
                e.client_id,
                _cell(e.client.name),
                e.action,
                _cell(e.what),
            )
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """A spreadsheet must not run a name as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
