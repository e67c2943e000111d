"""The welcome page and the profile form in Chromium, in the browser's time zone."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_newcomer_goes_from_the_welcome_to_a_form_in_their_time_zone(
    browser: Any, live_server: Any
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        base_url=live_server.url,
        timezone_id="America/Denver",
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto("/")
        page.click("text=Set up my running week")
        page.wait_for_url("**/profile")
        assert page.input_value("input[name=timezone]") == "America/Denver"
        assert errors == []
    finally:
        context.close()
