"""The guided-session page and its service worker, through Django's test client."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.domain.timeline import build_timeline, timeline_to_dicts
from footcore.web.accounts.services import local_runner
from footcore.web.library.selectors import catalog
from footcore.web.training import selectors, services
from footcore.web.training.models import PlannedSession
from tests.web.builders import answer_screen, form_data, profile_data, screen_user

pytestmark = pytest.mark.django_db

BEFORE_START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def plan_for(user: User, **over: Any) -> PlannedSession:
    """Store a profile and plan for `user`; the first strength session."""
    with time_machine.travel(BEFORE_START, tick=False):
        services.save_profile(user=user, data=profile_data(**over), today=BEFORE_START.date())
        screen_user(user, BEFORE_START.date())
    return PlannedSession.objects.filter(user=user, kind="strength").order_by("date").first()  # type: ignore[return-value]


def embedded(body: str) -> dict[str, Any]:
    match = re.search(r'<script id="player-data" type="application/json">(.*?)</script>', body)
    assert match, "the page embeds the player data"
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def test_the_page_embeds_the_sessions_timeline_with_illustrations(client: Client) -> None:
    row = plan_for(local_runner())
    response = client.get(f"/session/{row.date.isoformat()}")
    assert response.status_code == 200
    data = embedded(response.content.decode())
    assert data["date"] == row.date.isoformat()
    assert data["kind"] == "strength"
    assert [i["exercise"] for i in data["items"]] == [i["exercise"] for i in row.items]
    first = data["items"][0]
    assert first["illustration"] == f"/exercises/{first['exercise']}/illustration.svg"
    assert first["illustration"] in data["precache"]
    assert "/static/footcore/player.js" in data["precache"]


def test_the_joined_segments_are_the_whole_sessions_timeline(client: Client) -> None:
    user = local_runner()
    row = plan_for(user)
    data = embedded(client.get(f"/session/{row.date.isoformat()}").content.decode())
    (session,) = [s for s in selectors.sessions_on(user, row.date) if s.kind.value == "strength"]
    names = {e.id: e.name for e in catalog().exercises}
    whole = timeline_to_dicts(build_timeline(session.items, names=names))
    joined = [s for item in data["items"] for s in item["steps"]] + [data["done"]]
    keep = ("kind", "exercise", "duration_s", "spoken", "display")
    assert [{k: s[k] for k in keep} for s in joined] == [{k: s[k] for k in keep} for s in whole]


def test_swap_options_respect_the_runners_pain_and_come_prebuilt(client: Client) -> None:
    row = plan_for(local_runner(), pain=["heel"], equipment=[])
    data = embedded(client.get(f"/session/{row.date.isoformat()}").content.decode())
    offered = [a for item in data["items"] for a in item["alternatives"]]
    assert offered, "at least one exercise of the session has an alternative"
    assert "heel-walking" not in {a["exercise"] for a in offered}
    in_session = {i["exercise"] for i in data["items"]}
    for alternative in offered:
        assert alternative["exercise"] not in in_session
        assert alternative["steps"][-1]["exercise"] == alternative["exercise"]


def test_the_kind_parameter_picks_the_warm_up_on_a_day_with_both(client: Client) -> None:
    user = local_runner()
    plan_for(user)
    days = PlannedSession.objects.filter(user=user).values_list("date", "kind")
    by_day: dict[dt.date, set[str]] = {}
    for day, kind in days:
        by_day.setdefault(day, set()).add(kind)
    both = min(d for d, kinds in by_day.items() if kinds == {"strength", "activation"})
    assert embedded(client.get(f"/session/{both}").content.decode())["kind"] == "strength"
    warm_up = client.get(f"/session/{both}?kind=activation")
    assert embedded(warm_up.content.decode())["kind"] == "activation"


def test_an_unknown_kind_is_a_404_naming_the_parameter(client: Client) -> None:
    row = plan_for(local_runner())
    response = client.get(f"/session/{row.date.isoformat()}?kind=yoga")
    assert response.status_code == 404
    assert "kind" in response.content.decode()


@pytest.mark.parametrize("day", ["tomorrow", "2026-13-01", "2026-1-5", "20261205"])
def test_a_bad_date_is_a_404_that_says_how_to_write_one(client: Client, day: str) -> None:
    plan_for(local_runner())
    response = client.get(f"/session/{day}")
    assert response.status_code == 404
    assert "YYYY-MM-DD" in response.content.decode()


def test_a_day_without_a_session_gets_a_friendly_page_linking_to_today(client: Client) -> None:
    plan_for(local_runner())
    response = client.get("/session/2030-01-01")
    assert response.status_code == 404
    body = response.content.decode()
    assert "No session to play" in body
    assert 'href="/today"' in body
    assert "player-data" not in body


def test_a_runner_without_a_profile_is_sent_to_the_profile_form(client: Client) -> None:
    response = client.get("/session/2026-12-07")
    assert response.status_code == 302
    assert response["Location"] == "/profile"


def test_the_page_carries_a_strict_content_security_policy(client: Client) -> None:
    row = plan_for(local_runner())
    response = client.get(f"/session/{row.date.isoformat()}")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


def test_the_service_worker_is_served_from_the_root_with_a_wide_scope(client: Client) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert b"footcore-player-v" in response.content


def test_the_service_worker_needs_no_sign_in_in_multi_user_mode(
    client: Client, settings: SettingsWrapper
) -> None:
    settings.PERSONAL_MODE = False
    assert client.get("/sw.js").status_code == 200
    assert client.get("/session/2026-12-07").status_code == 302


def test_another_user_cannot_open_someone_elses_session(
    client: Client, settings: SettingsWrapper
) -> None:
    settings.PERSONAL_MODE = False
    alice = User.objects.create_user("alice", password="a-long-passphrase-1")
    bob = User.objects.create_user("bob", password="a-long-passphrase-2")
    row = plan_for(alice)
    client.force_login(bob)
    response = client.get(f"/session/{row.date.isoformat()}")
    assert response.status_code == 302  # bob has no profile: sent to make one
    plan_for(bob, run_days=["tue", "thu", "sat"], long_run_day="sat", hard_days=["thu"])
    alice_days = set(PlannedSession.objects.filter(user=alice).values_list("date", flat=True))
    bob_days = set(PlannedSession.objects.filter(user=bob).values_list("date", flat=True))
    only_alice = min(alice_days - bob_days)
    response = client.get(f"/session/{only_alice.isoformat()}")
    assert response.status_code == 404
    assert "player-data" not in response.content.decode()
    client.force_login(alice)
    assert client.get(f"/session/{only_alice.isoformat()}").status_code == 200


def test_a_plan_made_through_the_onboarding_form_can_be_played(client: Client) -> None:
    with time_machine.travel(BEFORE_START, tick=False):
        client.post("/profile", form_data())
        answer_screen(client)
    row = PlannedSession.objects.filter(kind="strength").order_by("date").first()
    assert row is not None
    assert client.get(f"/session/{row.date.isoformat()}").status_code == 200
