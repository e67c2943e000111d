"""What `footcore today` reads: the profile, the program's state and the day's sessions.

Two paths answer the same three questions. The Django path goes through the ORM
selectors, as every other command does. The quick path reads the same four rows (the
local runner, the profile, the stored runner state, the day's planned sessions)
straight through the database driver, without starting Django: importing Django's
ORM and the apps' models alone costs more CPU than the whole start-up budget of
`footcore today` (300 ms, measured by bench/cli_startup.py).

The quick path only reads. The SQLite file is opened read-only; nothing is migrated
or created, and a missing file, schema or user means "no profile yet". Whenever it
cannot answer exactly as the ORM would (no stored state, a stored state in an older
form, a table an older footcore did not have, connection options only Django's
backend understands, or Django already running in this process), the command takes
the Django path instead, which rebuilds the state from the history. The connection
comes from the same `DATABASES` setting Django uses; the table and column names are
the models' (tests/cli/test_today_read.py checks them against the models' metadata
and compares both paths' output over a lived sequence, on SQLite and PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from footcore.cli.output import fail

if TYPE_CHECKING:
    from footcore.domain.plan import PlannedSession
    from footcore.domain.profile import Profile
    from footcore.domain.runner_state import RunnerState
    from footcore.domain.runner_view import ProgramView

LOCAL_RUNNER = "runner"
"""The personal-mode user's name (`footcore.web.accounts.services.LOCAL_RUNNER`)."""

# The models' tables and columns (the test checks them against the models' metadata).
USER_SQL = "SELECT id FROM auth_user WHERE username = ?"
PROFILE_SQL = "SELECT data FROM training_runnerprofile WHERE user_id = ?"
STATE_SQL = "SELECT state FROM runner_runnerstaterow WHERE user_id = ?"
SESSIONS_SQL = (
    "SELECT date, kind, items, estimated_s, reason FROM training_plannedsession "
    "WHERE user_id = ? AND date = ? ORDER BY date, kind"
)
"""`PlannedSession` rows in the models' order, columns as the domain's value takes them."""

_DJANGO_ONLY_OPTIONS = {"assume_role", "isolation_level", "pool", "server_side_binding"}
"""PostgreSQL `OPTIONS` that Django's backend acts on itself: with any of them set, the
read goes through Django so that it runs exactly as Django would run it."""


@dataclass(frozen=True, slots=True)
class TodayRead:
    """Everything `footcore today` prints, read once."""

    day: dt.date
    status: ProgramView
    sessions: list[PlannedSession]
    """The day's planned sessions; none while the program is blocked."""


class _Unanswerable(Exception):
    """The quick path cannot answer exactly as the ORM would: use Django."""


class _NoTable(_Unanswerable):
    """A table the read needs is missing: a database never migrated (no profile, then),
    or one migrated by an older footcore (Django's path answers that)."""


def read_today(pick_day: Callable[[Profile], dt.date]) -> TodayRead | None:
    """The runner's day (`pick_day` chooses it from the profile), or None when no
    profile is stored yet."""
    if not django_running():
        try:
            return _quick(pick_day)
        except _Unanswerable:
            pass
    return _through_django(pick_day)


def django_running() -> bool:
    """True when this process has already started Django (the tests, an embedding
    server): reads then go through its connection, which may be a test database."""
    apps = sys.modules.get("django.apps")
    return apps is not None and bool(apps.apps.ready)


def _quick(pick_day: Callable[[Profile], dt.date]) -> TodayRead | None:
    from footcore.config import ConfigError

    try:
        from footcore.web import settings
    except ConfigError as exc:
        fail(f"configuration: {exc}")
    with _connect(dict(settings.DATABASES["default"])) as db:
        return None if db is None else _read(db, pick_day)


@dataclass(frozen=True, slots=True)
class _Db:
    connection: Any
    marker: str
    """The driver's parameter marker: `?` for sqlite3, `%s` for psycopg."""
    day_param: Any
    """How the driver takes a date: sqlite3 compares Django's ISO text."""
    missing_table: Callable[[Exception], bool]

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        try:
            cursor = self.connection.execute(sql.replace("?", self.marker), params)
        except Exception as exc:
            if self.missing_table(exc):
                raise _NoTable from None
            raise
        return list(cursor.fetchall())

    def first(self, sql: str, *params: Any) -> Any:
        found = self.rows(sql, *params)
        return found[0][0] if found else None


@contextmanager
def _connect(database: dict[str, Any]) -> Iterator[_Db | None]:
    engine = database["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        with _sqlite(database) as db:
            yield db
    elif engine == "django.db.backends.postgresql":
        with _postgresql(database) as db:
            yield db
    else:  # pragma: no cover - the settings accept only these two
        raise _Unanswerable


@contextmanager
def _sqlite(database: dict[str, Any]) -> Iterator[_Db | None]:
    import sqlite3
    from pathlib import Path
    from urllib.parse import quote

    path = Path(str(database["NAME"]))
    if not path.is_file():
        yield None  # a fresh install: no database, so no profile; nothing is created
        return
    timeout = float(database.get("OPTIONS", {}).get("timeout", 5))
    try:
        connection = sqlite3.connect(
            f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=timeout
        )
    except sqlite3.Error as exc:
        fail(f"database: {exc}")
    with closing(connection):
        try:
            yield _Db(connection, "?", dt.date.isoformat, _sqlite_missing_table)
        except sqlite3.Error as exc:
            fail(f"database: {exc}")


@contextmanager
def _postgresql(database: dict[str, Any]) -> Iterator[_Db | None]:
    options = dict(database.get("OPTIONS") or {})
    if _DJANGO_ONLY_OPTIONS & options.keys():
        raise _Unanswerable
    import psycopg

    params: dict[str, Any] = {"dbname": database.get("NAME") or "postgres", **options}
    params["client_encoding"] = "UTF8"
    for key, param in (("USER", "user"), ("PASSWORD", "password"), ("HOST", "host")):
        if database.get(key):
            params[param] = database[key]
    if database.get("PORT"):
        params["port"] = str(database["PORT"])
    try:
        connection = psycopg.connect(**params)
    except psycopg.Error as exc:
        fail(f"database: {exc}")
    with closing(connection):
        try:
            yield _Db(connection, "%s", lambda day: day, _postgresql_missing_table)
        except psycopg.Error as exc:
            fail(f"database: {exc}")


def _sqlite_missing_table(exc: Exception) -> bool:
    import sqlite3

    return isinstance(exc, sqlite3.OperationalError) and "no such table" in str(exc)


def _postgresql_missing_table(exc: Exception) -> bool:
    import psycopg

    return isinstance(exc, psycopg.errors.UndefinedTable)


def _json(value: Any) -> Any:
    """SQLite keeps a JSONField as text; psycopg hands back the decoded value."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def _read(db: _Db, pick_day: Callable[[Profile], dt.date]) -> TodayRead | None:
    from footcore.domain.profile import parse_profile
    from footcore.domain.runner_view import program_view

    try:
        user = db.first(USER_SQL, LOCAL_RUNNER)
    except _NoTable:
        return None  # nothing stored yet; the read migrates nothing
    if user is None:
        return None
    data = db.first(PROFILE_SQL, user)
    if data is None:
        return None
    profile = parse_profile(_json(data))
    state = _state(db.first(STATE_SQL, user))
    day = pick_day(profile)
    status = program_view(state, day)
    if status.blocked:
        return TodayRead(day, status, [])
    rows = db.rows(SESSIONS_SQL, user, db.day_param(day))
    return TodayRead(day, status, [_session(*row) for row in rows])


def _state(data: Any) -> RunnerState:
    """The stored state; `_Unanswerable` when none is stored or its form is older, as
    the Django path then rebuilds it from the history."""
    from footcore.domain.runner_state_serialize import state_from_dict

    if data is None:
        raise _Unanswerable
    try:
        return state_from_dict(_json(data))
    except (ValueError, KeyError, TypeError):
        raise _Unanswerable from None


def _session(date: Any, kind: str, items: Any, estimated_s: int, reason: str) -> PlannedSession:
    from footcore.domain.plan import PlannedSession, SessionKind
    from footcore.domain.plan_serialize import item_from_dict

    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return PlannedSession(
        date=day,
        kind=SessionKind(kind),
        items=tuple(item_from_dict(i) for i in _json(items)),
        estimated_s=estimated_s,
        reason=reason,
    )


def _through_django(pick_day: Callable[[Profile], dt.date]) -> TodayRead | None:
    """The same reads through Django's ORM (migrating a database that has no tables)."""
    from footcore.cli.django_setup import setup

    setup(migrate=False)
    from footcore.web.accounts.services import local_runner
    from footcore.web.sessions.selectors import program_view
    from footcore.web.training.selectors import get_profile, sessions_on

    user = local_runner()
    profile = get_profile(user)
    if profile is None:
        return None
    day = pick_day(profile)
    status = program_view(user, day)
    return TodayRead(day, status, [] if status.blocked else sessions_on(user, day))
