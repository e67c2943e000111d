"""The guided self-tests in real headless Chromium, with the page clock under test control."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from footcore.web.accounts.services import local_runner
from footcore.web.assessments import selectors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_heel_raise_metronome_beats_sixty_times_a_minute(page: Any) -> None:
    page.clock.install()
    page.goto("/assess/heel-raise")
    count = page.locator(".metronome-count")
    assert count.inner_text() == "0"
    page.click(".metronome-toggle")
    page.clock.run_for(3000)
    # One beat on start, then one a second.
    assert count.inner_text() == "4"
    assert page.locator(".metronome").get_attribute("data-beats") == "4"
    page.click(".metronome-toggle")
    page.clock.run_for(3000)
    assert count.inner_text() == "4"
    assert page.locator(".metronome-toggle").inner_text() == "Start metronome"
    page.fill("#id_heel-raise-left", "11")
    page.fill("#id_heel-raise-right", "27")
    page.check("#id_surface_0")  # the incline board
    page.click("button[type=submit]")
    page.wait_for_url("**/assess/heel-raise")
    assert "Saved" in page.locator(".notice").inner_text()
    text = page.locator(".interpretation").inner_text()
    assert "Left: 11 reps" in text
    assert "Side-to-side difference" in text
    assert page.console_errors == []


def test_the_balance_stopwatch_times_a_trial_and_the_page_saves_it(page: Any) -> None:
    # A paused fake clock: only run_for moves time, so a busy machine cannot add a tenth.
    page.clock.install(time=dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    page.goto("/assess/balance")
    page.clock.pause_at(dt.datetime(2026, 3, 2, 9, 0, 5, tzinfo=dt.UTC))
    watch = page.locator(".stopwatch[data-target='id_balance-eyes-open-left-1']")
    shown = watch.locator(".stopwatch-time")
    assert shown.inner_text() == "0.0 s"
    watch.locator(".stopwatch-start").click()
    page.clock.run_for(3000)
    assert shown.inner_text() == "3.0 s"
    page.clock.run_for(1500)
    watch.locator(".stopwatch-stop").click()
    assert shown.inner_text() == "4.5 s"
    assert page.input_value("#id_balance-eyes-open-left-1") == "4.5"
    page.fill("#id_balance-eyes-open-left-2", "6.5")
    page.locator("#id_balance-eyes-open-left-2").dispatch_event("input")
    summary = page.locator(".assess-test[data-kind='balance-eyes-open'] .trials-summary").first
    assert summary.inner_text() == "Best 6.5 s, mean 5.5 s of 2 trials"
    page.click("button[type=submit]")
    page.wait_for_url("**/assess/balance")
    assert "best 6.5 s" in page.locator(".interpretation").inner_text()
    (saved,) = selectors.results_for(local_runner())
    assert saved.kind.value == "balance-eyes-open"
    assert page.console_errors == []


def test_a_900_second_balance_is_marked_on_the_page(page: Any) -> None:
    page.goto("/assess/balance")
    page.fill("#id_balance-eyes-closed-right-1", "900")
    page.click("button[type=submit]")
    error = page.locator("#field-balance-eyes-closed-right-1 .field-error")
    assert "outside the valid range 0-120 s" in error.inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
