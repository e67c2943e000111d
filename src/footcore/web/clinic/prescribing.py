"""Intake and the clinician's prescription edits. An edit is a `PrescriptionEdited` change
through `apply_change`: the runner's state is read once, the domain decides, one
transaction writes the version and the replanned sessions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction

from footcore.catalog.loader import default_catalog
from footcore.domain.intake import Intake, intake_to_dict, parse_intake
from footcore.domain.prescribe import PROPOSER, propose_prescription
from footcore.domain.prescription import Prescription
from footcore.domain.prescription_edit import apply_edit
from footcore.domain.prescription_serialize import prescription_to_dict
from footcore.domain.problems import Invalid, Problem
from footcore.domain.profile import Profile, parse_profile, profile_to_dict
from footcore.domain.runner import PrescriptionEdited
from footcore.web.assessments.selectors import emphases_for
from footcore.web.clinic import audit
from footcore.web.clinic.models import Client, Clinician
from footcore.web.clinic.models import Intake as IntakeRow
from footcore.web.custom_exercises.selectors import clinic_catalog
from footcore.web.runner.records import answers_to_dict
from footcore.web.runner.services import apply_change
from footcore.web.sessions.services import record_red_flags
from footcore.web.training import selectors as training
from footcore.web.training.models import StoredPrescription
from footcore.web.training.services import save_profile


class StaleVersion(Exception):
    """The document was edited from an older version than the stored one."""

    def __init__(self, current: int) -> None:
        super().__init__(f"the prescription is at version {current}; reload and edit again")
        self.current = current


def _store(client: Client, rx: Prescription, by: str, why: str) -> None:
    StoredPrescription.objects.create(
        user=client.runner,
        version=rx.version,
        data=prescription_to_dict(rx),
        changed_by=by,
        why=why,
    )


def _profile_with(client: Client, intake: Intake, today: dt.date) -> dict[str, Any]:
    current = training.get_profile(client.runner)
    data: dict[str, Any] = profile_to_dict(current) if current else {"start": today.isoformat()}
    data["concerns"] = [c.value for c in intake.concerns]
    data["pain"] = [p.value for p in intake.pain]
    return data


def record_intake(
    *, clinician: Clinician, client: Client, data: Mapping[str, Any], today: dt.date
) -> tuple[IntakeRow, Prescription]:
    """Store the intake, propose a prescription from it and replan.

    The intake's concerns and pain sites go into the client's profile (the rest of the
    profile, the running week, stays the runner's). An earlier clinician's version gives
    way to footcore's new proposal, which the clinician then edits. The clinician's
    red-flag screen is the runner's screen: clear, or a stop until cleared.
    """
    intake = parse_intake(data, today=today)
    runner = client.runner
    profile_data = _profile_with(client, intake, today)
    with transaction.atomic():
        row = IntakeRow.objects.create(
            client=client,
            by=clinician.user,
            by_name=clinician.user.get_username(),
            data=intake_to_dict(intake),
            review_on=intake.review_on,
        )
        stored = training.current_prescription(runner)
        if stored is not None and stored.by_clinician:
            proposal = _propose(parse_profile(profile_data), runner, today)
            why = f"proposed from {clinician.user.get_username()}'s intake"
            rx = stored.revised(by=PROPOSER, on=today, why=why, **_content(proposal))
            _store(client, rx, PROPOSER, why)
        save_profile(user=runner, data=profile_data, today=today)
        if intake.review_on is not None:
            current = training.current_prescription(runner)
            if current is not None:
                rx = current.revised(
                    by=PROPOSER, on=today, why="review date from the intake",
                    review_on=intake.review_on,
                )  # fmt: skip
                _store(client, rx, PROPOSER, rx.history[-1].why)
        if "red_flags" in data:
            record_red_flags(user=runner, answers=answers_to_dict(intake.red_flags), today=today)
        audit.wrote(clinician, client, "recorded an intake")
    result = training.current_prescription(runner)
    assert result is not None
    return row, result


def _propose(profile: Profile, runner: Any, today: dt.date) -> Prescription:
    return propose_prescription(
        profile, emphases_for(runner, profile), default_catalog(), today=today
    )


def _content(rx: Prescription) -> dict[str, Any]:
    return {
        f.name: getattr(rx, f.name)
        for f in dataclasses.fields(rx)
        if f.name not in {"history", "start_on", "review_on"}
    }


def edit_prescription(
    *, clinician: Clinician, client: Client, document: Mapping[str, Any], today: dt.date
) -> Prescription:
    """The clinician's edit as the client's next prescription version; replans from today."""
    runner = client.runner
    with transaction.atomic():
        current = training.current_prescription(runner)
        profile = training.get_profile(runner)
        if current is None or profile is None:
            # The document's own problems come first, named by field.
            apply_edit(Prescription(items=()), document, default_catalog(), by="", today=today)
            raise Invalid((Problem("", "no prescription yet: record an intake first"),))
        sent = document.get("version")
        if sent is not None and sent != current.version:
            raise StaleVersion(current.version)
        name = clinician.user.get_full_name() or clinician.user.get_username()
        catalog = clinic_catalog(clinician.clinic_id, keep={i.exercise for i in current.items})
        rx = apply_edit(current, document, catalog, by=name, today=today)
        # The one change path: stored, decided and replanned in its transaction.
        apply_change(user=runner, change=PrescriptionEdited(rx), today=today)
        if rx.start_on is not None and rx.start_on != profile.start:
            save_profile(
                user=runner, data={**profile_to_dict(profile), "start": rx.start_on.isoformat()},
                today=today,
            )  # fmt: skip
        audit.wrote(clinician, client, f"edited the prescription (version {rx.version})")
    return rx
