"""`apply_change`: the one way a runner's state changes.

A profile saved, a session logged or corrected, a morning check, a red-flag screen, a
clearance or self-test results: each is stored with the runner's state read once, decided by
`footcore.domain.runner.decide`, and written back in the same transaction. The
transaction takes the write lock (SQLite's IMMEDIATE mode; on PostgreSQL the state
row's lock) only for a change that stores something, so reads never wait on it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from footcore.domain.adaptation import RuleDecision
from footcore.domain.catalog import Catalog
from footcore.domain.corrections import LogDecision, decide_log, next_version
from footcore.domain.plan import PlannedSession as SessionValue
from footcore.domain.plan import PlanWeek
from footcore.domain.plan_serialize import item_to_dict
from footcore.domain.prescribe import PROPOSER
from footcore.domain.prescription import Prescription
from footcore.domain.prescription_serialize import prescription_from_dict, prescription_to_dict
from footcore.domain.problems import invalid
from footcore.domain.profile import Profile, profile_to_dict
from footcore.domain.runner import (
    Change,
    Cleared,
    Decision,
    MorningChecked,
    PrescriptionEdited,
    ProfileSaved,
    RedFlagsAnswered,
    SelfTested,
    SessionCorrected,
    SessionLogged,
    StoredPlan,
    decide,
    history_needed,
)
from footcore.domain.runner_state import RunnerState
from footcore.domain.runner_state_serialize import state_to_dict
from footcore.domain.runner_view import ProgramView, door_gate, program_view
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.assessments.selectors import results_for
from footcore.web.custom_exercises.selectors import runner_catalog
from footcore.web.runner.models import RunnerStateRow
from footcore.web.runner.records import answers_to_dict, log_from_row
from footcore.web.runner.rows import insert_log, store_state
from footcore.web.runner.selectors import history, names, parse_state, rebuilt_state
from footcore.web.runner.state_text import state_as_text, state_from_text
from footcore.web.runner.writer_turn import writer_turn
from footcore.web.runner_clock import runner_today
from footcore.web.sessions.conflicts import Conflict, refusal
from footcore.web.sessions.models import (
    ClearanceEntry,
    MorningCheckEntry,
    RedFlagScreen,
    SessionLogEntry,
)
from footcore.web.training.models import PlannedSession, RunnerProfile, StoredPrescription
from footcore.web.training.prescriptions import record_prescription
from footcore.web.training.selectors import current_prescription, parsed_profile


@dataclass(frozen=True, slots=True)
class Applied:
    view: ProgramView
    """The program as it stands after the change."""
    decisions: tuple[RuleDecision, ...]
    """What the rules decided from this change, per exercise."""
    record_id: int | None
    """The stored row of a logged session (the earlier one for a resent log)."""
    created: bool
    """False when a log with the same idempotency key was already stored."""
    replanned_from: dt.date | None
    today: dt.date


def apply_change(
    *,
    user: User,
    change: Change,
    today: dt.date | None = None,
    results: Sequence[AssessmentEntry] = (),
) -> Applied:
    """Store `change`, decide what follows from it, and write that, all in one transaction.

    `today` defaults to the runner's today in their profile's time zone. `results` are
    the rows of a `SelfTested` change, saved in order. Raises `Invalid` when the change
    does not fit the stored history (a log dated after today, a morning check for a
    day with no log or one already answered), and `Conflict` for a log or correction
    `corrections.decide_log` refuses or one sent while the door is shut (stopped, or a
    screen owed: read from the stored state); nothing is written then.
    """
    try:
        with writer_turn():
            return _apply(user, change, today, results)
    except IntegrityError:
        if not isinstance(change, SessionLogged | SessionCorrected):
            raise
        # Only a runner's very first change can race: there is no state row to lock yet.
        raise Conflict(
            "session", "the session's log changed at the same time: send it again"
        ) from None


def _apply(
    user: User, change: Change, today: dt.date | None, results: Sequence[AssessmentEntry]
) -> Applied:
    with transaction.atomic():
        read = _read(user, change)
        if read.state_row is None:
            _create_state_row(user)
            read = _read(user, change)  # now with the row, locked
        state_row, profile_row = read.state_row, read.profile_row
        if state_row is None:  # only if the row was deleted between the two statements
            raise RuntimeError(f"no stored state for user {user.pk} after creating it")
        profile = None if profile_row is None else parsed_profile(profile_row.data)
        day = runner_today(profile) if today is None else today
        state = _state(user, state_row[1])
        if state is None:
            state = rebuilt_state(user)
        if isinstance(change, SessionLogged | SessionCorrected):
            if change.log.date > day:
                raise invalid("date", "a session cannot be logged before the day it is done")
            duplicate = _decide_log(user, change, read, state)
            if duplicate is not None:
                return Applied(program_view(state, day), (), duplicate, False, None, day)
        record_id, created, change = _record(user, change, day, results, read)
        if not created:
            return Applied(program_view(state, day), (), record_id, False, None, day)
        since = history_needed(state, change)
        rx = change.prescription if isinstance(change, PrescriptionEdited) else read.clinician_rx
        decision = decide(
            state,
            change,
            today=day,
            profile=profile,
            plan_inputs="" if profile_row is None else profile_row.plan_inputs,
            catalog=_catalog(user, change, rx),
            tail=None if since is None else history(user, since),
            prescription=rx,
            stored=None if profile_row is None else profile_row.stored,
        )
        _write(
            user,
            change,
            decision,
            profile_row,
            state_row,
            change.profile if isinstance(change, ProfileSaved) else profile,
            kept_rx=isinstance(change, PrescriptionEdited) or read.clinician_rx is not None,
        )
    view = program_view(decision.state, day)
    return Applied(view, decision.decisions, record_id, True, decision.replan_from, day)


def _catalog(user: User, change: Change, rx: Prescription | None) -> Catalog:
    """The shipped catalog, with the runner's clinic's exercises the change names (its
    prescription's items, a log's exercises); no query when it names none."""
    ids = [i.exercise for i in rx.items] if rx is not None else []
    if isinstance(change, SessionLogged | SessionCorrected):
        ids.extend(e.exercise for e in change.log.exercises)
    return runner_catalog(user, ids)


def clinician_prescription(user: User) -> Prescription | None:
    """The runner's current prescription when a clinician made it (the plan keeps it)."""
    rx = current_prescription(user)
    return rx if rx is not None and rx.by_clinician else None


@dataclass(frozen=True, slots=True)
class _ProfileRow:
    data: object
    plan_inputs: str
    """The digest of what the stored plan follows from (`runner.plan_inputs_key`)."""
    week_notes: object
    stored: StoredPlan | None
    """The plan the stored sessions follow, when known (`plan_digest`, `plan_from`)."""


@dataclass(frozen=True, slots=True)
class _Read:
    state_row: tuple[int, object] | None
    profile_row: _ProfileRow | None
    resent: int | None
    """The stored log with this change's idempotency key, when it was sent before."""
    clinician_rx: Prescription | None
    """The current prescription when a clinician made it."""
    in_force: int | None = None
    """For a log or correction, the stored log now in force for its session."""


def _decide_log(
    user: User, change: SessionLogged | SessionCorrected, read: _Read, state: RunnerState
) -> int | None:
    """The stored row's id when `change` is its log sent again; None when it is to be
    stored. Raises `Conflict` when `decide_log` refuses it or the door is shut."""
    log = change.log
    same_key = None
    if read.resent is not None:
        same_key = log_from_row(SessionLogEntry.objects.get(pk=read.resent))
    in_force = None
    if read.in_force is not None:
        in_force = log_from_row(SessionLogEntry.objects.get(pk=read.in_force))
    decided = decide_log(
        log,
        same_key=same_key,
        in_force=in_force,
        correction=isinstance(change, SessionCorrected),
    )
    if decided is LogDecision.DUPLICATE:
        return read.resent
    if decided not in (LogDecision.STORE, LogDecision.CORRECT):
        raise refusal(decided, log)
    gate = door_gate(state, screen_owed_before_loading=state.screen_before_loading)
    if not gate.open:
        raise Conflict("program", f"Not logged. {gate.reason}")
    return None


def _read(user: User, change: Change) -> _Read:
    """The state row (locked), the profile's data and plan digest, and for a log the rows
    already stored under its key and for its session: one query (four for a runner with
    no state yet, who then has one created and is read again).

    Written as SQL because it runs on every change: building it through the ORM cost
    more than running it."""
    log = change.log if isinstance(change, SessionLogged | SessionCorrected) else None
    key = None if log is None else log.idempotency_key
    day = None if log is None else log.date
    kind = None if log is None else log.kind.value
    with connection.cursor() as cursor:
        cursor.execute(_read_sql(), [key, day, kind, PROPOSER, user.pk])
        found = cursor.fetchone()
    if found is not None:
        row_id, state, data, plan_inputs, notes, digest, since, again, in_force, rx = found
        profile_row = (
            None
            if data is None
            else _ProfileRow(_json(data), str(plan_inputs), _json(notes), _stored(digest, since))
        )
        clinician_rx = None if rx is None else prescription_from_dict(_json(rx))  # type: ignore[arg-type]
        # The state stays text: `_state` parses it only when this worker has not seen it.
        return _Read((int(row_id), state), profile_row, again, clinician_rx, in_force)
    values = (
        RunnerProfile.objects.filter(user=user)
        .values_list("data", "plan_inputs", "week_notes", "plan_digest", "plan_from")
        .first()
    )
    profile = None
    if values is not None:
        data, plan_inputs, notes, digest, since = values
        profile = _ProfileRow(data, plan_inputs, notes, _stored(digest, since))
    resent = SessionLogEntry.objects.filter(user=user, idempotency_key=key)
    again = None if key is None else resent.values_list("id", flat=True).first()
    in_force = None
    if log is not None:
        current = SessionLogEntry.objects.filter(
            user=user, date=log.date, kind=log.kind.value, replaced_at__isnull=True
        )
        in_force = current.values_list("id", flat=True).first()
    return _Read(None, profile, again, clinician_prescription(user), in_force)


@lru_cache(maxsize=4)
def _read_sql() -> str:
    state = RunnerStateRow._meta.db_table
    profile = RunnerProfile._meta.db_table
    logs = SessionLogEntry._meta.db_table
    rx = StoredPrescription._meta.db_table
    # On PostgreSQL the state row's lock serialises a runner's changes; SQLite's
    # IMMEDIATE transaction already holds the write lock.
    lock = " FOR UPDATE OF s" if connection.features.has_select_for_update_of else ""
    # Only table names (from the models) are formatted in; every value is a parameter.
    return (
        f"SELECT s.id, s.state, p.data, p.plan_inputs, p.week_notes, p.plan_digest, p.plan_from, "  # noqa: S608
        f"(SELECT l.id FROM {logs} l WHERE l.user_id = s.user_id AND l.idempotency_key = %s "
        f"LIMIT 1), (SELECT c.id FROM {logs} c WHERE c.user_id = s.user_id AND c.date = %s "
        f"AND c.kind = %s AND c.replaced_at IS NULL LIMIT 1), "
        # A clinician's current prescription, which the plan keeps as it is.
        f"(SELECT r.data FROM {rx} r WHERE r.user_id = s.user_id AND r.changed_by <> %s "
        f"AND r.version = (SELECT MAX(r2.version) FROM {rx} r2 WHERE r2.user_id = s.user_id)) "
        f"FROM {state} s LEFT JOIN {profile} p ON p.user_id = s.user_id "
        f"WHERE s.user_id = %s{lock}"
    )


def _state(user: User, stored: object) -> RunnerState | None:
    """The state from the row as a cursor reads it: text on SQLite and with Django's
    psycopg setup (remembered by `state_text`), else already decoded."""
    if isinstance(stored, bytes):
        stored = stored.decode()
    if isinstance(stored, str):
        return state_from_text(user.pk, stored)
    return parse_state(stored)


def _json(value: object) -> object:
    """A JSON column as read by a cursor: text on SQLite (and with Django's psycopg setup)."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def _record(
    user: User,
    change: Change,
    today: dt.date,
    results: Sequence[AssessmentEntry],
    read: _Read,
) -> tuple[int | None, bool, Change]:
    """Store the change's own row(s); the change comes back completed where it needs it."""
    if isinstance(change, SessionLogged | SessionCorrected):
        log = change.log
        version = 1
        if isinstance(change, SessionCorrected) and read.in_force is not None:
            replaced = SessionLogEntry.objects.filter(pk=read.in_force)
            version = next_version(replaced.values_list("version", flat=True).get())
            replaced.update(replaced_at=timezone.now())
        row_id, recorded_at = insert_log(user.pk, log, version)
        stored = replace(log, recorded=row_id, recorded_at=recorded_at)
        completed = (
            SessionCorrected(stored)
            if isinstance(change, SessionCorrected)
            else SessionLogged(stored)
        )
        return row_id, True, completed
    if isinstance(change, MorningChecked):
        check = change.check
        day = check.session_date.isoformat()
        if not SessionLogEntry.objects.filter(user=user, date=check.session_date).exists():
            raise invalid("session_date", f"no session is logged on {day}")
        try:
            with transaction.atomic():
                check_row = MorningCheckEntry.objects.create(
                    user=user,
                    date=check.date,
                    session_date=check.session_date,
                    settled=check.settled,
                    pain_0_10=check.pain_0_10,
                )
        except IntegrityError:
            raise invalid("session_date", f"the check for {day} is already answered") from None
        return check_row.pk, True, change
    if isinstance(change, RedFlagsAnswered):
        screen = change.screen
        screen_row = RedFlagScreen.objects.create(
            user=user,
            date=screen.date,
            answers=answers_to_dict(screen.answers),
            any_flag=bool(screen.findings),
            findings=list(screen.findings),
        )
        return None, True, RedFlagsAnswered(replace(screen, recorded_at=screen_row.created_at))
    if isinstance(change, Cleared):
        c = change.clearance
        cleared = ClearanceEntry.objects.create(user=user, date=c.date, note=c.note)
        return None, True, Cleared(replace(c, recorded_at=cleared.created_at))
    if isinstance(change, PrescriptionEdited):
        rx = change.prescription
        StoredPrescription.objects.create(
            user=user,
            version=rx.version,
            data=prescription_to_dict(rx),
            changed_by=rx.history[-1].by,
            why=rx.history[-1].why,
        )
        return None, True, change
    if isinstance(change, SelfTested):
        for result in results:  # saved one by one, in order: FAAM pairs its rows by id
            result.save()
        return None, True, SelfTested(tuple(results_for(user)))
    return None, True, ProfileSaved(change.profile, tuple(results_for(user)))


def _write(
    user: User,
    change: Change,
    decision: Decision,
    profile_row: _ProfileRow | None,
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
        PlannedSession.objects.filter(user=user, date__gte=start).delete()
        weeks = {s.date: w for w in decision.plan.weeks for s in w.sessions}
        PlannedSession.objects.bulk_create(
            [_session_row(user, weeks[s.date], s) for s in decision.sessions()]
        )
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


def _stored(digest: object, since: object) -> StoredPlan | None:
    day = _day(since)
    return None if not digest or day is None else StoredPlan(str(digest), day)


def _day(value: object) -> dt.date | None:
    """A date column as a cursor reads it (text on SQLite)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _week_notes(old: object, weeks: Sequence[PlanWeek], start: dt.date) -> dict[str, list[str]]:
    """The new plan's notes for every week still ahead; past weeks keep what they had."""
    notes = {str(k): list(v) for k, v in old.items()} if isinstance(old, dict) else {}
    for week in weeks:
        sunday = week.start + dt.timedelta(days=6 - week.start.weekday())
        if sunday >= start:
            notes[str(week.index)] = list(week.notes)
    return notes


def _create_state_row(user: User) -> None:
    """Store the runner's first state, race-safe: two first changes at once both try.

    The row is unique per user. `INSERT ... ON CONFLICT DO NOTHING` (SQLite: `INSERT OR
    IGNORE`) lets the second wait for the first's transaction and then insert nothing;
    its following read then locks the row the first one wrote, so the two changes run
    one after the other. On SQLite the IMMEDIATE transaction already serialises them.
    """
    data = state_to_dict(rebuilt_state(user))
    RunnerStateRow.objects.bulk_create(
        [RunnerStateRow(user=user, state=data)], ignore_conflicts=True
    )


def _store_state(user: User, state: RunnerState, row: tuple[int, object]) -> None:
    # The text is written as it is (a cast, not the field's own encoding), so this
    # worker's next read finds the same text and takes the state without parsing it.
    text = state_as_text(user.pk, state)
    store_state(row[0], text)


def _session_row(user: User, week: PlanWeek, session: SessionValue) -> PlannedSession:
    return PlannedSession(
        user=user,
        date=session.date,
        kind=session.kind.value,
        week_index=week.index,
        week_kind=week.kind.value,
        estimated_s=session.estimated_s,
        reason=session.reason,
        items=[item_to_dict(item) for item in session.items],
    )


def rebuild_state(*, user: User) -> RunnerState:
    """Replay the user's whole history into a fresh stored state (the repair tool)."""
    with transaction.atomic():
        state = rebuilt_state(user)
        RunnerStateRow.objects.update_or_create(user=user, defaults={"state": state_to_dict(state)})
    return state


__all__ = ["Applied", "apply_change", "names", "rebuild_state"]
