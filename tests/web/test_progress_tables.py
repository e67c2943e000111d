"""The progress page's tables print numbers as the templates' `floatformat` did, and its
calendar rows show the summary's weeks (`ProgressSummary.weeks()`) cell by cell."""

from __future__ import annotations

import datetime as dt
import re

from django.template.defaultfilters import floatformat
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.plan import SessionKind
from footcore.domain.progress import PlannedSlot, SessionRecord
from footcore.domain.progress_summary import ProgressSummary, summarize
from footcore.interchange.progress_charts import day_label
from footcore.web.progress.grid import decimals, grid_rows


@given(
    # Minutes and mean pain: sums and means of tenths, 0 to a few thousand.
    value=st.floats(min_value=0.001, max_value=10_000)
    | st.integers(0, 100_000).map(lambda tenths: tenths / 10)
    | st.sampled_from([0.5, 1.5, 2.25, 2.35, 0.05, 9.95, 12.0, 0.0, -0.0]),
    places=st.sampled_from([0, 1]),
)
def test_decimals_match_floatformat(value: float, places: int) -> None:
    assert decimals(value, places) == floatformat(value, places)


def test_halves_round_up_not_to_even() -> None:
    assert [decimals(v, 0) for v in (0.5, 1.5, 2.5)] == ["1", "2", "3"]
    assert decimals(2.25, 1) == "2.3"


_DAY = dt.date(2026, 11, 4)


@st.composite
def _summaries(draw: st.DrawFn) -> ProgressSummary:
    """A window of planned sessions and logs (some unplanned, some partly done)."""
    days = st.integers(-90, 10).map(lambda n: _DAY + dt.timedelta(days=n))
    kinds = st.sampled_from(list(SessionKind))
    slots = draw(st.lists(st.builds(PlannedSlot, days, kinds), max_size=40))
    records = draw(
        st.lists(
            st.builds(
                SessionRecord,
                date=days,
                done_fraction=st.sampled_from([0.0, 0.5, 1.0]),
                minutes=st.just(10.0),
                kind=kinds,
            ),
            max_size=40,
        )
    )
    return summarize(slots, records, [], today=_DAY + dt.timedelta(days=draw(st.integers(0, 6))))


_CELL = re.compile(
    r'<td class="day (?P<css>[a-z-]+)(?P<today> today)?" data-date="(?P<date>[0-9-]+)" '
    r'data-status="(?P=css)" title="[^"]*?(?P<extra>, done in full|, partly done)?"'
)


@given(summary=_summaries())
def test_the_calendar_rows_show_the_summarys_weeks_day_by_day(summary: ProgressSummary) -> None:
    html = str(grid_rows(summary))
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    assert len(rows) == len(summary.weeks())
    for row, week in zip(rows, summary.weeks(), strict=True):
        assert f'<th scope="row">{day_label(week[0].date)}</th>' in row
        shown = [m.groupdict() for m in _CELL.finditer(row)]
        assert [(c["date"], c["css"], bool(c["today"]), c["extra"]) for c in shown] == [
            (
                d.date.isoformat(),
                "rest" if d.status is None else d.status.value,
                d.is_today,
                None
                if d.done_fraction is None
                else ", done in full"
                if d.done_fraction >= 1.0
                else ", partly done",
            )
            for d in week
        ]
