"""A time-zone name that is not one, at every door: a field error, never a 500."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from typer.testing import CliRunner

from footcore.cli.main import app
from footcore.web.training.models import RunnerProfile
from tests.web.builders import form_data, profile_data

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
LONG_ZONE = "Europe/" + "A" * 300
BAD_ZONES = [LONG_ZONE, "Europe/" + "B" * 250, "a\x00b", "../../etc/passwd", "Europe//Berlin"]


@pytest.mark.parametrize("zone", BAD_ZONES)
@time_machine.travel(NOW, tick=False)
def test_the_api_names_the_time_zone_field(client: Client, zone: str) -> None:
    response = client.put(
        "/api/profile", profile_data(timezone=zone), content_type="application/json"
    )
    assert response.status_code == 422
    assert [p["field"] for p in response.json()["problems"]] == ["timezone"]
    assert not RunnerProfile.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_profile_form_names_the_time_zone_field(client: Client) -> None:
    response = client.post("/profile", form_data(timezone="Europe/" + "C" * 50))
    assert response.status_code == 400
    assert "timezone" in response.content.decode()
    response = client.post("/profile", form_data(timezone=LONG_ZONE))
    assert response.status_code == 400
    assert not RunnerProfile.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_calendar_with_an_over_long_zone_name_still_imports(client: Client) -> None:
    body = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        f"X-WR-TIMEZONE:{LONG_ZONE}\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20261124\r\nSUMMARY:Easy run\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    upload = SimpleUploadedFile("t.ics", body, content_type="text/calendar")
    response = client.post("/profile/calendar", {"calendar": upload})
    assert response.status_code == 200
    assert response.context["imported"]["runs"] == 1


@pytest.mark.parametrize("zone", BAD_ZONES)
def test_plan_with_a_profile_file_names_the_time_zone_field(tmp_path: Path, zone: str) -> None:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile_data(timezone=zone)), encoding="utf-8")
    result = CliRunner().invoke(app, ["plan", "--profile", str(path)])
    assert result.exit_code == 2
    assert "timezone: unknown IANA time zone" in result.output
    assert "Traceback" not in result.output
