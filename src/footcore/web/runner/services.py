"""`apply_change`: the one way a runner's state changes.

A profile saved, a session logged or corrected, a morning check, a red-flag screen, a
clearance or self-test results: each is stored with the runner's state read once, decided by
`footcore.domain.runner.decide`, and written back in the same transaction. The
transaction takes the write lock (SQLite's IMMEDIATE mode; on PostgreSQL the state
row's lock) only for a change that stores something, so reads never wait on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from footcore.domain.adaptation import RuleDecision
from footcore.domain.catalog import Catalog
from footcore.domain.corrections import LogDecision, decide_log, next_version
from footcore.domain.prescription import Prescription
from footcore.domain.prescription_serialize import prescription_to_dict
from footcore.domain.problems import invalid
from footcore.domain.runner import (
    Change,
    Cleared,
    MorningChecked,
    PrescriptionEdited,
    ProfileSaved,
    RedFlagsAnswered,
    SelfTested,
    SessionCorrected,
    SessionLogged,
    decide,
    history_needed,
)
from footcore.domain.runner_state import RunnerState
from footcore.domain.runner_view import ProgramView, door_gate, program_view
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.assessments.selectors import results_for
from footcore.web.custom_exercises.selectors import runner_catalog
from footcore.web.runner.change_read import (
    ChangeRead,
    read_for_change,
    refold_tail,
    stored_state,
)
from footcore.web.runner.models import RunnerStateRow
from footcore.web.runner.records import answers_to_dict, log_from_row
from footcore.web.runner.rows import insert_log
from footcore.web.runner.selectors import names, rebuilt_state
from footcore.web.runner.state_text import state_as_plain
from footcore.web.runner.writer_turn import writer_turn
from footcore.web.runner.writes import write_decision
from footcore.web.runner_clock import runner_today
from footcore.web.sessions.conflicts import Conflict, refusal
from footcore.web.sessions.models import (
    ClearanceEntry,
    MorningCheckEntry,
    RedFlagScreen,
    SessionLogEntry,
)
from footcore.web.training.models import StoredPrescription
from footcore.web.training.selectors import parsed_profile


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
        read = read_for_change(user, change)
        if read.state_row is None:
            _create_state_row(user)
            read = read_for_change(user, change)  # now with the row, locked
        state_row, profile_row = read.state_row, read.profile_row
        if state_row is None:  # only if the row was deleted between the two statements
            raise RuntimeError(f"no stored state for user {user.pk} after creating it")
        profile = None if profile_row is None else parsed_profile(profile_row.data)
        day = runner_today(profile) if today is None else today
        state = stored_state(user, state_row[1])
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
            tail=None if since is None else refold_tail(user, since),
            prescription=rx,
            stored=None if profile_row is None else profile_row.stored,
        )
        write_decision(
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


def _decide_log(
    user: User, change: SessionLogged | SessionCorrected, read: ChangeRead, state: RunnerState
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


def _record(
    user: User,
    change: Change,
    today: dt.date,
    results: Sequence[AssessmentEntry],
    read: ChangeRead,
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


def _create_state_row(user: User) -> None:
    """Store the runner's first state, race-safe: two first changes at once both try.

    The row is unique per user. `INSERT ... ON CONFLICT DO NOTHING` (SQLite: `INSERT OR
    IGNORE`) lets the second wait for the first's transaction and then insert nothing;
    its following read then locks the row the first one wrote, so the two changes run
    one after the other. On SQLite the IMMEDIATE transaction already serialises them.
    """
    data = state_as_plain(user.pk, rebuilt_state(user))
    RunnerStateRow.objects.bulk_create(
        [RunnerStateRow(user=user, state=data)], ignore_conflicts=True
    )


def rebuild_state(*, user: User) -> RunnerState:
    """Replay the user's whole history into a fresh stored state (the repair tool)."""
    with transaction.atomic():
        state = rebuilt_state(user)
        RunnerStateRow.objects.update_or_create(
            user=user, defaults={"state": state_as_plain(user.pk, state)}
        )
    return state


__all__ = ["Applied", "apply_change", "names", "rebuild_state"]
