"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

CHROMIUM = os.environ.get("FOOTCORE_CHROMIUM", "/usr/bin/chromium")


def strict_skips() -> bool:
    """CI sets FOOTCORE_REQUIRE_ALL=1 so a missing browser or database fails the run."""
    return os.environ.get("FOOTCORE_REQUIRE_ALL", "").strip().lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> None:
    if strict_skips():
        pytest.fail(f"{reason} (FOOTCORE_REQUIRE_ALL is set, so this is a failure, not a skip)")
    pytest.skip(reason)


@pytest.fixture
def scratch_database_url() -> Iterator[str]:
    """A new, empty database on the server of FOOTCORE_TEST_POSTGRES_URL, dropped after."""
    server = os.environ.get("FOOTCORE_TEST_POSTGRES_URL", "")
    if not server:
        skip_or_fail("FOOTCORE_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
    import psycopg

    parts = urlsplit(server)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    name = f"footcore_scratch_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        skip_or_fail(f"PostgreSQL at FOOTCORE_TEST_POSTGRES_URL is not reachable: {exc}")
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (no browser download)."""
    if shutil.which(CHROMIUM) is None and not os.path.exists(CHROMIUM):
        skip_or_fail(f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        skip_or_fail("playwright is not installed")
    # Playwright's sync API runs an event loop; Django must not treat tests as async.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh phone-sized browser page; `page.base` is the live server URL."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" else None,
    )
    page.console_errors = errors
    yield page
    context.close()
