"""The plan as files a runner keeps: calendar and printable hand-out.

One place that decides the options (time zone, reminder, calendar name,
illustrations) so the CLI, the web page and the calendar feed agree.
"""

from __future__ import annotations

import datetime as dt

from footcore.domain.catalog import Catalog, Exercise
from footcore.domain.plan import Plan
from footcore.domain.profile import Profile
from footcore.figure import render_png_free_svg_for_pdf
from footcore.interchange.ics_export import plan_to_ics
from footcore.interchange.pdf_handout import PageSize, plan_handout_pdf

CALENDAR_NAME = "footcore: foot strength"
REMINDER_MIN = 15


def plan_ics(
    plan: Plan,
    catalog: Catalog,
    profile: Profile,
    *,
    user_key: str,
    stamp: dt.datetime | None = None,
    base_url: str | None = None,
) -> bytes:
    """iCalendar bytes in the runner's time zone at their preferred times (or all-day);
    with `base_url`, every event links to its session."""
    return plan_to_ics(
        plan,
        catalog,
        tz=profile.timezone,
        time_of_day=profile.time_of_day,
        strength_time=profile.strength_time,
        base_url=base_url,
        user_key=user_key,
        calendar_name=CALENDAR_NAME,
        stamp=stamp or dt.datetime.now(dt.UTC),
        reminder_min=REMINDER_MIN,
    )


def _illustration(exercise: Exercise) -> str:
    return render_png_free_svg_for_pdf(exercise.illustration)


def plan_pdf(
    plan: Plan, catalog: Catalog, *, page: PageSize, runner_name: str | None = None
) -> bytes:
    """A printable hand-out (A4 or Letter) with illustrations."""
    return plan_handout_pdf(
        plan, catalog, runner_name=runner_name, page=page, illustration_svg=_illustration
    )
