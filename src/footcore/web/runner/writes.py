"""What `apply_change` writes once `decide` has decided: the profile's plan fields, the
planned sessions that changed, a new proposal when footcore's changed, and the state row.
Called inside `apply_change`'s transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User

from footcore.domain.plan import PlannedSession as SessionValue
from footcore.domain.plan import PlanWeek
from footcore.domain.plan_serialize import item_to_dict, session_digests
from footcore.domain.profile import Profile, profile_to_dict
from footcore.domain.runner import Change, Decision, ProfileSaved, StoredPlan
from footcore.domain.runner_state import RunnerState
from footcore.web.runner.rows import store_state
from footcore.web.runner.state_text import state_as_text
from footcore.web.training.models import PlannedSession, RunnerProfile
from footcore.web.training.prescriptions import record_prescription


@dataclass(frozen=True, slots=True)
class ProfileRow:
    data: object
    plan_inputs: str
    """The digest of what the stored plan follows from (`runner.plan_inputs_key`)."""
    week_notes: object
    stored: StoredPlan | None
    """The plan the stored sessions follow, when known (`plan_digest`, `plan_from`)."""


def write_decision(
    user: User,
    change: Change,
    decision: Decision,
    profile_row: ProfileRow | None,
    state_row: tuple[int, object],
    profile: Profile | None,
    *,
    kept_rx: bool = False,
) -> None:
    """`kept_rx`: a clinician's prescription stands, so footcore stores no proposal."""
    profile_fields: dict[str, object] = {}
    if isinstance(change, ProfileSaved):
        profile_fields["data"] = profile_to_dict(change.profile)
    if decision.plan is not None and decision.replan_from is not None:
        start = decision.replan_from
        if decision.stored is not None:
            profile_fields["plan_digest"] = decision.stored.digest
            profile_fields["plan_from"] = decision.stored.written_from
        if profile is not None and not kept_rx:
            record_prescription(
                user=user, profile=profile, emphasis=decision.state.emphasis, today=start
            )
        _write_sessions(user, decision, start)
        profile_fields["warnings"] = list(decision.plan.warnings)
        profile_fields["plan_inputs"] = decision.plan_inputs
        old = profile_row.week_notes if profile_row is not None else {}
        profile_fields["week_notes"] = _week_notes(old, decision.plan.weeks, start)
    elif profile_row is not None and decision.plan_inputs != profile_row.plan_inputs:
        # The plan built is the one stored: only what it follows from is new.
        profile_fields["plan_inputs"] = decision.plan_inputs
    if profile_fields:
        if profile_row is not None:
            RunnerProfile.objects.filter(user=user).update(**profile_fields)
        else:
            RunnerProfile.objects.create(user=user, **profile_fields)
    _store_state(user, decision.state, state_row)


def _week_notes(old: object, weeks: Sequence[PlanWeek], start: dt.date) -> dict[str, list[str]]:
    """The new plan's notes for every week still ahead; past weeks keep what they had."""
    notes = {str(k): list(v) for k, v in old.items()} if isinstance(old, dict) else {}
    for week in weeks:
        sunday = week.start + dt.timedelta(days=6 - week.start.weekday())
        if sunday >= start:
            notes[str(week.index)] = list(week.notes)
    return notes


def _store_state(user: User, state: RunnerState, row: tuple[int, object]) -> None:
    # The text is written as it is (a cast, not the field's own encoding), so this
    # worker's next read finds the same text and takes the state without parsing it.
    text = state_as_text(user.pk, state)
    store_state(row[0], text)


def _write_sessions(user: User, decision: Decision, start: dt.date) -> None:
    """Store the new plan's sessions from `start` on over the stored ones from `start`:
    a row whose session is unchanged (the same digest) stays, the others are replaced."""
    plan = decision.plan
    if plan is None:
        return
    weeks = {s.date: w for w in plan.weeks for s in w.sessions}
    wanted = {(s.date, s.kind.value): (weeks[s.date], s) for s in decision.sessions()}
    digests = decision.session_digests or session_digests(plan)
    stored = PlannedSession.objects.filter(user=user, date__gte=start).values_list(
        "id", "date", "kind", "digest"
    )
    stale = []
    for row_id, day, kind, digest in stored:
        if digest and digests.get((day, kind)) == digest:
            del wanted[(day, kind)]
        else:
            stale.append(row_id)
    if stale:
        PlannedSession.objects.filter(id__in=stale).delete()
    if wanted:
        PlannedSession.objects.bulk_create(
            [_session_row(user, w, s, digests[key]) for key, (w, s) in wanted.items()]
        )


def _session_row(user: User, week: PlanWeek, session: SessionValue, digest: str) -> PlannedSession:
    return PlannedSession(
        user=user,
        digest=digest,
        date=session.date,
        kind=session.kind.value,
        week_index=week.index,
        week_kind=week.kind.value,
        estimated_s=session.estimated_s,
        reason=session.reason,
        items=[item_to_dict(item) for item in session.items],
    )
