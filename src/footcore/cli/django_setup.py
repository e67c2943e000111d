"""Start Django for commands that need the database."""

from __future__ import annotations

import os

from footcore.cli.output import fail
from footcore.config import ConfigError


def setup(*, migrate: bool = True) -> None:
    """Configure Django, then apply migrations so a fresh install just works."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except (ConfigError, ImproperlyConfigured) as exc:
        fail(f"configuration: {exc}")
    if migrate:
        from django.core.management import call_command
        from django.db.utils import OperationalError

        try:
            call_command("migrate", interactive=False, verbosity=0)
        except OperationalError as exc:
            fail(f"database: {exc}")
