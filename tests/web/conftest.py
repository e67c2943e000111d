"""Fixtures shared by the web tests."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from footcore.web.accounts.services import local_runner
from tests.web.session_builders import onboard


@pytest.fixture
def runner(client: Client) -> User:
    """Personal mode's runner, onboarded: the default profile saved and the red-flag
    screen it asks for answered."""
    onboard(client)
    return local_runner()
