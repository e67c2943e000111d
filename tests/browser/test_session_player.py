"""The guided-session player in real headless Chromium, phone-sized."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest

from footcore.web.sessions.models import SessionLogEntry
from tests.browser.player_support import (
    PROBE,
    drift_ms,
    planned_session_url,
    serve_short_session,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEN_MINUTES_AND_MORE_MS = 30 * 60 * 1000


def player_data(page: Any) -> dict[str, Any]:
    return json.loads(page.locator("#player-data").text_content())  # type: ignore[no-any-return]


def shown_exercise(page: Any) -> str:
    return page.locator("#player-exercise").inner_text()  # type: ignore[no-any-return]


@pytest.fixture
def quiet_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A page without service workers, so Playwright's routes see every request."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        base_url=live_server.url,
        service_workers="block",
    )
    page = context.new_page()
    yield page
    context.close()


def test_a_whole_session_plays_to_the_end_and_asks_for_feedback(page: Any) -> None:
    url = planned_session_url()
    page.clock.install()
    page.goto(url)
    data = player_data(page)
    page.click("#player-start")
    assert shown_exercise(page) == data["items"][0]["name"]
    page.clock.run_for(TEN_MINUTES_AND_MORE_MS)
    assert page.locator("#player").get_attribute("data-state") == "done"
    assert page.locator("#feedback").is_visible()
    summary = page.locator("#feedback-exercises li").all_inner_texts()
    assert len(summary) == len(data["items"])
    assert all(line.endswith(": done") for line in summary)
    assert page.console_errors == []


def test_pause_stops_the_countdown_and_resume_goes_on(page: Any) -> None:
    page.clock.install()
    page.goto(planned_session_url())
    page.click("#player-start")
    page.clock.run_for(3000)
    page.click("#player-pause")
    paused_at = page.locator("#player-countdown").inner_text()
    page.clock.run_for(20_000)
    assert page.locator("#player-countdown").inner_text() == paused_at
    assert page.locator("#player").get_attribute("data-state") == "paused"
    page.click("#player-pause")
    page.clock.run_for(2000)
    assert page.locator("#player-countdown").inner_text() != paused_at
    page.screenshot(path="artifacts/session-player.png", full_page=False)


def test_skip_moves_on_to_the_next_exercise_and_logs_the_skipped_one(page: Any) -> None:
    page.clock.install()
    page.goto(planned_session_url())
    items = player_data(page)["items"]
    page.click("#player-start")
    page.click("#player-skip")
    assert shown_exercise(page) == items[1]["name"]
    assert page.locator("#player").get_attribute("data-kind") == "ready"
    page.click("#player-finish")
    page.click("#player-confirm-yes")
    summary = page.locator("#feedback-exercises li").all_inner_texts()
    assert summary[0] == f"{items[0]['name']}: skipped"


def test_back_restarts_the_step_then_returns_to_the_one_before(page: Any) -> None:
    page.clock.install()
    page.goto(planned_session_url())
    page.click("#player-start")
    page.clock.run_for(11_000)  # past the 10 s get-ready step
    assert page.locator("#player").get_attribute("data-step") == "1"
    page.click("#player-back")
    assert page.locator("#player").get_attribute("data-step") == "0"


def test_swap_replaces_the_exercise_with_an_alternative(page: Any) -> None:
    page.clock.install()
    page.goto(planned_session_url(pain=[], equipment=[]))
    items = player_data(page)["items"]
    slot = next(i for i, item in enumerate(items) if item["alternatives"])
    page.click("#player-start")
    for _ in range(slot):
        page.click("#player-skip")
    alternative = items[slot]["alternatives"][0]
    page.click("#player-swap summary")
    page.click(f"#player-swap-list button:has-text('{alternative['name']}')")
    assert shown_exercise(page) == alternative["name"]
    assert (
        page.locator(f"#player-items li[data-item='{slot}'] .item-name").inner_text()
        == (alternative["name"])
    )
    assert page.locator("#player-illustration").get_attribute("src") == alternative["illustration"]


def test_a_short_session_ends_within_100_ms_of_plan_in_real_time(quiet_page: Any) -> None:
    url = planned_session_url()
    steps = serve_short_session(quiet_page, url, seconds=7)
    quiet_page.goto(url)
    quiet_page.evaluate(PROBE)
    quiet_page.click("#player-start")
    quiet_page.wait_for_selector("#player[data-state=done]", timeout=20_000)
    end_drift, worst_step = drift_ms(quiet_page, steps)
    assert sum(s["duration_s"] for s in steps) >= 6
    assert abs(end_drift) < 100, f"end drift {end_drift:.1f} ms"
    assert worst_step < 100, f"worst step drift {worst_step:.1f} ms"


def test_a_log_made_offline_is_queued_and_stored_exactly_once_when_back_online(
    page: Any,
) -> None:
    url = planned_session_url()
    page.clock.install()
    page.goto(url)
    page.click("#player-start")
    page.clock.run_for(TEN_MINUTES_AND_MORE_MS)
    page.context.set_offline(True)
    page.locator("#feedback-pain").fill("2")
    page.select_option("#feedback-site", "arch")
    page.click("#feedback-submit")
    page.wait_for_selector("#log-status[data-outcome=kept]")
    assert "Queued" in page.locator("#log-status").inner_text()
    assert SessionLogEntry.objects.count() == 0
    page.context.set_offline(False)
    page.wait_for_selector("#log-status[data-outcome=saved]", timeout=10_000)
    page.reload()  # a later visit flushes the queue again: nothing left to send twice
    page.wait_for_load_state("networkidle")
    entry = SessionLogEntry.objects.get()
    assert entry.pain_0_10 == 2
    assert entry.pain_site == "arch"
    assert len(entry.exercises) == len(player_data(page)["items"])
    assert page.evaluate("footcoreQueue.pending().then((p) => p.length)") == 0


def wait_until_cached(page: Any, urls: list[str], timeout_s: float = 10.0) -> None:
    """Poll the Cache API from Python: `wait_for_function` would take the returned
    promise itself for a truthy answer instead of waiting for it."""
    deadline = time.monotonic() + timeout_s
    script = "(urls) => Promise.all(urls.map((u) => caches.match(u))).then((h) => h.every(Boolean))"
    while not page.evaluate(script, urls):
        assert time.monotonic() < deadline, f"not cached within {timeout_s} s: {urls}"
        page.wait_for_timeout(100)


def test_a_loaded_session_plays_again_without_a_network(page: Any) -> None:
    url = planned_session_url()
    page.goto(url)
    illustration = player_data(page)["items"][0]["illustration"]
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=10_000)
    wait_until_cached(page, [url, illustration, "/static/footcore/player.js"])
    page.context.set_offline(True)
    page.reload()
    assert player_data(page)["items"][0]["illustration"] == illustration
    image = page.locator("#player-illustration")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    page.click("#player-start")
    assert page.locator("#player").get_attribute("data-state") == "running"


def test_finish_asks_first_and_keep_going_carries_on(page: Any) -> None:
    page.clock.install()
    page.goto(planned_session_url())
    page.click("#player-start")
    page.click("#player-finish")
    assert page.locator("#player-confirm").is_visible()
    page.click("#player-confirm-no")
    assert page.locator("#player").get_attribute("data-state") == "running"
    assert not page.locator("#feedback").is_visible()
    page.click("#player-finish")
    page.click("#player-confirm-yes")
    assert page.locator("#player").get_attribute("data-state") == "done"
    assert page.locator("#feedback").is_visible()


def test_a_saved_session_says_what_was_saved_and_where_to_go_next(page: Any) -> None:
    page.clock.install()
    page.goto(planned_session_url())
    count = len(player_data(page)["items"])
    page.click("#player-start")
    page.clock.run_for(TEN_MINUTES_AND_MORE_MS)
    page.locator("#feedback-pain").fill("3")
    page.select_option("#feedback-site", "arch")
    page.click("#feedback-submit")
    page.wait_for_selector("#log-status[data-outcome=saved]")
    status = page.locator("#log-status").inner_text()
    assert f"Saved: {count} of {count} exercises done in full" in status
    assert "pain 3/10 (arch)" in status
    assert page.locator("#feedback-submit").is_disabled()
    assert page.locator("#feedback-submit").inner_text() == "Saved"
    assert page.locator("#log-next a[href='/today']").is_visible()
    assert SessionLogEntry.objects.count() == 1


def focus_with_tab(page: Any, selector: str, presses: int = 60) -> None:
    """Press Tab until `selector` has the focus, as a keyboard user would."""
    for _ in range(presses):
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never got the keyboard focus")


def test_the_player_works_by_keyboard_alone(page: Any) -> None:
    page.clock.install()
    page.goto(planned_session_url())
    items = player_data(page)["items"]
    focus_with_tab(page, "#player-start")
    page.keyboard.press("Enter")
    assert page.locator("#player").get_attribute("data-state") == "running"
    assert page.evaluate("document.activeElement.id") == "player-pause"
    page.keyboard.press("Space")
    assert page.locator("#player").get_attribute("data-state") == "paused"
    page.keyboard.press("Space")
    focus_with_tab(page, "#player-skip")
    page.keyboard.press("Enter")
    assert shown_exercise(page) == items[1]["name"]
    focus_with_tab(page, "#player-finish")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "player-confirm-no"
    page.keyboard.press("Shift+Tab")  # from "Keep going" back to "Yes, finish"
    assert page.evaluate("document.activeElement.id") == "player-confirm-yes"
    page.keyboard.press("Enter")
    assert page.locator("#player").get_attribute("data-state") == "done"
    assert page.evaluate("document.activeElement.name") == "difficulty"
    focus_with_tab(page, "#feedback-submit")
    page.keyboard.press("Enter")
    page.wait_for_selector("#log-status[data-outcome=saved]")
    assert SessionLogEntry.objects.count() == 1
    focus_with_tab(page, "#log-next a[href='/today']")
