"""`{% program_status as status %}`: safety and adaptation state for /today and /plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from footcore.domain.plan import PlannedSession, SessionKind
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


@register.inclusion_tag("footcore/session_actions.html")
def session_actions(
    session: PlannedSession, today: dt.date, logged: frozenset[tuple[dt.date, str]]
) -> dict[str, Any]:
    """What a runner can do with a planned session: play or log it, or see its log.

    A session is logged on its day or later; before that it can be previewed.
    """
    kind = session.kind.value
    query = "" if session.kind is SessionKind.STRENGTH else f"?kind={kind}"
    return {
        "session": session,
        "assessment": session.kind is SessionKind.ASSESSMENT,
        "logged": (session.date, kind) in logged,
        "due": session.date <= today,
        "play_href": f"/session/{session.date:%Y-%m-%d}{query}",
        "log_href": f"/log/{session.date:%Y-%m-%d}?kind={kind}",
    }
