"""Training use cases: storing the profile and (re)materialising the plan."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Mapping, Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from footcore.catalog.loader import default_catalog
from footcore.domain.plan import ExerciseAdjustment, Plan, PlanWeek
from footcore.domain.plan import PlannedSession as PlannedSessionValue
from footcore.domain.planning import build_plan
from footcore.domain.prescribe import PROPOSER, propose_prescription
from footcore.domain.prescription import Prescription
from footcore.domain.prescription_serialize import prescription_to_dict
from footcore.domain.profile import Profile, parse_profile, profile_to_dict
from footcore.domain.serialize import dose_to_dict
from footcore.domain.steering import Emphasis
from footcore.web.assessments.selectors import emphases_for
from footcore.web.sessions.selectors import adjustments_for
from footcore.web.training.models import (
    CalendarFeed,
    PlannedSession,
    RunnerProfile,
    StoredPrescription,
)
from footcore.web.training.selectors import current_prescription


def save_profile(*, user: User, data: Mapping[str, object], today: dt.date) -> Profile:
    """Validate and store the runner's profile, then replan every session from `today` on.

    Raises `Invalid` (naming each bad field) before anything is written. Sessions
    before `today` are history and are never rewritten.
    """
    profile = parse_profile(data)
    with transaction.atomic():
        RunnerProfile.objects.update_or_create(
            user=user, defaults={"data": profile_to_dict(profile)}
        )
        replan(user=user, profile=profile, today=today)
    return profile


def replan(
    *,
    user: User,
    profile: Profile,
    today: dt.date,
    adjustments: Mapping[str, ExerciseAdjustment] | None = None,
) -> Plan | None:
    """Replace the sessions dated `today` or later with a fresh plan (one transaction).

    The plan is a pure function of the profile, the adaptation's adjustments and the
    self-tests' emphasis. When those are what the stored sessions were planned from,
    the new plan would equal the stored one, so nothing is rewritten and None is
    returned: most logs (no pain, "just right") change nothing.
    """
    if adjustments is None:
        adjustments = adjustments_for(user, today)
    found = emphases_for(user, profile)
    emphasis = tuple(e.exercise for e in found if e.exercise is not None)
    steady = len(emphasis) < len(found)
    stored = current_prescription(user)
    key = plan_inputs_key(profile, adjustments, emphasis, stored, steady=steady)
    if not _inputs_changed(user, key):
        return None
    with transaction.atomic():
        prescription = _prescription(user, profile, found, stored, today)
        key = plan_inputs_key(profile, adjustments, emphasis, prescription, steady=steady)
        plan = build_plan(
            profile, default_catalog(), adjustments=adjustments, prescription=prescription
        )
        PlannedSession.objects.filter(user=user, date__gte=today).delete()
        rows = [
            _row(user, week, session)
            for week in plan.weeks
            for session in week.sessions
            if session.date >= today
        ]
        PlannedSession.objects.bulk_create(rows)
        RunnerProfile.objects.filter(user=user).update(
            warnings=list(plan.warnings), plan_inputs=key
        )
    return plan


def _prescription(
    user: User,
    profile: Profile,
    found: Sequence[Emphasis],
    stored: Prescription | None,
    today: dt.date,
) -> Prescription:
    """The prescription to plan from: footcore's proposal, stored as a new version when it
    differs from the current one. A version someone else made (a clinician) is kept."""
    if stored is not None and stored.history and stored.history[-1].by != PROPOSER:
        return stored
    proposed = propose_prescription(profile, found, default_catalog(), today=today)
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


def plan_would_change(
    *, user: User, profile: Profile, adjustments: Mapping[str, ExerciseAdjustment], today: dt.date
) -> bool:
    """Whether `replan` with these inputs would rewrite anything (a read, no lock)."""
    found = emphases_for(user, profile)
    emphasis = tuple(e.exercise for e in found if e.exercise is not None)
    key = plan_inputs_key(
        profile,
        adjustments,
        emphasis,
        current_prescription(user),
        steady=len(emphasis) < len(found),
    )
    return _inputs_changed(user, key)


def _inputs_changed(user: User, key: str) -> bool:
    stored = RunnerProfile.objects.filter(user=user).values_list("plan_inputs", flat=True).first()
    return stored != key


def plan_inputs_key(
    profile: Profile,
    adjustments: Mapping[str, ExerciseAdjustment],
    emphasis: Sequence[str],
    prescription: Prescription | None = None,
    *,
    steady: bool = False,
) -> str:
    """A digest of everything `build_plan` reads (the catalog is fixed per release)."""
    inputs = {
        "steady": steady,
        "prescription": None if prescription is None else prescription.version,
        "profile": profile_to_dict(profile),
        "adjustments": sorted(
            [a.exercise, a.level_delta, a.paused, a.reason, a.since.isoformat()]
            for a in adjustments.values()
        ),
        "emphasis": list(emphasis),
        "catalog": default_catalog().ids(),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def _row(user: User, week: PlanWeek, session: PlannedSessionValue) -> PlannedSession:
    return PlannedSession(
        user=user,
        date=session.date,
        kind=session.kind.value,
        week_index=week.index,
        week_kind=week.kind.value,
        estimated_s=session.estimated_s,
        reason=session.reason,
        items=[
            {
                "exercise": item.exercise,
                "variant": item.variant,
                "dose": dose_to_dict(item.dose),
                "reason": item.reason,
            }
            for item in session.items
        ],
    )


def create_feed(*, user: User) -> CalendarFeed:
    """A new secret feed URL; any earlier feed of the user is revoked in the same step."""
    with transaction.atomic():
        revoke_feeds(user=user)
        return CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))


def revoke_feeds(*, user: User) -> int:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
