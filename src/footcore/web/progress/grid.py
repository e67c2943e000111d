"""The progress page's adherence calendar as ready HTML rows.

Twelve weeks are 84 day cells; rendering each through template tags (three date
filters and a dozen lookups per cell) was most of the page's time and made a page
with a full window several times slower than a new runner's. Each week row is built
here once, every value escaped.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from footcore.domain.progress import Adherence
from footcore.domain.progress_summary import GridDay, ProgressSummary
from footcore.interchange.progress_charts import day_label
from footcore.web.training.plan_page import short_day

STATUS_TEXT = {
    Adherence.DONE: ("done", "✓"),
    Adherence.PARTLY_DONE: ("partly done", "◐"),
    Adherence.MISSED: ("missed", "✗"),
    Adherence.PLANNED: ("planned", "○"),
    Adherence.EXTRA: ("extra session", "+"),
}


def grid_rows(summary: ProgressSummary) -> tuple[SafeString, ...]:
    """One `<tr>` per Monday-to-Sunday week of the window."""
    return tuple(_row(week) for week in summary.weeks())


def _row(week: tuple[GridDay, ...]) -> SafeString:
    cells = "".join(_cell(day) for day in week)
    html = f'<tr><th scope="row">{day_label(week[0].date)}</th>{cells}</tr>'
    return mark_safe(html)  # noqa: S308  every value above is escaped


def _cell(day: GridDay) -> str:
    if day.status is None:
        label, mark, css = "rest day", "", "rest"
    else:
        label, mark = STATUS_TEXT[day.status]
        css = day.status.value
    today = " today" if day.is_today else ""
    shown = escape(f"{short_day(day.date)}: {label}")
    return (
        f'<td class="day {css}{today}" data-date="{day.date.isoformat()}" '
        f'data-status="{css}" title="{shown}"><span aria-hidden="true">{mark}</span>'
        f'<span class="vh">{shown}</span></td>'
    )
