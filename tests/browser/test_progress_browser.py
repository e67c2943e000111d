"""The progress page after four weeks of seeded use, in real headless Chromium."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine
from PIL import Image

from footcore.web.accounts.services import local_runner
from tests.web.seeding import NOW, seed_four_weeks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOT = Path("artifacts/progress.png")
DOCS_SCREENSHOT = Path("docs/progress-screenshot.png")
DOCS_MAX_BYTES = 300_000
DONE_GREEN = (0x0B, 0x6E, 0x4F)
LEFT_BLUE = (0x1F, 0x5F, 0xA8)
RIGHT_ORANGE = (0xB4, 0x54, 0x0A)


@pytest.fixture
def seeded_runner() -> Iterator[None]:
    # Ticking, so the browser's own timers run; the day stays the seeded "today".
    with time_machine.travel(NOW, tick=True):
        seed_four_weeks(local_runner())
        yield


def _has_colour(image: Image.Image, rgb: tuple[int, int, int], *, at_least: int) -> bool:
    near = 0
    for count, pixel in image.getcolors(maxcolors=1 << 20) or []:
        if isinstance(pixel, tuple) and all(
            abs(a - b) <= 6 for a, b in zip(pixel[:3], rgb, strict=True)
        ):
            near += count
    return near >= at_least


def _load_all_charts(page: Any) -> list[dict[str, Any]]:
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('img[data-chart]')).every(i => i.complete)"
    )
    sizes: list[dict[str, Any]] = page.eval_on_selector_all(
        "img[data-chart]",
        "imgs => imgs.map(i => ({chart: i.dataset.chart, w: i.naturalWidth, h: i.naturalHeight,"
        " alt: i.alt}))",
    )
    return sizes


def test_the_progress_page_shows_four_weeks_on_a_phone(page: Any, seeded_runner: None) -> None:
    page.goto("/progress")
    assert page.locator("h1").inner_text() == "Your progress"
    charts = _load_all_charts(page)
    assert {c["chart"] for c in charts} == {
        "minutes",
        "pain",
        "heel-raise",
        "balance-eyes-open",
    }
    for chart in charts:
        assert chart["w"] > 300, chart
        assert chart["h"] > 100, chart
        assert len(chart["alt"]) > 30, chart
    assert page.locator("td.day").count() == 5 * 7
    assert page.locator("td.day.done").count() >= 15
    assert page.locator("td.day.missed").count() >= 1
    assert page.locator("td.day.partly-done").count() >= 1
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert page.console_errors == []

    image = Image.open(SCREENSHOT).convert("RGB")
    width, height = image.size
    assert width == 390
    assert height > 2000  # calendar, four charts and their tables
    assert _has_colour(image, DONE_GREEN, at_least=2000)  # the calendar's done days
    assert _has_colour(image, LEFT_BLUE, at_least=200)  # left-side trend lines
    assert _has_colour(image, RIGHT_ORANGE, at_least=200)  # right-side trend lines


def test_the_readme_screenshot_of_the_progress_page_stays_small(
    browser: Any, live_server: Any, seeded_runner: None
) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 800}, base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto("/progress")
        _load_all_charts(page)
        raw = page.screenshot(full_page=True)
    finally:
        context.close()
    image = Image.open(io.BytesIO(raw)).convert("RGB")
    buffer = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(
        buffer, format="PNG", optimize=True
    )
    assert 10_000 < buffer.tell() < DOCS_MAX_BYTES
    # The copy in docs/ is under version control: refresh it only when asked.
    if os.environ.get("FOOTCORE_UPDATE_SCREENSHOTS") == "1":
        DOCS_SCREENSHOT.parent.mkdir(exist_ok=True)
        DOCS_SCREENSHOT.write_bytes(buffer.getvalue())
