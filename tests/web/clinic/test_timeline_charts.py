"""The client timeline's charts: the runner's own pain and self-test charts, for the
clinician while the client shares logs, as images under the page's CSP."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client as HttpClient
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.clinic.models import AuditEntry, Client
from tests.web.builders import profile_data, screen_user
from tests.web.clinic.builders import (
    MON,
    evening,
    joined,
    make_client,
    make_clinic,
    make_clinician,
    post_json,
    put_json,
    signed_in,
    strength_days,
)
from tests.web.session_builders import log_body

pytestmark = pytest.mark.django_db

CHART = re.compile(r'<img src="(/clinic/clients/\d+/charts/[^"]+)"[^>]*data-chart="([\w-]+)"')


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


def trained_client() -> tuple[Client, HttpClient, HttpClient]:
    """A client who logged two sessions with pain and two heel-raise tests."""
    clinician = make_clinician()
    client = make_client(clinician)
    with time_machine.travel(MON, tick=False):
        # Signed in on the first day, so the sessions outlast the two weeks below.
        phone = joined(client)
        desk = signed_in(clinician.user)
        put_json(phone, "/api/my-clinic/consent", {"share": True})
        put_json(phone, "/api/profile", profile_data())
        screen_user(client.runner, MON.date())
    days = strength_days(client.runner)
    for pain, day in zip((4, 2), [days[0], days[2]], strict=True):
        with time_machine.travel(evening(day), tick=False):
            response = post_json(phone, "/api/logs", log_body(client.runner, day, pain=pain))
            assert response.status_code in (200, 201), response.content
            test = {"test": "heel-raise", "left": 18 + pain, "right": 25, "surface": "incline"}
            assert post_json(phone, "/api/assessments", test).status_code == 201
    return client, desk, phone


def test_the_clinician_sees_pain_and_self_test_charts_drawn_as_svg() -> None:
    client, desk, _ = trained_client()
    with time_machine.travel(MON + dt.timedelta(days=10), tick=False):
        response = desk.get(f"/clinic/clients/{client.pk}")
        page = response.content.decode()
        charts = {kind: url for url, kind in CHART.findall(page)}
        assert set(charts) == {"pain", "heel-raise"}
        assert "script-src" in response["Content-Security-Policy"]
        assert "<script>" not in page
        assert "style=" not in page
        for url in charts.values():
            svg = desk.get(url.replace("&amp;", "&"))
            assert svg.status_code == 200
            assert svg["Content-Type"] == "image/svg+xml"
            assert svg.content.lstrip().startswith((b"<?xml", b"<svg"))
    whats = set(AuditEntry.objects.filter(client=client).values_list("what", flat=True))
    assert {"read the pain chart", "read the heel-raise chart"} <= whats


def test_without_shared_logs_there_are_no_charts_and_their_urls_are_404() -> None:
    client, desk, phone = trained_client()
    with time_machine.travel(MON + dt.timedelta(days=10), tick=False):
        put_json(phone, "/api/my-clinic/consent", {"share": False})
        page = desk.get(f"/clinic/clients/{client.pk}").content.decode()
        assert CHART.findall(page) == []
        assert desk.get(f"/clinic/clients/{client.pk}/charts/pain.svg").status_code == 404
        tests = f"/clinic/clients/{client.pk}/charts/tests/heel-raise.svg"
        assert desk.get(tests).status_code == 404


def test_another_clinic_and_an_unknown_test_get_the_same_404() -> None:
    client, desk, _ = trained_client()
    other = make_clinician("tom", make_clinic("Other Clinic"))
    with time_machine.travel(MON + dt.timedelta(days=10), tick=False):
        stranger = signed_in(other.user)
        theirs = stranger.get(f"/clinic/clients/{client.pk}/charts/pain.svg")
        unknown = desk.get(f"/clinic/clients/{client.pk}/charts/tests/no-such.svg")
    assert theirs.status_code == unknown.status_code == 404
