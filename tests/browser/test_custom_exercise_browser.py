"""In Chromium: a clinician writes "banded toe spread" with a picture upload, adds it to a
client's program in the editor, and the runner sees it on a phone, with its picture."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from PIL import Image

from footcore.web.clinic import services
from footcore.web.custom_exercises.models import CustomExercise
from footcore.web.training.models import PlannedSession
from tests.web.builders import profile_data, screen_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MON = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)
PASSWORD = "a long passphrase for mia"
LOADED = (
    "() => { const i = document.querySelector('[data-exercise-image]');"
    " return i && i.complete && i.naturalWidth > 0; }"
)


@pytest.fixture
def clinic(settings: Any) -> Any:
    settings.PERSONAL_MODE = False
    clinic = services.add_clinic(name="Harbour Physio", contact="030 1234")
    user = User.objects.create_user(username="mia", password=PASSWORD, first_name="Mia")
    return services.make_clinician(user=user, clinic=clinic)


def _photo(tmp_path: Path) -> Path:
    image = Image.new("RGB", (800, 600), (40, 120, 200))
    out = io.BytesIO()
    image.save(out, format="JPEG")
    path = tmp_path / "band.jpg"
    path.write_bytes(out.getvalue())
    return path


def test_a_clinician_uploads_a_custom_exercise_and_the_runner_sees_it(
    browser: Any, live_server: Any, clinic: Any, tmp_path: Path
) -> None:
    desk_context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url
    )
    phone_context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, is_mobile=True
    )
    desk, phone = desk_context.new_page(), phone_context.new_page()
    with time_machine.travel(MON, tick=True):
        desk.goto("/accounts/login/?next=/clinic/exercises")
        desk.fill("input[name=username]", "mia")
        desk.fill("input[name=password]", PASSWORD)
        desk.click("button:has-text('Sign in')")
        desk.wait_for_url("**/clinic/exercises")
        desk.click("[data-new-exercise]")
        desk.fill("input[name=name]", "Banded toe spread")
        desk.fill("input[name=slug]", "banded-toe-spread")
        desk.fill("input[name=purpose]", "Spread the toes against a light band.")
        desk.select_option("select[name=position]", "seated")
        desk.select_option("select[name=sides]", "each")
        desk.fill("textarea[name=targets]", "toe abductors")
        desk.fill("textarea[name=steps]", "Loop a band round the toes.\nSpread them and hold.")
        desk.fill("input[name='dose.sets']", "2")
        desk.fill("input[name='dose.reps_min']", "10")
        desk.fill("input[name='dose.hold_s']", "3")
        desk.check("input[name=equipment][value=band]")
        desk.check("input[name=indications][value=flat-feet]")
        desk.fill("textarea[name=cautions]", "Stop if the arch cramps.")
        # First a mistake: the page names the field and keeps what was typed.
        desk.fill("input[name='dose.hold_s']", "900")
        desk.set_input_files("input[name=picture]", str(_photo(tmp_path)))
        desk.click("button:has-text('Save exercise')")
        assert "dose.hold_s" in desk.locator("[data-problems]").inner_text()
        assert desk.input_value("input[name=name]") == "Banded toe spread"
        desk.fill("input[name='dose.hold_s']", "3")
        desk.set_input_files("input[name=picture]", str(_photo(tmp_path)))
        desk.click("button:has-text('Save exercise')")
        desk.wait_for_selector("[data-exercise-id]")
        exercise_id = desk.locator("[data-exercise-id]").inner_text().strip()
        desk.wait_for_function(LOADED)
        shown = desk.locator("[data-exercise-image]").evaluate("img => img.naturalWidth")
        assert shown == 800

        desk.goto("/clinic")
        desk.fill("input[name=name]", "Ben Runner")
        desk.fill("input[name=birth_year]", "1990")
        desk.click("button:has-text('Add client')")
        desk.wait_for_selector("[data-intake]")
        code = desk.locator("[data-code]").inner_text().strip()

        phone.goto("/join")
        phone.fill("input[name=code]", code)
        phone.fill("input[name=birth_year]", "1990")
        phone.check("input[name=consent]")
        phone.click("button:has-text('Open my program')")
        phone.wait_for_load_state()
        runner = User.objects.get(client_record__name="Ben Runner")
        from django.test import Client as HttpClient

        from tests.web.clinic.builders import put_json  # the runner's week, by API for brevity

        api = HttpClient()
        api.force_login(runner)
        assert put_json(api, "/api/profile", profile_data(pain=[])).status_code == 200
        screen_user(runner, MON.date())

        desk.reload()
        desk.fill("textarea[name=impression]", "Flexible flat feet")
        desk.select_option("select[name=affected_side]", "both")
        desk.select_option("select[name=irritability]", "low")
        desk.check("input[name=concerns][value=flat-feet]")
        desk.click("[data-intake-save]")
        desk.wait_for_selector("[data-editor]")
        desk.select_option("select[name=add]", exercise_id)
        desk.fill("input[name=why]", "Add the band work we practised")
        desk.click("[data-share]")
        desk.wait_for_selector("text=Prescription saved and shared")
        desk.locator("[data-editor]").screenshot(path=str(tmp_path / "editor.png"))

    row = CustomExercise.objects.get()
    day = min(
        s.date
        for s in PlannedSession.objects.filter(user=runner, kind="strength")
        if any(i["exercise"] == row.exercise_id for i in s.items)
    )
    with time_machine.travel(dt.datetime.combine(day, dt.time(7), tzinfo=dt.UTC), tick=True):
        phone.goto("/today")
        link = phone.locator("a:has-text('Banded toe spread')")
        link.first.click()
        phone.wait_for_selector("[data-exercise-image]")
        assert "Spread them and hold." in phone.locator("ol.steps").inner_text()
        assert phone.request.get(f"/clinic/exercises/{row.exercise_id}/image").status == 200
        phone.wait_for_function(LOADED)
        width = phone.locator("[data-exercise-image]").evaluate("img => img.naturalWidth")
        assert width == 800
        phone.goto(f"/session/{day.isoformat()}")
        assert phone.locator("text=Banded toe spread").count() >= 1
    desk_context.close()
    phone_context.close()
