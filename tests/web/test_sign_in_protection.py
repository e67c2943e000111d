"""Brute-force protection of the sign-in form (django-axes), and its log."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
PASSPHRASE = "a long passphrase for ana"
LIMIT = django_settings.AXES_FAILURE_LIMIT


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False
    User.objects.create_user(username="ana", password=PASSPHRASE)


def sign_in(client: Client, password: str, *, username: str = "ana", ip: str = "192.0.2.7") -> int:
    response = client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )
    return int(response.status_code)


@time_machine.travel(NOW, tick=False)
def test_wrong_passwords_lock_out_that_name_from_that_client(client: Client) -> None:
    assert [sign_in(client, f"guess {i}") for i in range(LIMIT - 1)] == [200] * (LIMIT - 1)
    assert sign_in(client, "guess") == 429  # the LIMIT-th failure locks the pair out
    assert sign_in(client, PASSPHRASE) == 429  # even the right one, while locked
    body = client.post(
        "/accounts/login/", {"username": "ana", "password": "x"}, REMOTE_ADDR="192.0.2.7"
    ).content.decode()
    assert "Sign-in paused" in body


@time_machine.travel(NOW, tick=False)
def test_the_lock_holds_for_one_pair_only(client: Client) -> None:
    for i in range(LIMIT):
        sign_in(client, f"guess {i}")
    assert sign_in(client, PASSPHRASE) == 429
    assert sign_in(Client(), PASSPHRASE, ip="198.51.100.4") == 302  # ana elsewhere
    User.objects.create_user(username="ben", password="ben's long passphrase")
    assert sign_in(Client(), "ben's long passphrase", username="ben") == 302


def test_the_lock_lifts_after_the_cool_off(client: Client) -> None:
    with time_machine.travel(NOW, tick=False):
        for i in range(LIMIT):
            sign_in(client, f"guess {i}")
        assert sign_in(client, PASSPHRASE) == 429
    with time_machine.travel(NOW + django_settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1)):
        assert sign_in(client, PASSPHRASE) == 302


@time_machine.travel(NOW, tick=False)
def test_a_success_resets_the_count(client: Client) -> None:
    for i in range(LIMIT - 1):
        sign_in(client, f"guess {i}")
    assert sign_in(client, PASSPHRASE) == 302
    client.post("/accounts/logout/")
    assert [sign_in(client, f"again {i}") for i in range(LIMIT - 1)] == [200] * (LIMIT - 1)


@time_machine.travel(NOW, tick=False)
def test_failed_and_locked_out_attempts_are_logged_without_the_password(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="footcore.signin"):
        for i in range(LIMIT):
            sign_in(client, f"secret guess {i}")
    lines = [r.getMessage() for r in caplog.records if r.name == "footcore.signin"]
    assert lines.count("sign-in failed: username='ana' client=192.0.2.7") == LIMIT
    assert "sign-in locked out: username='ana' client=192.0.2.7" in lines
    assert not any("secret" in line for line in lines)
    log_file = Path(django_settings.DATA_DIR) / "signin.log"
    assert "sign-in locked out: username='ana' client=192.0.2.7" in log_file.read_text("utf-8")
