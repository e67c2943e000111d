"""Animated drawings stand still for a browser that asks for reduced motion."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOWN = """(selector) => [...document.querySelectorAll(selector)]
  .filter((e) => getComputedStyle(e).display !== "none").length"""


@pytest.fixture(params=["reduce", "no-preference"])
def motion_page(request: Any, browser: Any, live_server: Any) -> Iterator[tuple[Any, str]]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        base_url=live_server.url,
        reduced_motion=request.param,
    )
    yield context.new_page(), request.param
    context.close()


def test_the_drawing_shows_its_still_version_under_reduced_motion(
    motion_page: tuple[Any, str],
) -> None:
    page, motion = motion_page
    page.goto("/exercises/short-foot/illustration.svg")
    moving, still = page.evaluate(SHOWN, ".fc-moving"), page.evaluate(SHOWN, ".fc-still")
    if motion == "reduce":
        assert moving == 0
        assert still > 0
    else:
        assert moving > 0
        assert still == 0


def test_the_site_stops_its_own_transitions_under_reduced_motion(
    motion_page: tuple[Any, str],
) -> None:
    page, motion = motion_page
    page.goto("/exercises")
    duration = page.evaluate(
        "getComputedStyle(document.querySelector('a.brand')).transitionDuration"
    )
    if motion == "reduce":
        assert duration in ("1e-05s", "0.00001s")
    else:
        assert duration != "1e-05s"
