"""footcore can be added to a phone's home screen: a manifest and its icons."""

from __future__ import annotations

import json
import re
import struct

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def manifest(client: Client) -> dict[str, object]:
    html = client.get("/exercises").content.decode()
    match = re.search(r'<link rel="manifest" href="([^"]+)">', html)
    assert match, "base.html links the manifest"
    response = client.get(match.group(1))
    assert response.status_code == 200
    data: dict[str, object] = json.loads(b"".join(response.streaming_content))  # type: ignore[attr-defined]
    return data


def png_size(body: bytes) -> tuple[int, int]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", body[16:24])
    return width, height


def test_every_page_links_the_manifest_and_a_theme_colour(client: Client) -> None:
    html = client.get("/exercises").content.decode()
    assert '<meta name="theme-color"' in html
    assert 'rel="apple-touch-icon"' in html


def test_the_manifest_opens_today_standalone(client: Client) -> None:
    data = manifest(client)
    assert data["start_url"] == "/today"
    assert data["display"] == "standalone"
    assert data["short_name"] == "footcore"


def test_the_manifest_icons_exist_in_the_sizes_they_claim(client: Client) -> None:
    icons = manifest(client)["icons"]
    assert isinstance(icons, list)
    sizes = set()
    for icon in icons:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon["src"]
        body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        if icon["type"] == "image/png":
            width, height = png_size(body)
            assert icon["sizes"] == f"{width}x{height}"
            sizes.add(width)
        else:
            assert body.startswith(b"<svg")
    assert {192, 512} <= sizes
