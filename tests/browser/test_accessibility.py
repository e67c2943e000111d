"""Every page at phone size, checked by axe-core (from the npm registry) in Chromium.

axe-core is installed by `.ci/run` with `npm install --prefix tests/browser/axe`
into a git-ignored folder; without it these tests skip (and fail under
FOOTCORE_REQUIRE_ALL=1). The bar: no serious or critical violation on any page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from footcore.web.accounts.services import local_runner
from footcore.web.training import services
from footcore.web.training.models import PlannedSession
from tests.support.plugin import skip_or_fail
from tests.web.builders import profile_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")
FIRST_VISIT = ["/", "/profile", "/exercises", "/exercises/short-foot", "/assess", "/no/such/page"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        skip_or_fail(
            "axe-core is not installed: run `npm install --no-package-lock --prefix "
            "tests/browser/axe` (as .ci/run does)"
        )
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def phone(browser: Any, live_server: Any) -> Iterator[Any]:
    # axe is injected as a script of its own: the page's CSP (rightly) allows no
    # inline script, so the test context bypasses it for the injection only.
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, bypass_csp=True
    )
    page = context.new_page()
    yield page
    context.close()


def violations(page: Any, axe_source: str, url: str) -> list[str]:
    page.goto(url)
    page.add_script_tag(content=axe_source)
    found = page.evaluate(
        """async () => {
          const result = await axe.run(document, { resultTypes: ["violations"] });
          return result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
          }));
        }"""
    )
    return [
        f"{url}: {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['targets'])}"
        for v in found
        if v["impact"] in SERIOUS
    ]


def planned_runner() -> tuple[str, str]:
    """A runner two weeks into a plan; the latest strength day up to today, and a later one."""
    today = dt.date.today()
    start = today - dt.timedelta(days=14)
    data = profile_data(start=start.isoformat(), races=[])
    services.save_profile(user=local_runner(), data=data, today=start)
    past = PlannedSession.objects.filter(kind="strength", date__lte=today).order_by("-date")
    later = PlannedSession.objects.filter(date__gt=today).order_by("date")
    first_past, first_later = past.first(), later.first()
    assert first_past is not None
    assert first_later is not None
    return first_past.date.isoformat(), first_later.date.isoformat()


def test_the_first_visit_pages_have_no_serious_violations(phone: Any, axe_source: str) -> None:
    problems = [p for url in FIRST_VISIT for p in violations(phone, axe_source, url)]
    assert problems == [], "\n".join(problems)


def test_a_runners_pages_have_no_serious_violations(phone: Any, axe_source: str) -> None:
    day, later = planned_runner()
    pages = [
        "/today",
        "/plan",
        "/progress",
        "/safety",
        f"/session/{day}",
        f"/log/{day}",
        f"/log/{later}",
        "/assess/heel-raise",
        "/assess/toe-yoga",
        "/assess/faam",
        "/checkin",
    ]
    problems = [p for url in pages for p in violations(phone, axe_source, url)]
    assert problems == [], "\n".join(problems)
