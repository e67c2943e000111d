"""The first visit: what footcore is, and the ways in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from footcore.web.accounts.services import local_runner
from footcore.web.training.services import save_profile
from tests.web.builders import profile_data

pytestmark = pytest.mark.django_db


def test_a_first_visit_says_what_footcore_is_and_offers_the_ways_in(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "foot-and-ankle strength coach for runners" in html
    assert 'href="/profile">Set up my running week' in html
    assert 'href="/exercises">Browse the exercises' in html


def test_the_welcome_offers_no_way_that_leads_nowhere(client: Client) -> None:
    # The clinician side (codes from a physio) does not exist yet: no dead-end form.
    html = client.get("/").content.decode().lower()
    assert "physio" not in html
    assert "<form" not in html.split("<main", 1)[1]


def test_a_runner_with_a_plan_goes_straight_to_today(client: Client) -> None:
    save_profile(user=local_runner(), data=profile_data(), today=dt.date(2026, 12, 1))
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/today"


def test_a_new_profile_form_loads_the_time_zone_script(client: Client) -> None:
    html = client.get("/profile").content.decode()
    assert "footcore/profile.js" in html
    assert "data-browser-timezone" in html


def test_a_stored_profile_keeps_its_own_time_zone(client: Client) -> None:
    save_profile(user=local_runner(), data=profile_data(), today=dt.date(2026, 12, 1))
    assert "footcore/profile.js" not in client.get("/profile").content.decode()
