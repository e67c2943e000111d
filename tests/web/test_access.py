"""Who may see what: personal mode is loopback-only; multi-user mode needs sign-in."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

pytestmark = pytest.mark.django_db


def test_personal_mode_refuses_a_request_from_another_machine(client: Client) -> None:
    response = client.get("/exercises", REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 403


def test_personal_mode_serves_this_computer_without_sign_in(client: Client) -> None:
    assert client.get("/exercises", REMOTE_ADDR="::1").status_code == 200


def test_multi_user_mode_sends_a_stranger_to_sign_in(
    client: Client, settings: SettingsWrapper
) -> None:
    settings.PERSONAL_MODE = False
    response = client.get("/exercises")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_multi_user_mode_answers_the_api_with_401_for_a_stranger(
    client: Client, settings: SettingsWrapper
) -> None:
    settings.PERSONAL_MODE = False
    assert client.get("/api/exercises").status_code == 401


def test_multi_user_mode_serves_a_signed_in_user(client: Client, settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False
    User.objects.create_user(username="ana", password="a long passphrase 42")
    assert client.login(username="ana", password="a long passphrase 42")
    assert client.get("/exercises").status_code == 200
    assert client.get("/api/exercises").status_code == 200


def test_passwords_are_hashed_with_argon2() -> None:
    user = User.objects.create_user(username="ben", password="another long passphrase")
    assert user.password.startswith("argon2")


def test_the_health_check_needs_no_sign_in(client: Client, settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False
    assert client.get("/healthz").content == b"ok"
