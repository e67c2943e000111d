"""The clinician's whole story in Chromium: sign in, add a client, intake, edit the
proposal, share the code; the runner opens it on a phone and logs pain 6; the clinician
sees the alert and adjusts; the runner sees the change. Screenshots go to artifacts/."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User

from footcore.web.clinic import services
from footcore.web.clinic.models import Client
from footcore.web.training.models import PlannedSession

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
MON = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)
PASSWORD = "a long passphrase for mia"


class Counted:
    """A page whose clicks and field entries are counted."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.clicks = 0
        self.entries = 0

    def click(self, selector: str) -> None:
        self.clicks += 1
        self.page.click(selector)

    def fill(self, selector: str, value: str) -> None:
        self.entries += 1
        self.page.fill(selector, value)

    def check(self, selector: str) -> None:
        self.clicks += 1
        self.page.check(selector)

    def select(self, selector: str, value: str) -> None:
        self.entries += 1
        self.page.select_option(selector, value)


@pytest.fixture
def clinic(settings: Any) -> None:
    settings.PERSONAL_MODE = False
    clinic = services.add_clinic(
        name="Harbour Physio", contact="030 1234", booking_url="https://harbour.example/book"
    )
    user = User.objects.create_user(username="mia", password=PASSWORD, first_name="Mia")
    services.make_clinician(user=user, clinic=clinic)


@pytest.mark.usefixtures("clinic")
def test_the_clinician_and_runner_story(browser: Any, live_server: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    desk_context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url
    )
    phone_context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, is_mobile=True
    )
    desk = Counted(desk_context.new_page())
    phone = phone_context.new_page()
    with time_machine.travel(MON, tick=True):
        desk.page.goto("/accounts/login/?next=/clinic")
        desk.fill("input[name=username]", "mia")
        desk.fill("input[name=password]", PASSWORD)
        desk.click("button:has-text('Sign in')")
        desk.page.wait_for_url("**/clinic")
        desk.fill("input[name=name]", "Ben Runner")
        desk.fill("input[name=birth_year]", "1990")
        desk.click("button:has-text('Add client')")
        desk.page.wait_for_selector("[data-intake]")

        # From intake to a shared code: counted and timed.
        desk.clicks = desk.entries = 0
        started = time.monotonic()
        desk.fill("textarea[name=impression]", "Plantar heel pain, right, six weeks")
        desk.select("select[name=affected_side]", "right")
        desk.select("select[name=irritability]", "moderate")
        desk.check("input[name=concerns][value=plantar-fasciitis]")
        desk.check("input[name=pain][value=heel]")
        desk.fill("input[name='heel_raise_reps.left']", "24")
        desk.fill("input[name='heel_raise_reps.right']", "15")
        desk.select("select[name=heel_raise_surface]", "incline")
        desk.fill("input[name=review_on]", "2026-12-21")
        desk.click("[data-intake-save]")
        desk.page.wait_for_selector("[data-editor]")
        desk.select("select[name=progression-0]", "hold")
        desk.fill("input[name=note-0]", "Slow on the way down; stop at 5/10.")
        desk.fill("input[name=why]", "Start gently; I review on the 21st")
        desk.click("[data-share]")
        desk.page.wait_for_selector("text=Prescription saved and shared")
        code = desk.page.locator("[data-code]").inner_text().strip()
        seconds = time.monotonic() - started
        clicks, entries = desk.clicks, desk.entries
        desk.page.locator("#editor").screenshot(path=str(ARTIFACTS / "clinic-editor.png"))
        assert len(code) == 8

        phone.goto("/join")
        phone.fill("input[name=code]", code)
        phone.fill("input[name=birth_year]", "1990")
        phone.check("input[name=consent]")
        phone.click("button:has-text('Open my program')")
        phone.wait_for_url("**/today")
        assert "Changed by your physio" in phone.locator("[data-physio-change]").inner_text()

    runner = Client.objects.get(name="Ben Runner").runner
    first = PlannedSession.objects.filter(user=runner, kind="strength").order_by("date").first()
    assert first is not None
    evening = dt.datetime.combine(first.date, dt.time(17, 0), tzinfo=dt.UTC)
    with time_machine.travel(evening, tick=True):
        phone.goto(f"/log/{first.date.isoformat()}")
        phone.fill("input[name=pain_0_10]", "6")
        phone.check("input[name=difficulty][value=just-right]")
        phone.click("button:has-text('Save the log')")
        phone.wait_for_load_state()

        desk.page.goto("/clinic")
        alert = desk.page.locator("[data-alert=pain-high]")
        assert "pain 6/10" in alert.first.inner_text()
        desk.page.locator("[data-roster]").screenshot(path=str(ARTIFACTS / "clinic-roster.png"))
        desk.page.click("text=Ben Runner")
        desk.page.wait_for_selector("[data-editor]")
        desk.page.fill("input[name=note-0]", "Eased after pain 6/10: fewer sets this week.")
        sets = desk.page.locator("input[name=sets-0]")
        sets.fill(str(max(int(sets.input_value()) - 1, 1)))
        desk.page.fill("input[name=why]", "Eased after your pain of 6/10")
        desk.page.click("[data-share]")
        desk.page.wait_for_selector("text=Prescription saved and shared")

        phone.goto("/today")
        change = phone.locator("[data-physio-change]").inner_text()
        assert "Eased after your pain of 6/10" in change
        assert "fewer sets this week" in change
        phone.screenshot(path=str(ARTIFACTS / "clinic-runner-view.png"), full_page=True)

        # A self-test from the phone, then the clinician's timeline charts it and the pain.
        token = next(c["value"] for c in phone_context.cookies() if c["name"] == "csrftoken")
        answer = phone.request.post(
            "/api/assessments",
            data={"test": "heel-raise", "left": 22, "right": 16, "surface": "incline"},
            headers={"X-CSRFToken": token},
        )
        assert answer.ok, answer.text()
        blocked: list[str] = []
        desk.page.on(
            "console",
            lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
        )
        desk.page.goto(f"/clinic/clients/{Client.objects.get(name='Ben Runner').pk}")
        for kind in ("pain", "heel-raise"):
            chart = desk.page.locator(f"img[data-chart={kind}]")
            chart.scroll_into_view_if_needed()
            chart.wait_for()
            drawn = chart.evaluate("img => img.complete && img.naturalWidth > 0")
            assert drawn, kind
        assert blocked == []
        desk.page.locator("#time-h").locator("..").screenshot(
            path=str(ARTIFACTS / "clinic-timeline-charts.png")
        )

        # Start from a template in the editor, adding the foot-core programme.
        desk.page.select_option("select[name=template]", "foot-core")
        desk.page.check("input[name=mode][value=add]")
        desk.page.click("[data-apply-template]")
        desk.page.wait_for_selector("text=started from the template")
        assert desk.page.locator("tr[data-item=toe-spreads]").count() == 1
        phone.goto("/today")
        assert "Foot-core programme" in phone.locator("[data-physio-change]").inner_text()

    (ARTIFACTS / "clinic-story.txt").write_text(
        f"intake to shared code: {clicks} clicks, {entries} field entries, {seconds:.1f} s\n"
    )
    print(f"intake to shared code: {clicks} clicks, {entries} field entries, {seconds:.1f} s")
    desk_context.close()
    phone_context.close()
