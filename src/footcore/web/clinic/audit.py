"""The audit log: every clinician read and write of a client's record."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib.auth.models import User

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


def exported(clinic: Clinic, *, actor: User | None, actor_name: str, what: str) -> None:
    """An export of the clinic's log is itself a read, of every client in it."""
    AuditEntry.objects.create(
        clinic=clinic,
        actor=actor,
        actor_name=actor_name[:150],
        client=None,
        action=AuditAction.READ,
        what=what[:200],
    )


def entries(clinic: Clinic, since: dt.date | None = None) -> Iterable[AuditEntry]:
    """The clinic's log, oldest first; from the start of `since` (UTC) when given."""
    rows = AuditEntry.objects.filter(clinic=clinic).select_related("client")
    if since is not None:
        start = dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC)
        rows = rows.filter(at__gte=start)
    return rows.iterator()


def to_rows(rows: Iterable[AuditEntry]) -> Iterator[dict[str, Any]]:
    for e in rows:
        yield {
            "at": e.at.isoformat(),
            "clinician": e.actor_name,
            "client_id": e.client_id,
            "client": None if e.client is None else e.client.name,
            "action": e.action,
            "what": e.what,
        }


def to_json(rows: Iterable[AuditEntry]) -> str:
    return json.dumps(list(to_rows(rows)), ensure_ascii=False, indent=1)


def to_csv(rows: Iterable[AuditEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in to_rows(rows):
        writer.writerow(
            (
                row["at"],
                _cell(row["clinician"]),
                row["client_id"] or "",
                _cell(row["client"] or ""),
                row["action"],
                _cell(row["what"]),
            )
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """A spreadsheet must not run a name as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
