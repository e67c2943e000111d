"""Clearance after a red flag, and the client's timeline for the clinician."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from footcore.domain.problems import Invalid, Problem
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.clinic import audit
from footcore.web.clinic.follow import open_red_flag
from footcore.web.clinic.models import Client, ClinicClearance, Clinician
from footcore.web.clinic.models import Intake as IntakeRow
from footcore.web.sessions.models import (
    ClearanceEntry,
    MorningCheckEntry,
    RedFlagScreen,
    SessionLogEntry,
)
from footcore.web.sessions.services import record_clearance
from footcore.web.training.models import StoredPrescription


def sign_clearance(
    *, clinician: Clinician, client: Client, note: str, today: dt.date
) -> ClinicClearance:
    """The clinician clears the client to train again after a red flag."""
    if open_red_flag(client) is None:
        raise Invalid((Problem("", "there is no open red flag to clear"),))
    name = clinician.user.get_full_name() or clinician.user.get_username()
    with transaction.atomic():
        signed = ClinicClearance.objects.create(
            client=client, by=clinician.user, by_name=name, on=today, note=note.strip()[:500]
        )
        words = f"cleared by {name} ({client.clinic})" + (
            f": {note.strip()}" if note.strip() else ""
        )
        record_clearance(user=client.runner, note=words, today=today, by_clinician=True)
        audit.wrote(clinician, client, "signed a clearance after a red flag")
    return signed


def last_clearance(client: Client) -> ClinicClearance | None:
    return ClinicClearance.objects.filter(client=client).order_by("-created_at").first()


def timeline(client: Client) -> list[dict[str, Any]]:
    """Everything on the client's record, newest first: logs, pain, check-ins, screens,
    clearances, self-tests, intakes and every prescription change with who made it.
    Logs and tests only while the client shares them."""
    runner = client.runner
    events: list[tuple[dt.date, str, str]] = []
    if client.shares_logs:
        for d, kind, pain, difficulty in SessionLogEntry.objects.filter(user=runner).values_list(
            "date", "kind", "pain_0_10", "difficulty"
        ):
            words = f"{kind} session logged: pain {pain}/10" + (
                f", {difficulty}" if difficulty else ""
            )
            events.append((d, "log", words))
        for d, session, settled in MorningCheckEntry.objects.filter(user=runner).values_list(
            "date", "session_date", "settled"
        ):
            events.append(
                (
                    d,
                    "check-in",
                    f"morning after {session}: {'settled' if settled else 'not settled'}",
                )
            )
        for d, kind, side, value in AssessmentEntry.objects.filter(user=runner).values_list(
            "date", "kind", "side", "value"
        ):
            events.append((d, "self-test", f"{kind}{' ' + side if side else ''}: {value}"))
        for d, flag in RedFlagScreen.objects.filter(user=runner).values_list("date", "any_flag"):
            events.append((d, "screen", "red flag reported" if flag else "screen clear"))
        for d, note in ClearanceEntry.objects.filter(user=runner).values_list("date", "note"):
            events.append((d, "clearance", note or "cleared to train"))
    for at, by, why, version in StoredPrescription.objects.filter(user=runner).values_list(
        "created_at", "changed_by", "why", "version"
    ):
        events.append((at.date(), "prescription", f"version {version} by {by}: {why}"))
    for at, by in IntakeRow.objects.filter(client=client).values_list("created_at", "by_name"):
        events.append((at.date(), "intake", f"intake by {by}"))
    events.sort(key=lambda e: e[0], reverse=True)
    return [{"on": d.isoformat(), "kind": k, "what": w} for d, k, w in events]
