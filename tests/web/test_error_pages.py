"""Error pages are in the site's layout, in plain words, with ways on."""

from __future__ import annotations

import pytest
from django.test import Client

from footcore.web.training import selectors

pytestmark = pytest.mark.django_db


def assert_friendly(response: object, status: int, title: str) -> str:
    assert getattr(response, "status_code", None) == status
    html = getattr(response, "content", b"").decode()
    assert f"<h1>{title}</h1>" in html
    assert 'aria-label="Main"' in html, "the site's navigation is there"
    assert 'href="/today"' in html
    assert 'href="/exercises"' in html
    assert "Resolver404" not in html
    assert "Traceback" not in html
    return html


def test_an_unknown_address_gets_a_404_page_without_django_internals(client: Client) -> None:
    html = assert_friendly(client.get("/no/such/page"), 404, "Page not found")
    assert "tried" not in html
    assert "path" not in html.split("<main", 1)[1].split("</main>")[0]


def test_a_404_with_a_message_for_people_shows_it(client: Client) -> None:
    html = assert_friendly(client.get("/session/tomorrow"), 404, "Page not found")
    assert "is not a date" in html


def test_a_get_of_the_check_in_address_says_where_its_form_is(client: Client) -> None:
    response = client.get("/checkin")
    html = assert_friendly(response, 405, "This address takes a form")
    assert response["Allow"] == "POST"
    assert 'href="/today">Go to Today' in html


def test_a_get_of_the_clearance_address_says_where_its_form_is(client: Client) -> None:
    html = assert_friendly(client.get("/safety/clearance"), 405, "This address takes a form")
    assert "clearance form shows on Today" in html


def test_a_get_of_the_feed_address_points_to_the_plan(client: Client) -> None:
    html = assert_friendly(client.get("/plan/feed"), 405, "This address takes a form")
    assert 'href="/plan">Go to your plan' in html


def test_the_api_keeps_its_own_405(client: Client) -> None:
    response = client.delete("/api/exercises")
    assert response.status_code == 405
    assert b"<h1>" not in response.content


def test_a_form_without_its_csrf_token_gets_a_friendly_403() -> None:
    strict = Client(enforce_csrf_checks=True)
    html = assert_friendly(strict.post("/checkin", {}), 403, "Not allowed")
    assert "Reload the page" in html


def test_a_crash_gets_a_500_page_in_the_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(selectors, "get_profile", broken)
    response = Client(raise_request_exception=False).get("/today")
    html = assert_friendly(response, 500, "Something went wrong on our side")
    assert "boom" not in html


def test_a_bad_request_gets_a_400_page(client: Client) -> None:
    # A Host header Django refuses raises SuspiciousOperation, answered with 400.
    assert_friendly(
        client.get("/exercises", HTTP_HOST="bad host"), 400, "That request could not be read"
    )


def test_an_unknown_api_address_answers_in_the_apis_error_shape(client: Client) -> None:
    response = client.get("/api/no/such/thing")
    assert response.status_code == 404
    assert response.json() == {"detail": "Page not found", "problems": []}
