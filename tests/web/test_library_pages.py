from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_the_library_lists_every_exercise(client: Client) -> None:
    response = client.get("/exercises")
    assert response.status_code == 200
    body = response.content.decode()
    for exercise_id in ("short-foot", "toe-yoga", "big-toe-tap", "heel-raise-towel", "toe-walking"):
        assert f'data-id="{exercise_id}"' in body


def test_it_filters_by_concern(client: Client) -> None:
    body = client.get("/exercises", {"concern": "shin-splints"}).content.decode()
    assert 'data-id="shin-curls"' in body
    assert 'data-id="toe-yoga"' not in body


def test_it_finds_an_exercise_by_its_alias(client: Client) -> None:
    body = client.get("/exercises", {"q": "towel scrunches"}).content.decode()
    assert 'data-id="toe-curls"' in body
    assert 'data-id="calf-raises"' not in body


def test_an_unknown_filter_value_gets_a_400_naming_the_field(client: Client) -> None:
    response = client.get("/exercises", {"equipment": "trampoline"})
    assert response.status_code == 400
    assert "equipment: unknown value &#x27;trampoline&#x27;" in response.content.decode()


def test_the_detail_page_shows_steps_dose_cautions_and_sources(client: Client) -> None:
    body = client.get("/exercises/toe-walking").content.decode()
    assert '<ol class="steps">' in body
    assert "ball" in body.lower()
    assert "seed-000" in body
    assert "2-3 reps" in body or "2-3" in body


def test_an_unknown_exercise_is_a_404_that_suggests_close_ids(client: Client) -> None:
    response = client.get("/exercises/toe-yogaa")
    assert response.status_code == 404
    assert "toe-yoga" in response.content.decode()


def test_the_illustration_is_an_svg_with_a_title(client: Client) -> None:
    response = client.get("/exercises/short-foot/illustration.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<title" in response.content


def test_reading_the_library_writes_nothing_and_asks_little_of_the_database(client: Client) -> None:
    client.get("/exercises")  # warm the catalog cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/exercises").status_code == 200
        assert client.get("/exercises/calf-raises").status_code == 200
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert len(queries) <= 2


def test_pages_pull_nothing_from_the_internet(client: Client) -> None:
    for url in ("/exercises", "/exercises/short-foot"):
        body = client.get(url).content.decode()
        assert "http://" not in body.replace("http://www.w3.org", "")
        assert "https://" not in body


def test_concerns_are_named_in_plain_words_not_slugs(client: Client) -> None:
    body = client.get("/exercises").content.decode()
    assert ">A past stress fracture</option>" in body
    assert ">stress-fracture-history<" not in body
    detail = client.get("/exercises/short-foot").content.decode()
    assert "plantar-fasciitis" not in detail.split("Helps with", 1)[1].split("</dd>", 1)[0]


def test_equipment_and_positions_read_as_words(client: Client) -> None:
    body = client.get("/exercises").content.decode()
    assert ">balance disk</option>" in body
    assert ">balance-disk<" not in body
