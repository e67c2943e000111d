"""Store a runner's state, or run the CLI through Django, in the database of the
environment (FOOTCORE_DATA_DIR's SQLite file, or DATABASE_URL).

Run by `test_today_read.py` in a subprocess, so Django is set up against that
database and not against the test run's:

    python -m tests.cli.today_states store profile|painful|stopped|no-state|old-state
    python -m tests.cli.today_states django ARGS...

`store` applies one step through footcore's own services and commands, on fixed
days. `django` starts Django first, as `footcore today` does when its quick path
cannot answer, and then runs `footcore ARGS`, so the command reads through the ORM.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

TUE_EVENING = dt.datetime(2026, 12, 8, 18, 0, tzinfo=dt.UTC)
PROFILE = {
    "start": "2026-12-07",
    "run_days": ["mon", "wed", "sat"],
    "long_run_day": "sat",
    "timezone": "Europe/Berlin",
}


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def store(step: str) -> None:
    import time_machine

    from footcore.cli.main import app
    from footcore.domain.safety import RED_FLAG_QUESTIONS
    from footcore.web.accounts.services import local_runner
    from footcore.web.runner.models import RunnerStateRow
    from footcore.web.sessions.services import record_red_flags
    from footcore.web.training.services import save_profile

    user = local_runner()
    if step == "profile":
        save_profile(user=user, data=PROFILE, today=dt.date(2026, 12, 1))
    elif step == "painful":
        with time_machine.travel(TUE_EVENING, tick=False):
            app(["log", "--difficulty", "just-right", "--pain", "6"], standalone_mode=False)
    elif step == "stopped":
        answers = {q.field: q.field == "numbness" for q in RED_FLAG_QUESTIONS}
        record_red_flags(user=user, answers=answers, today=dt.date(2026, 12, 8))
    elif step == "no-state":
        RunnerStateRow.objects.filter(user=user).delete()
    elif step == "old-state":
        RunnerStateRow.objects.filter(user=user).update(state={"form": "older"})
    else:
        raise SystemExit(f"unknown step {step!r}")


def main() -> None:
    what, *rest = sys.argv[1:]
    if what == "store":
        _django()
        store(*rest)
        return
    # As `footcore today` starts Django when its quick path cannot answer.
    from footcore.cli.django_setup import setup
    from footcore.cli.main import app

    setup(migrate=False)
    app(rest, prog_name="footcore")


if __name__ == "__main__":
    main()
