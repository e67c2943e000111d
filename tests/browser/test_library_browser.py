"""The exercise library in real headless Chromium, phone-sized."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_runner_filters_the_library_and_opens_an_exercise(page: Any) -> None:
    page.goto("/exercises")
    assert page.locator("h1").inner_text() == "Exercise library"
    total = page.locator(".card").count()
    assert total >= 14
    page.select_option("select[name=concern]", "shin-splints")
    page.wait_for_url("**concern=shin-splints**")
    filtered = page.locator(".card").count()
    assert 0 < filtered < total
    page.click("text=Shin Curls")
    page.wait_for_url("**/exercises/shin-curls")
    assert page.locator("ol.steps li").count() >= 3
    image = page.locator("figure.illustration img")
    assert image.get_attribute("alt")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.console_errors == []


def test_search_by_alias_finds_towel_scrunches(page: Any) -> None:
    page.goto("/exercises")
    page.fill("input[name=q]", "towel scrunches")
    page.click("button:has-text('Show')")
    page.wait_for_url("**q=towel**")
    assert page.locator(".card h2").all_inner_texts() == ["Toe Curls"]


def test_the_library_fits_a_phone_screen_without_sideways_scrolling(page: Any) -> None:
    page.goto("/exercises/short-foot")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path="artifacts/library-short-foot.png", full_page=False)
