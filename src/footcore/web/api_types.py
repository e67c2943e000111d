"""Field types for API bodies that accept only what the schema says.

Pydantic's lax mode would read `true` as the number 1 and `0` as the date 1970-01-01;
a runner who sends either has made a mistake, and is told so with a 422.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator


def _date_text(value: object) -> object:
    if isinstance(value, str):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_date_text)]
"""A calendar date, written `YYYY-MM-DD` in the JSON."""
