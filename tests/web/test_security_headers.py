from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_content_security_policy(client: Client) -> None:
    policy = client.get("/exercises")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_refuse_framing_and_sniffing(client: Client) -> None:
    response = client.get("/exercises")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_session_cookie_is_secure_httponly_and_samesite(
    client: Client, settings: SettingsWrapper
) -> None:
    settings.PERSONAL_MODE = False
    User.objects.create_user(username="cara", password="yet another passphrase")
    response = client.post(
        "/accounts/login/", {"username": "cara", "password": "yet another passphrase"}
    )
    cookie = response.cookies["sessionid"]
    assert cookie["secure"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_sign_in_without_a_csrf_token_is_refused(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
