"""`{% program_status as status %}`: safety and adaptation state for /today and /plan."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.safestring import SafeString, mark_safe

from footcore.domain.plan import PlannedSession
from footcore.web.accounts.services import current_user
from footcore.web.runner_clock import runner_today
from footcore.web.sessions.actions import actions_html
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


@register.simple_tag
def session_actions(
    session: PlannedSession, today: dt.date, logged: frozenset[tuple[dt.date, str]]
) -> SafeString:
    """What a runner can do with a planned session: play or log it, or see its log."""
    return mark_safe(actions_html(session, today, logged))  # noqa: S308  escaped in actions
