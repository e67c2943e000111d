"""The two rows nearly every change writes, as one prepared SQL statement each.

A session's log and the runner's state are written on every log. Through the ORM
(`Model.save`, an `UPDATE` built per call) that took about a fifth of the CPU of
logging a session (bench/log_throughput.py); here the statements are built once per
database and the values go through each model field's own preparation, so what is
stored is exactly what the ORM would store.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from django.db import connection
from django.db.models import Field, Model
from django.utils import timezone

from footcore.domain.logbook import SessionLog
from footcore.web.runner.models import RunnerStateRow
from footcore.web.runner.records import exercise_to_dict
from footcore.web.sessions.models import SessionLogEntry

_LOG_COLUMNS = (
    "user",
    "date",
    "kind",
    "idempotency_key",
    "exercises",
    "difficulty",
    "pain_0_10",
    "pain_site",
    "notes",
    "created_at",
    "version",
    "replaced_at",
)


def insert_log(user_id: int, log: SessionLog, version: int) -> tuple[int, dt.datetime]:
    """Store `log` as a new row; its id and the recorded instant."""
    now = timezone.now()
    values = (
        user_id,
        log.date,
        log.kind.value,
        log.idempotency_key,
        [exercise_to_dict(e) for e in log.exercises],
        log.difficulty.value,
        log.pain_0_10,
        None if log.pain_site is None else log.pain_site.value,
        log.notes,
        now,
        version,
        None,
    )
    sql, fields = _insert_log_sql(connection.vendor)
    params = [f.get_db_prep_save(v, connection) for f, v in zip(fields, values, strict=True)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchone()
    if found is None:
        raise RuntimeError("the log's INSERT returned no id")
    return int(found[0]), now


def store_state(row_id: int, text: str) -> None:
    """Write the state row's JSON as `text` exactly (the worker remembers that text)."""
    updated = _field(RunnerStateRow, "updated_at")
    with connection.cursor() as cursor:
        cursor.execute(
            _store_state_sql(connection.vendor),
            [text, updated.get_db_prep_save(timezone.now(), connection), row_id],
        )


def _field(model: type[Model], name: str) -> Field[Any, Any]:
    field = model._meta.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(f"{model.__name__}.{name} is not a column")
    return field


@lru_cache(maxsize=4)
def _insert_log_sql(vendor: str) -> tuple[str, tuple[Field[Any, Any], ...]]:
    meta = SessionLogEntry._meta
    fields = tuple(_field(SessionLogEntry, name) for name in _LOG_COLUMNS)
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(meta.db_table)
    # Only names from the model are formatted in; every value is a parameter.
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id"  # noqa: S608
    return sql, fields


@lru_cache(maxsize=4)
def _store_state_sql(vendor: str) -> str:
    meta = RunnerStateRow._meta
    table = connection.ops.quote_name(meta.db_table)
    value = "CAST(%s AS jsonb)" if vendor == "postgresql" else "%s"
    return f"UPDATE {table} SET state = {value}, updated_at = %s WHERE id = %s"  # noqa: S608
