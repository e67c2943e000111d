"""Multi-user mode in real headless Chromium: sign-in with Secure session cookies."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def multi_user(settings: Any) -> None:
    settings.PERSONAL_MODE = False
    User.objects.create_user(username="ana", password="a long passphrase for ana")


@pytest.mark.usefixtures("multi_user")
def test_a_runner_signs_in_and_reaches_the_page_they_asked_for(page: Any) -> None:
    page.goto("/exercises")
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", "ana")
    page.fill("input[name=password]", "a long passphrase for ana")
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/exercises")
    assert page.locator("h1").inner_text() == "Exercise library"
    assert page.request.get("/api/exercises").status == 200


@pytest.mark.usefixtures("multi_user")
def test_a_wrong_password_is_refused_with_a_message(page: Any) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "ana")
    page.fill("input[name=password]", "not the passphrase")
    page.click("button:has-text('Sign in')")
    assert "did not match" in page.locator("[role=alert]").inner_text()
    assert page.request.get("/api/exercises").status == 401
