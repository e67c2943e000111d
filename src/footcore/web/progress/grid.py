"""The progress page's adherence calendar and its tables as ready HTML rows.

Twelve weeks are 84 day cells; rendering each through template tags (three date
filters and a dozen lookups per cell) was most of the page's time and made a page
with a full window several times slower than a new runner's. Each week row is built
here once, every value escaped. The minutes and pain tables likewise: a row per week
through `floatformat` cost a runner with a full window a quarter more than a new one.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from html import escape

from django.utils.safestring import SafeString, mark_safe

from footcore.domain.logbook import PAIN_MAX
from footcore.domain.progress import Adherence
from footcore.domain.progress_summary import ProgressSummary, grid_mark
from footcore.interchange.progress_charts import day_label
from footcore.web.training.plan_page import short_day

STATUS_TEXT = {
    Adherence.DONE: ("done", "✓"),
    Adherence.PARTLY_DONE: ("partly done", "◐"),
    Adherence.MISSED: ("missed", "✗"),
    Adherence.PLANNED: ("planned", "○"),
    Adherence.EXTRA: ("extra session", "+"),
}


def grid_rows(summary: ProgressSummary) -> SafeString:
    """The calendar's body: one `<tr>` per Monday-to-Sunday week of the window.

    Straight from the summary's days, not through `ProgressSummary.weeks()`: a value
    object per cell was most of the grid's time, and the grid's time grows with the
    weeks shown."""
    by_day = {day.date: day for day in summary.days}
    today = summary.today
    rows = []
    for week in summary.week_days():
        cells = []
        for date in week:
            day = by_day.get(date)
            if day is None:  # a rest day: most of a window
                cells.append(_cell_html(date, None, None, date == today))
                continue
            status, fraction = grid_mark(day)
            full = None if fraction is None else fraction >= 1.0
            cells.append(_cell_html(date, status, full, date == today))
        rows.append(
            f'\n      <tr><th scope="row">{day_label(week[0])}</th>{"".join(cells)}</tr>\n    '
        )
    return mark_safe("".join(rows))  # noqa: S308  dates and `_cell_html`'s escaped cells


@lru_cache(maxsize=4096)
def _cell_html(date: dt.date, status: Adherence | None, full: bool | None, is_today: bool) -> str:
    """A day's cell. Every runner's window shows the same few dozen days in one of a
    few states, so each cell is printed once per worker, not once per request."""
    if status is None:
        label, mark, css = "rest day", "", "rest"
    else:
        label, mark = STATUS_TEXT[status]
        css = status.value
        if status is Adherence.EXTRA and full is not None:
            # Counted like any session by the share done (`Tally`): say which.
            label += ", done in full" if full else ", partly done"
    today = " today" if is_today else ""
    shown = escape(f"{short_day(date)}: {label}")
    return (
        f'<td class="day {css}{today}" data-date="{date.isoformat()}" '
        f'data-status="{css}" title="{shown}"><span aria-hidden="true">{mark}</span>'
        f'<span class="vh">{shown}</span></td>'
    )


def minutes_rows(summary: ProgressSummary) -> SafeString:
    """The minutes table's body: a row per week, whole minutes."""
    rows = "".join(
        f"<tr><td>{day_label(w.week_start)}</td><td>{decimals(w.minutes, 0)}</td></tr>"
        for w in summary.weekly_minutes
    )
    return mark_safe(rows)  # noqa: S308  dates and numbers only


def pain_rows(summary: ProgressSummary) -> SafeString:
    """The pain table's body: a row per week, the worst and mean pain and the sessions."""
    rows = "".join(
        f"<tr><td>{day_label(w.week_start)}</td><td>{w.max_0_10}/{PAIN_MAX}</td>"
        f"<td>{decimals(w.mean_0_10, 1)}/{PAIN_MAX}</td><td>{w.sessions}</td></tr>"
        for w in summary.pain
    )
    return mark_safe(rows)  # noqa: S308  dates and numbers only


@lru_cache(maxsize=4096)
def decimals(value: float, places: int) -> str:
    """`value` to `places` decimals, half up, as the templates' `floatformat` prints it
    here (an English locale, no thousands separator). Weekly minutes and pain are
    tenths and small means, the same few hundred values, so each is printed once."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return format(abs(rounded) if rounded == 0 else rounded, "f")
