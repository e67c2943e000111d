"""What `apply_change` reads before it decides: the runner's state row (locked), the
profile's plan fields, a clinician's prescription, and for a log the rows already
stored under its key and for its session, in one query."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.auth.models import User
from django.db import connection

from footcore.domain.logbook import Clearance, MorningCheck
from footcore.domain.prescribe import PROPOSER
from footcore.domain.prescription import Prescription
from footcore.domain.prescription_serialize import prescription_from_dict
from footcore.domain.runner import Change, SessionCorrected, SessionLogged, StoredPlan
from footcore.domain.runner_state import History, RunnerState
from footcore.web import reads
from footcore.web.runner.models import RunnerStateRow
from footcore.web.runner.records import log_from_values
from footcore.web.runner.selectors import parse_state
from footcore.web.runner.state_text import state_from_text
from footcore.web.runner.writes import ProfileRow
from footcore.web.sessions.models import SessionLogEntry
from footcore.web.training.models import RunnerProfile, StoredPrescription
from footcore.web.training.selectors import current_prescription


@dataclass(frozen=True, slots=True)
class ChangeRead:
    state_row: tuple[int, object] | None
    profile_row: ProfileRow | None
    resent: int | None
    """The stored log with this change's idempotency key, when it was sent before."""
    clinician_rx: Prescription | None
    """The current prescription when a clinician made it."""
    in_force: int | None = None
    """For a log or correction, the stored log now in force for its session."""


def read_for_change(user: User, change: Change) -> ChangeRead:
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
            else ProfileRow(_json(data), str(plan_inputs), _json(notes), _stored(digest, since))
        )
        clinician_rx = None if rx is None else prescription_from_dict(_json(rx))  # type: ignore[arg-type]
        # The state stays text: `_state` parses it only when this worker has not seen it.
        return ChangeRead((int(row_id), state), profile_row, again, clinician_rx, in_force)
    values = (
        RunnerProfile.objects.filter(user=user)
        .values_list("data", "plan_inputs", "week_notes", "plan_digest", "plan_from")
        .first()
    )
    profile = None
    if values is not None:
        data, plan_inputs, notes, digest, since = values
        profile = ProfileRow(data, plan_inputs, notes, _stored(digest, since))
    resent = SessionLogEntry.objects.filter(user=user, idempotency_key=key)
    again = None if key is None else resent.values_list("id", flat=True).first()
    in_force = None
    if log is not None:
        current = SessionLogEntry.objects.filter(
            user=user, date=log.date, kind=log.kind.value, replaced_at__isnull=True
        )
        in_force = current.values_list("id", flat=True).first()
    return ChangeRead(None, profile, again, clinician_prescription(user), in_force)


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


def stored_state(user: User, stored: object) -> RunnerState | None:
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


def _stored(digest: object, since: object) -> StoredPlan | None:
    day = _day(since)
    return None if not digest or day is None else StoredPlan(str(digest), day)


def _day(value: object) -> dt.date | None:
    """A date column as a cursor reads it (text on SQLite)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def clinician_prescription(user: User) -> Prescription | None:
    """The runner's current prescription when a clinician made it (the plan keeps it)."""
    rx = current_prescription(user)
    return rx if rx is not None and rx.by_clinician else None


def refold_tail(user: User, since: dt.date) -> History:
    """The stored events a refold from `since` replays (`runner.history_needed`): the
    logs in force, the morning checks and the clearances from that day on, as
    `selectors.history` reads them, in three fixed statements. A refold takes the
    stop's screens from the state (each is folded in when it is stored), so they are
    not read. A log that lands behind another refolds, and with several clients
    logging at once that was every other log (bench/log_throughput.py)."""
    log_rows = reads.rows(reads.TAIL_LOGS_SQL, user.pk, since)
    check_rows = reads.rows(reads.TAIL_CHECKS_SQL, user.pk, since)
    clearance_rows = reads.rows(reads.TAIL_CLEARANCES_SQL, user.pk, since)
    return History(
        logs=tuple(
            log_from_values((*row[:3], _json(row[3]), *row[4:9], _instant(row[9])))
            for row in log_rows
        ),
        checks=tuple(
            MorningCheck(_date(a), _date(b), bool(settled), pain)
            for a, b, settled, pain in check_rows
        ),
        clearances=tuple(
            Clearance(_date(day), note, _instant(at)) for day, note, at in clearance_rows
        ),
    )


def _date(value: object) -> dt.date:
    day = _day(value)
    if day is None:
        raise ValueError("a stored event has no date")
    return day


def _instant(value: object) -> dt.datetime:
    """A stored instant as the ORM reads it: aware, in UTC (SQLite keeps it naive)."""
    at = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
