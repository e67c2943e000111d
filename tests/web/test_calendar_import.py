from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from footcore.web.training.models import RunnerProfile

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def _calendar() -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//runner//EN"]
    day = dt.date(2026, 10, 5)  # a Monday
    for week in range(6):
        monday = day + dt.timedelta(weeks=week)
        for offset, title in ((1, "Easy run 8 km"), (3, "Intervals 6x800m"), (6, "Long run 24 km")):
            date = monday + dt.timedelta(days=offset)
            lines += [
                "BEGIN:VEVENT",
                f"UID:run-{week}-{offset}@test",
                "DTSTAMP:20261001T000000Z",
                f"DTSTART;VALUE=DATE:{date:%Y%m%d}",
                f"SUMMARY:{title}",
                "END:VEVENT",
            ]
    lines += [
        "BEGIN:VEVENT",
        "UID:race@test",
        "DTSTAMP:20261001T000000Z",
        "DTSTART;VALUE=DATE:20270124",
        "SUMMARY:Half marathon race",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


@time_machine.travel(NOW, tick=False)
def test_a_training_calendar_prefills_run_long_hard_and_race_days(client: Client) -> None:
    upload = SimpleUploadedFile("training.ics", _calendar(), content_type="text/calendar")
    response = client.post("/profile/calendar", {"calendar": upload})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["run_days"] == ["tue", "thu", "sun"]
    assert form.initial["long_run_day"] == "sun"
    assert form.initial["hard_days"] == ["thu"]
    assert "2027-01-24" in form.initial["races"]
    assert not RunnerProfile.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_file_that_is_not_a_calendar_is_refused_naming_the_line(client: Client) -> None:
    upload = SimpleUploadedFile("x.ics", b"<html>login</html>", content_type="text/calendar")
    response = client.post("/profile/calendar", {"calendar": upload})
    assert response.status_code == 400
    assert "line 1" in response.content.decode()


def test_the_import_needs_a_file(client: Client) -> None:
    response = client.post("/profile/calendar", {})
    assert response.status_code == 400


@time_machine.travel(NOW, tick=False)
def test_a_rule_that_would_loop_forever_is_answered_at_once_naming_its_line(
    client: Client,
) -> None:
    body = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        b"DTSTART:20261110T070000Z\r\nRRULE:FREQ=DAILY;INTERVAL=0\r\nSUMMARY:Easy run\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    upload = SimpleUploadedFile("t.ics", body, content_type="text/calendar")
    response = client.post("/profile/calendar", {"calendar": upload})
    assert response.status_code == 200
    (problem,) = response.context["imported"]["problems"]
    assert problem.startswith("line 7, 'Easy run': its RRULE has INTERVAL=0")
    assert problem in response.content.decode().replace("&#x27;", "'")


def test_an_upload_over_the_size_budget_is_refused_before_it_is_read(client: Client) -> None:
    big = b"BEGIN:VCALENDAR\r\n" + b"X" * (6 * 1024 * 1024)
    upload = SimpleUploadedFile("big.ics", big, content_type="text/calendar")
    response = client.post("/profile/calendar", {"calendar": upload})
    assert response.status_code == 413
    assert b"5 MB" in response.content
