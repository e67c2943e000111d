"""Domain numbers every template may show, so no page retypes them."""

from __future__ import annotations

from django.http import HttpRequest

from footcore.domain.logbook import PAIN_MAX, PAIN_MIN
from footcore.domain.profile import SESSIONS_RANGE
from footcore.domain.safety import ACCEPTABLE_MAX, FINE_MAX, RED_FLAG_SCREEN_FROM

PAIN_SCALE = {
    "min": PAIN_MIN,
    "max": PAIN_MAX,
    "fine_max": FINE_MAX,
    "acceptable_max": ACCEPTABLE_MAX,
    "red_flag_from": RED_FLAG_SCREEN_FROM,
}


SESSIONS_PER_WEEK = {"min": SESSIONS_RANGE[0], "max": SESSIONS_RANGE[1]}


def domain_numbers(request: HttpRequest) -> dict[str, object]:
    return {"pain_scale": PAIN_SCALE, "sessions_per_week": SESSIONS_PER_WEEK}
