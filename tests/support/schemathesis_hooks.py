"""Schemathesis hooks for `api_fuzz`: every request carries the CSRF pair a write needs.

Django checks that a write's `X-CSRFToken` header matches its `csrftoken` cookie. The
session cookie is left to schemathesis (it is the schema's auth scheme), so only the
CSRF pair is added here, and only where the case did not set a cookie of that name.
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    token = os.environ["FOOTCORE_FUZZ_CSRF"]
    case.cookies = {**(case.cookies or {}), "csrftoken": token}
    case.headers = {**(case.headers or {}), "X-CSRFToken": token}
