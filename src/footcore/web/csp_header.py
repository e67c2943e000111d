"""django-csp's middleware, with the site-wide policy's header built once.

django-csp builds the Content-Security-Policy header from the settings on every
response (about 5% of logging a session's CPU, bench/log_throughput.py), although
it only changes when a view adds to it (`csp_update`), replaces it, or uses a nonce.
Responses with none of those get the header built once from the settings (rebuilt
when a test changes them); every other response goes through django-csp as it is.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

_PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
"""What a view's decorator sets on its response to change the policy for it."""


class CSPMiddleware(DjangoCSPMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, name, None) is not None for name in _PER_RESPONSE)
            or settings.DEBUG
        ):
            return super().process_response(request, response)
        path = request.path_info
        for header, exempt, excluded, value in _site_headers():
            wanted = value and not path.startswith(excluded)
            if wanted and header not in response and not getattr(response, exempt, False):
                response[header] = value
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response


@lru_cache(maxsize=1)
def _site_headers() -> tuple[tuple[str, str, tuple[str, ...], str], ...]:
    """(header, response's exempt flag, excluded path prefixes, value) for the policy
    and its report-only twin, as django-csp builds them with no per-view parts."""

    def prefixes(name: str) -> tuple[str, ...]:
        policy: dict[str, Any] = getattr(settings, name, None) or {}
        return tuple(policy.get("EXCLUDE_URL_PREFIXES") or ())

    return (
        (HEADER, "_csp_exempt", prefixes("CONTENT_SECURITY_POLICY"), build_policy()),
        (
            HEADER_REPORT_ONLY,
            "_csp_exempt_ro",
            prefixes("CONTENT_SECURITY_POLICY_REPORT_ONLY"),
            build_policy(report_only=True),
        ),
    )


@receiver(setting_changed)
def _forget_headers(*, setting: str, **_: object) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting == "DEBUG":
        _site_headers.cache_clear()
