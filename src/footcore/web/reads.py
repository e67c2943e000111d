"""The fixed reads a runner's pages make on every request, run as plain SQL.

Building a query through Django's ORM (cloning the queryset, resolving each lookup,
compiling the SQL) costs about 0.25 ms of CPU; running it costs about 0.02 ms on SQLite.
/plan made six such reads a request, a third of its time (bench/pages.py). Each read
here is fixed: one table, the runner's id, at most a day or a range of days, so it is
written once as SQL that SQLite and PostgreSQL both run, and goes through Django's own
connection (its transaction, its query log: tests still count it). JSON columns come
back as their text (`CAST(... AS text)`): the callers parse them, through caches keyed
by that text. Only reads live here; writes go through the ORM, except the two rows
every log writes (`runner/rows.py`) and the change path's own locked read
(`runner/change_read.py`), which joins several tables.

tests/web/test_reads.py checks every table and column named here against the models'
metadata, and each read against the ORM's answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection

PROFILE_SQL = "SELECT CAST(data AS text) FROM training_runnerprofile WHERE user_id = %s"
"""The runner's stored profile (`RunnerProfile.data`)."""

PLAN_HEADER_SQL = (
    "SELECT CAST(data AS text), CAST(warnings AS text), CAST(week_notes AS text) "
    "FROM training_runnerprofile WHERE user_id = %s"
)
"""The profile with the stored plan's warnings and week notes."""

STATE_SQL = "SELECT CAST(state AS text) FROM runner_runnerstaterow WHERE user_id = %s"
"""The runner's stored adaptation state (`RunnerStateRow.state`)."""

PLAN_SQL = (
    "SELECT week_index, week_kind, date, kind, CAST(items AS text), estimated_s, reason "
    "FROM training_plannedsession WHERE user_id = %s ORDER BY date, kind"
)
"""Every planned session, in the plan's order (`PlannedSession`'s own ordering)."""

DAY_SQL = (
    "SELECT date, kind, CAST(items AS text), estimated_s, reason FROM training_plannedsession "
    "WHERE user_id = %s AND date = %s ORDER BY date, kind"
)
"""The planned sessions of one day, as the domain's value takes them."""

NEXT_SQL = (
    "SELECT date, kind FROM training_plannedsession "
    "WHERE user_id = %s AND date > %s ORDER BY date, kind LIMIT 1"
)
"""The first planned session after a day."""

FEED_SQL = (
    "SELECT token FROM training_calendarfeed "
    "WHERE user_id = %s AND revoked_at IS NULL ORDER BY id LIMIT 1"
)
"""The token of the runner's calendar feed still in force, if any."""

PRESCRIPTION_SQL = (
    "SELECT CAST(data AS text) FROM training_storedprescription "
    "WHERE user_id = %s ORDER BY version DESC LIMIT 1"
)
"""The runner's prescription at its highest version."""

LOGGED_SQL = (
    "SELECT date, kind FROM sessions_log_sessionlogentry "
    "WHERE user_id = %s AND date >= %s AND date <= %s AND replaced_at IS NULL"
)
"""`(date, kind)` of the logs in force from one day to another."""

PLANNED_WINDOW_SQL = (
    "SELECT date, kind, estimated_s FROM training_plannedsession "
    "WHERE user_id = %s AND date >= %s AND date <= %s ORDER BY date, kind"
)
"""The planned sessions from one day to another, their kinds and planned lengths."""

LOGS_WINDOW_SQL = (
    "SELECT date, kind, CAST(exercises AS text), pain_0_10 FROM sessions_log_sessionlogentry "
    "WHERE user_id = %s AND date >= %s AND date <= %s AND replaced_at IS NULL "
    "ORDER BY date, created_at"
)
"""The logs in force from one day to another (`SessionLogEntry`'s own ordering)."""

TAIL_LOGS_SQL = (
    "SELECT id, date, kind, CAST(exercises AS text), difficulty, pain_0_10, pain_site, notes, "
    "idempotency_key, created_at FROM sessions_log_sessionlogentry "
    "WHERE user_id = %s AND date >= %s AND replaced_at IS NULL ORDER BY date, id"
)
"""The logs in force from a day on, in replay order (`runner.records.LOG_FIELDS`)."""

TAIL_CHECKS_SQL = (
    "SELECT date, session_date, settled, pain_0_10 FROM sessions_log_morningcheckentry "
    "WHERE user_id = %s AND session_date >= %s"
)
"""The morning checks of the sessions from a day on."""

TAIL_CLEARANCES_SQL = (
    "SELECT date, note, created_at FROM sessions_log_clearanceentry "
    "WHERE user_id = %s AND date >= %s ORDER BY created_at, id"
)
"""The clearances from a day on, in the order they were recorded."""

RECENT_RESULTS_SQL = (
    "SELECT date, kind, side, CAST(value AS text), surface FROM ("
    "SELECT id, date, kind, side, value, surface, ROW_NUMBER() OVER ("
    "PARTITION BY kind, side, surface ORDER BY date DESC, id DESC) AS recent "
    "FROM progress_assessmententry WHERE user_id = %s AND date <= %s) AS ranked "
    "WHERE recent <= %s OR date >= %s ORDER BY date, id"
)
"""The self-test results up to a day: each test, side and surface's last few, and every
one from a day on (`assessments.selectors.recent_results_for`); oldest first."""

READS = (
    PROFILE_SQL,
    PLAN_HEADER_SQL,
    STATE_SQL,
    PLAN_SQL,
    DAY_SQL,
    NEXT_SQL,
    FEED_SQL,
    PRESCRIPTION_SQL,
    LOGGED_SQL,
    PLANNED_WINDOW_SQL,
    LOGS_WINDOW_SQL,
    TAIL_LOGS_SQL,
    TAIL_CHECKS_SQL,
    TAIL_CLEARANCES_SQL,
    RECENT_RESULTS_SQL,
)


def first(sql: str, *params: int | str | dt.date) -> tuple[Any, ...] | None:
    """The first row `sql` answers with `params`, or None."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row: tuple[Any, ...] | None = cursor.fetchone()
        return row


def rows(sql: str, *params: int | str | dt.date) -> list[tuple[Any, ...]]:
    """Every row `sql` answers with `params`."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
