"""Two first changes for one runner at once, on the PostgreSQL server in DATABASE_URL.

Run by `test_postgres.py` in a subprocess, so Django is set up against PostgreSQL.
The first change runs inside an outer transaction that stays open until the second
change is seen waiting on a lock; then the first commits. Prints one JSON line: the
errors of either change, the logs and state rows stored, and whether the stored state
equals a full rebuild.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time

DAY = dt.date(2026, 3, 2)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connections, transaction

    from footcore.domain.logbook import Difficulty, SessionLog
    from footcore.domain.plan import SessionKind
    from footcore.domain.runner import SessionLogged
    from footcore.domain.runner_state_serialize import state_to_dict
    from footcore.web.runner.models import RunnerStateRow
    from footcore.web.runner.selectors import rebuilt_state
    from footcore.web.runner.services import apply_change
    from footcore.web.sessions.models import SessionLogEntry

    call_command("migrate", verbosity=0)
    user = User.objects.create(username="pat")

    def change(key: str) -> SessionLogged:
        # Two different sessions (one log per session): the warm-up and the strength one.
        kind = SessionKind.ACTIVATION if key == "first" else SessionKind.STRENGTH
        log = SessionLog(DAY, kind, (), Difficulty.RIGHT, 3, None, "", key)
        return SessionLogged(log)

    holding, release = threading.Event(), threading.Event()
    errors: list[str] = []

    def first() -> None:
        try:
            with transaction.atomic():
                apply_change(user=user, change=change("first"), today=DAY)
                holding.set()
                release.wait(30)
        except Exception as exc:  # reported to the test
            errors.append(f"first: {exc!r}")
        finally:
            holding.set()
            connections.close_all()

    def second() -> None:
        holding.wait(30)
        try:
            apply_change(user=user, change=change("second"), today=DAY)
        except Exception as exc:  # reported to the test
            errors.append(f"second: {exc!r}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    holding.wait(30)
    waited = _until_a_change_waits(time.monotonic() + 20)
    release.set()
    for thread in threads:
        thread.join(60)
    stored = list(RunnerStateRow.objects.filter(user=user).values_list("state", flat=True))
    print(
        json.dumps(
            {
                "errors": errors,
                "second_waited": waited,
                "logs": SessionLogEntry.objects.filter(user=user).count(),
                "state_rows": len(stored),
                "state_is_rebuild": stored == [state_to_dict(rebuilt_state(user))],
            }
        )
    )


def _until_a_change_waits(deadline: float) -> bool:
    """True once another backend of this database waits on a lock (the second change)."""
    from django.db import connection

    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            (waiting,) = cursor.fetchone()
        if waiting:
            return True
        time.sleep(0.05)
    return False


if __name__ == "__main__":
    main()
