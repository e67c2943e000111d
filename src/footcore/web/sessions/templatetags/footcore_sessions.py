"""`{% program_status as status %}`: safety and adaptation state for /today and /plan."""

from __future__ import annotations

from typing import Any

from django import template

from footcore.web.accounts.services import current_user
from footcore.web.runner_clock import runner_today
from footcore.web.sessions.forms import CheckinForm, ClearanceForm
from footcore.web.sessions.selectors import ProgramView, program_view

register = template.Library()


@register.simple_tag(takes_context=True)
def program_status(context: template.Context) -> ProgramView:
    """Read-only: the page's `today` (else the runner's clock) and the signed-in user."""
    request = context["request"]
    today = context.get("today") or runner_today(None)
    return program_view(current_user(request), today)


@register.simple_tag
def checkin_form(status: ProgramView) -> CheckinForm:
    return CheckinForm(initial={"session_date": status.pending_check})


@register.simple_tag
def clearance_form() -> ClearanceForm:
    return ClearanceForm()


@register.filter
def start_href(day: Any) -> str:
    """The guided player's address for a day: `/session/YYYY-MM-DD`."""
    return f"/session/{day:%Y-%m-%d}"
