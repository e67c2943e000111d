"""Onboarding, the plan and today in real headless Chromium, phone-sized."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_profile(page: Any, start: dt.date) -> None:
    page.goto("/profile")
    page.fill("input[name=start]", start.isoformat())
    page.fill("input[name=weeks]", "6")
    for day in ("mon", "wed", "fri", "sun"):
        page.check(f"input[name=run_days][value={day}]")
    page.select_option("select[name=long_run_day]", "sun")
    page.check("input[name=hard_days][value=wed]")
    page.check("input[name=concerns][value=shin-splints]")
    page.check("input[name=pain][value=ball-of-foot]")
    for item in ("step", "towel", "chair"):
        page.check(f"input[name=equipment][value={item}]")
    page.fill("input[name=timezone]", "Europe/Berlin")


def test_a_runner_onboards_and_browses_the_plan(page: Any) -> None:
    start = dt.date.today() + dt.timedelta(days=1)
    _fill_profile(page, start)
    page.click("button:has-text('Save and plan')")
    page.wait_for_url("**/plan")
    assert page.locator("section.week").count() == 6
    first = page.locator("details.session.strength").first
    first.locator("summary").click()
    assert first.locator("ol.items li").count() >= 3
    assert "toe-walking" not in page.content()
    assert page.locator("a[href='/plan.ics']").count() == 1
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path="artifacts/plan.png", full_page=False)
    page.click("nav >> text=Today")
    page.wait_for_url("**/today")
    assert page.locator("h1").inner_text().startswith("Today")
    assert page.console_errors == []


def test_a_mistake_in_the_form_is_shown_next_to_its_field(page: Any) -> None:
    _fill_profile(page, dt.date.today())
    page.uncheck("input[name=run_days][value=sun]")
    page.click("button:has-text('Save and plan')")
    error = page.locator("#field-long_run_day .field-error")
    assert error.inner_text() == "long run day: 'sun' is not one of the run days"
    assert page.url.endswith("/profile")


def test_a_calendar_feed_can_be_created_and_turned_off(page: Any) -> None:
    _fill_profile(page, dt.date.today() + dt.timedelta(days=2))
    page.click("button:has-text('Save and plan')")
    page.wait_for_url("**/plan")
    page.click("button:has-text('Create a calendar feed')")
    url = page.locator("input.feed-url").input_value()
    assert "/calendar/feed/" in url
    body = page.request.get(url).text()
    assert body.startswith("BEGIN:VCALENDAR")
    page.click("button:has-text('Turn the feed off')")
    assert page.request.get(url).status == 404
