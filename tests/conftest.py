"""Test-wide setup: an isolated data dir, and skips that CI turns into failures."""

from __future__ import annotations

import os
import tempfile

# Before Django reads its settings: never touch the developer's real data dir.
os.environ.setdefault("FOOTCORE_DATA_DIR", tempfile.mkdtemp(prefix="footcore-test-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footcore.web.settings")
os.environ.setdefault("FOOTCORE_MODE", "personal")

import django

django.setup()

from hypothesis import HealthCheck, settings  # noqa: E402

# Speed is measured in bench/, not here: on a busy 2-core machine a slow example
# must not fail a property that holds.
settings.register_profile("footcore", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("footcore")

pytest_plugins = ["tests.support.plugin"]
