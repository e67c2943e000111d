from __future__ import annotations

import datetime as dt
import io

import icalendar
import pytest
import time_machine
from django.test import Client
from pypdf import PdfReader
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.training.models import CalendarFeed, PlannedSession
from tests.web.builders import form_data

pytestmark = pytest.mark.django_db

BEFORE_START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def _events(body: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0"
    return [e for e in calendar.walk("VEVENT") if isinstance(e, icalendar.Event)]


@time_machine.travel(BEFORE_START, tick=False)
def test_the_ics_download_has_one_event_per_session_in_the_runners_zone(client: Client) -> None:
    client.post("/profile", form_data(timezone="Europe/Berlin", time_of_day="07:00"))
    response = client.get("/plan.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = _events(response.content)
    assert len(events) == PlannedSession.objects.count()
    first = events[0]
    start = first.start
    assert isinstance(start, dt.datetime)
    assert str(start.tzinfo) == "Europe/Berlin"
    # The first event is a run day's warm-up: it ends when the run starts.
    assert "activation" in first.categories
    end = first.end
    assert isinstance(end, dt.datetime)
    assert (end.hour, end.minute) == (7, 0)
    assert list(first.walk("VALARM"))
    assert "reps" in str(first["DESCRIPTION"]) or "min" in str(first["DESCRIPTION"])


def test_regenerating_an_unchanged_plan_keeps_every_uid(client: Client) -> None:
    with time_machine.travel(BEFORE_START, tick=False):
        client.post("/profile", form_data())
        before = {str(e["UID"]): e.start for e in _events(client.get("/plan.ics").content)}
        client.post("/profile", form_data())
        after = {str(e["UID"]): e.start for e in _events(client.get("/plan.ics").content)}
    assert before == after


@time_machine.travel(BEFORE_START, tick=False)
def test_a_feed_is_readable_by_its_secret_url_until_revoked(client: Client) -> None:
    client.post("/profile", form_data())
    client.post("/plan/feed")
    token = CalendarFeed.objects.get().token
    anonymous = Client(REMOTE_ADDR="127.0.0.1")
    assert anonymous.get(f"/calendar/feed/{token}.ics").status_code == 200
    assert anonymous.get("/calendar/feed/not-the-token.ics").status_code == 404
    client.post("/plan/feed/revoke")
    assert anonymous.get(f"/calendar/feed/{token}.ics").status_code == 404


@time_machine.travel(BEFORE_START, tick=False)
def test_a_new_feed_revokes_the_old_one(client: Client) -> None:
    client.post("/profile", form_data())
    client.post("/plan/feed")
    old = CalendarFeed.objects.get().token
    client.post("/plan/feed")
    assert client.get(f"/calendar/feed/{old}.ics").status_code == 404
    assert CalendarFeed.objects.filter(revoked_at__isnull=True).count() == 1


@time_machine.travel(BEFORE_START, tick=False)
@pytest.mark.parametrize(("page", "width_pt"), [("A4", 595), ("Letter", 612)])
def test_the_pdf_handout_comes_in_a4_and_letter(client: Client, page: str, width_pt: int) -> None:
    client.post("/profile", form_data())
    response = client.get("/plan.pdf", {"page": page})
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert round(float(reader.pages[0].mediabox.width)) == width_pt
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Shin Curls" in text
    assert "seed-000" in text or "CURREX" in text


@time_machine.travel(BEFORE_START, tick=False)
def test_an_unknown_page_size_is_refused(client: Client) -> None:
    client.post("/profile", form_data())
    response = client.get("/plan.pdf", {"page": "A3"})
    assert response.status_code == 400
    assert b"page" in response.content


@time_machine.travel(BEFORE_START, tick=False)
def test_with_a_base_url_every_event_links_to_its_session(
    client: Client, settings: SettingsWrapper
) -> None:
    settings.FOOTCORE_BASE_URL = "https://feet.example"
    client.post("/profile", form_data(timezone="Europe/Berlin", time_of_day="07:00"))
    events = _events(client.get("/plan.ics").content)
    assert events
    for event in events:
        url = str(event["URL"])
        assert url.startswith("https://feet.example/")
        if "activation" in event.categories:
            assert url.endswith("?kind=activation")
        path = url.removeprefix("https://feet.example").split("?")[0]
        assert client.get(path).status_code == 200, path
