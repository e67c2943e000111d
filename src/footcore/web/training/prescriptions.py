"""Storing a runner's prescription: one new version each time footcore's proposal changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import User

from footcore.catalog.cache import default_catalog
from footcore.domain.planning import emphases
from footcore.domain.prescribe import PROPOSER, propose_prescription
from footcore.domain.prescription import Prescription
from footcore.domain.prescription_serialize import prescription_to_dict
from footcore.domain.profile import Profile
from footcore.web.training.models import StoredPrescription
from footcore.web.training.selectors import current_prescription


def record_prescription(
    *, user: User, profile: Profile, emphasis: Sequence[str], today: dt.date
) -> Prescription:
    """footcore's proposal for these inputs, stored as a new version when it differs from
    the runner's current one (the plan `decide` just built follows the same proposal).
    Called inside `apply_change`'s transaction."""
    stored = current_prescription(user)
    proposed = propose_prescription(profile, emphases(emphasis), default_catalog(), today=today)
    if stored is not None and stored.same_content(proposed):
        return stored
    why = "proposed from the profile and self-tests"
    version = (
        proposed
        if stored is None
        else stored.revised(
            by=PROPOSER,
            on=today,
            why=why,
            items=proposed.items,
            notes=proposed.notes,
            warnings=proposed.warnings,
            variety=proposed.variety,
            emphasis=proposed.emphasis,
            caps=proposed.caps,
            steady=proposed.steady,
        )
    )
    StoredPrescription.objects.create(
        user=user,
        version=version.version,
        data=prescription_to_dict(version),
        changed_by=PROPOSER,
        why=why,
    )
    return version
