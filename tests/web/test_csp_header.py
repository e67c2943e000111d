"""The site-wide policy's header, built once, is the header django-csp builds; a view
that changes its policy, an exempt response and a nonce still go through django-csp."""

from __future__ import annotations

import pytest
from csp.constants import NONCE
from csp.decorators import csp_exempt
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.web.csp_header import CSPMiddleware

pytestmark = pytest.mark.django_db


def through(middleware_class: type[DjangoCSPMiddleware], view: object) -> HttpResponse:
    request = RequestFactory().get("/somewhere")
    middleware = middleware_class(view)  # type: ignore[arg-type]
    middleware.process_request(request)
    response = view(request)  # type: ignore[operator]
    return middleware.process_response(request, response)  # type: ignore[return-value]


def plain(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def test_a_page_and_an_api_answer_carry_django_csps_own_header(client: Client) -> None:
    expected = build_policy()
    assert client.get("/exercises")["Content-Security-Policy"] == expected
    assert client.get("/api/exercises")["Content-Security-Policy"] == expected
    assert through(CSPMiddleware, plain)["Content-Security-Policy"] == expected
    assert through(DjangoCSPMiddleware, plain)["Content-Security-Policy"] == expected


def test_a_view_that_adds_to_its_policy_gets_the_addition(client: Client) -> None:
    policy = client.get("/exercises/short-foot/illustration.svg")["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert client.get("/exercises")["Content-Security-Policy"] == build_policy()


def test_an_exempt_response_gets_no_header() -> None:
    assert "Content-Security-Policy" not in through(CSPMiddleware, csp_exempt()(plain))


def test_a_page_that_uses_a_nonce_gets_it_in_its_header(settings: SettingsWrapper) -> None:
    policy = {**settings.CONTENT_SECURITY_POLICY}
    policy["DIRECTIVES"] = {**policy["DIRECTIVES"], "script-src": ["'self'", NONCE]}
    settings.CONTENT_SECURITY_POLICY = policy
    seen: list[str] = []

    def with_nonce(request: HttpRequest) -> HttpResponse:
        seen.append(str(request.csp_nonce))  # type: ignore[attr-defined]
        return HttpResponse("ok")

    header = through(CSPMiddleware, with_nonce)["Content-Security-Policy"]
    assert f"script-src 'self' 'nonce-{seen[0]}'" in header
    assert "'nonce-" not in through(CSPMiddleware, plain)["Content-Security-Policy"]


def test_changed_settings_change_the_header(settings: SettingsWrapper, client: Client) -> None:
    policy = {**settings.CONTENT_SECURITY_POLICY}
    policy["DIRECTIVES"] = {**policy["DIRECTIVES"], "img-src": ["'self'", "blob:"]}
    settings.CONTENT_SECURITY_POLICY = policy
    assert "img-src 'self' blob:" in client.get("/exercises")["Content-Security-Policy"]
