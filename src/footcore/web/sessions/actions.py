"""What a runner can do with a planned session, as the buttons /plan and /today show.

One place decides it, so the plan's rows, Today and the calendar agree: a session is
played (or logged without the player) from its day on, previewed before it, and once
logged offers its log; a retest day leads to the self-tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from html import escape

from footcore.domain.plan import PlannedSession, SessionKind

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def play_href(session: PlannedSession) -> str:
    query = "" if session.kind is SessionKind.STRENGTH else f"?kind={session.kind.value}"
    return f"/session/{session.date.isoformat()}{query}"


def log_href(session: PlannedSession) -> str:
    return f"/log/{session.date.isoformat()}?kind={session.kind.value}"


def actions_html(
    session: PlannedSession, today: dt.date, logged: Collection[tuple[dt.date, str]]
) -> str:
    """The session's buttons as an escaped HTML fragment (`<p class="actions">`)."""
    if session.kind is SessionKind.ASSESSMENT:
        style = "button" if session.date <= today else "button secondary"
        inner = f'<a class="{style}" href="/assess">Do the foot self-tests</a>'
    elif (session.date, session.kind.value) in logged:
        inner = (
            '<span class="tag logged">Logged</span> '
            f'<a class="button secondary" href="{escape(log_href(session))}">See the log</a>'
        )
    elif session.date <= today:
        inner = (
            f'<a class="button start" href="{escape(play_href(session))}">Start</a> '
            f'<a class="button secondary" href="{escape(log_href(session))}">'
            "Log it without the player</a>"
        )
    else:
        day = session.date
        when = f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
        inner = (
            f'<a class="button secondary" href="{escape(play_href(session))}">Preview</a> '
            f'<span class="reason">Can be logged from {when}.</span>'
        )
    return f'<p class="actions">{inner}</p>'
