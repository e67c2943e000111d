"""The /plan page's view model: every label, class and link worked out once in Python.

A 52-week plan holds hundreds of sessions; rendering each through template tags (a
URL lookup per exercise, a date filter per session) was most of the page's time.
Here links are built from one reversed prefix, dates are formatted by the domain's
own labels, and each session's exercise list is one escaped HTML fragment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from footcore.domain.catalog import Dose
from footcore.domain.plan import Plan, PlanItem, PlannedSession
from footcore.domain.prescription import Frequency, Prescription
from footcore.web.sessions.actions import actions_html
from footcore.web.training.templatetags.footcore import minutes

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class WeekRow:
    index: int
    kind: str
    notes: tuple[str, ...]
    sessions: tuple[str, ...]
    """Each session as its `<details>` element, every value in it escaped."""

    def html(self) -> str:
        """The whole week as its `<section>`, every value escaped: a template loop over
        hundreds of sessions and notes cost more than the page's data (bench/pages.py)."""
        notes = "".join(f'<p class="week-note">{escape(note)}</p>' for note in self.notes)
        sessions = "\n".join(self.sessions)
        return (
            f'<section class="week" data-week="{self.index}" aria-labelledby="week-{self.index}">'
            f'<h2 id="week-{self.index}">Week {self.index} <span class="tag">'
            f"{escape(self.kind)}</span></h2>{notes}\n{sessions}\n</section>"
        )


def weeks_html(rows: tuple[WeekRow, ...]) -> SafeString:
    """Every week's `<section>`, marked safe once for the page: marking each of a long
    plan's hundreds of sessions copied every one of them again."""
    return mark_safe("".join(f"\n{row.html()}\n" for row in rows))  # noqa: S308  escaped in `html`


def short_day(day: dt.date) -> str:
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def plan_rows(
    plan: Plan,
    today: dt.date,
    names: Mapping[str, str],
    logged: Collection[tuple[dt.date, str]] = frozenset(),
) -> tuple[WeekRow, ...]:
    """The plan's weeks as rows ready to print, past and today's sessions marked, each
    with its buttons (`logged`: the `(date, kind)` of every logged session)."""
    prefix = exercise_prefix()
    # A plan repeats the same few lists of items (every activation, a week's strength
    # sessions): each list is printed once per page. The stored plan's sessions share
    # one tuple per distinct list (`selectors.stored_items`), and every tuple outlives
    # this call, so its id is a safe key here.
    printed: dict[int, str] = {}

    def items_html(items: tuple[PlanItem, ...]) -> str:
        found = printed.get(id(items))
        if found is None:
            found = printed[id(items)] = _items(items, names, prefix)
        return found

    return tuple(
        WeekRow(
            index=week.index,
            kind=week.kind.value,
            notes=week.notes,
            sessions=tuple(_session(s, today, items_html, logged) for s in week.sessions),
        )
        for week in plan.weeks
    )


def exercise_prefix() -> str:
    """Every exercise page's link but the id: one reverse() for a page's links (ids
    are slugs, so nothing in them needs quoting)."""
    return reverse("exercise-detail", args=["x"])[:-1]


def _items(items: tuple[PlanItem, ...], names: Mapping[str, str], prefix: str) -> str:
    # html.escape, not Django's lazy-aware escape: every value here is a plain str.
    return "\n".join(
        f'<li><a href="{escape(prefix + item.exercise)}">'
        f"{escape(names.get(item.exercise, item.exercise))}</a> — {_dose_text(item.dose)}"
        f'<br><span class="reason">{escape(item.reason)}</span></li>'
        for item in items
    )


def _session(
    session: PlannedSession,
    today: dt.date,
    items_html: Callable[[tuple[PlanItem, ...]], str],
    logged: Collection[tuple[dt.date, str]],
) -> str:
    """The session's `<details>` element, every value in it escaped."""
    kind = session.kind.value
    css = kind
    if session.date < today:
        css += " past"
    elif session.date == today:
        css += " today"
    items = items_html(session.items)
    reason = f'<p class="reason">{escape(session.reason)}</p>' if session.reason else ""
    html = (
        f'<details class="session {css}" data-date="{session.date.isoformat()}" '
        f'data-kind="{kind}"><summary><strong>{short_day(session.date)}</strong> · {kind} · '
        f"{minutes(session.estimated_s)} min</summary>{reason}"
        f'<ol class="items">{items}</ol>{actions_html(session, today, logged)}</details>'
    )
    return html


@lru_cache(maxsize=4096)
def _dose_text(dose: Dose) -> str:
    """Doses are frozen values and repeat across a plan: each is described once."""
    return escape(dose.describe())


def notes_html(notes: tuple[str, ...]) -> SafeString:
    """The plan's warnings, each its `<p class="note">`."""
    return mark_safe("".join(f'<p class="note">{escape(note)}</p>' for note in notes))  # noqa: S308


def prescription_rows(
    prescription: Prescription, names: Mapping[str, str], prefix: str
) -> SafeString:
    """The prescription table's body rows, every value escaped: a template loop of a
    dozen tags per row cost more than the rest of the table."""
    rows = []
    for item in prescription.items:
        why = escape(item.reason)
        if item.criterion:
            why += f". Steps up: {escape(item.criterion)}"
        course = f"{item.course_weeks} weeks" if item.course_weeks else "open"
        name = escape(names.get(item.exercise, item.exercise))
        rows.append(
            f"""
      <tr data-exercise="{escape(item.exercise)}" data-role="{escape(item.role.value)}">
        <td><a href="{escape(prefix + item.exercise)}">{name}</a></td>
        <td>{_dose_text(item.dose)}</td>
        <td>{_how_often(item.frequency, item.per_week)}</td>
        <td>{course}</td>
        <td>{why}</td>
      </tr>
    """
        )
    return mark_safe("".join(rows))  # noqa: S308  every value above is escaped


def _how_often(frequency: Frequency, per_week: int) -> str:
    if frequency is Frequency.PER_WEEK:
        return f"{per_week} a week"
    if frequency is Frequency.EVERY_SECOND_DAY:
        return "every second day"
    if frequency is Frequency.DAILY:
        return "daily"
    return "warm-up before runs"


def last_change(prescription: Prescription) -> str:
    """Who changed the prescription last, when and why, as the page says it."""
    if not prescription.history:
        return ""
    change = prescription.history[-1]
    on = change.on
    return (
        f"Last changed by {change.by} on {on.day} {_MONTHS[on.month - 1]} {on.year}: {change.why}."
    )
