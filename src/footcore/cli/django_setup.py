"""Start Django for commands that need the database."""

from __future__ import annotations

import os

from footcore.cli.output import fail
from footcore.config import ConfigError


def setup(*, migrate: bool = True) -> None:
    """Configure Django. Commands that write (`migrate=True`) first apply migrations,
    so a fresh install just works; commands that only read skip the migration check
    (it costs a large share of their start-up) unless the database is still empty,
    and start Django without the apps no read uses (`footcore.web.settings_read`)."""
    settings_module = "footcore.web.settings" if migrate else "footcore.web.settings_read"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.db.utils import OperationalError

    try:
        django.setup()
    except (ConfigError, ImproperlyConfigured) as exc:
        fail(f"configuration: {exc}")
    try:
        if migrate or not _has_tables():
            from django.core.management import call_command

            call_command("migrate", interactive=False, verbosity=0)
    except OperationalError as exc:
        fail(f"database: {exc}")


def _has_tables() -> bool:
    from django.db import connection

    return "django_migrations" in connection.introspection.table_names()
