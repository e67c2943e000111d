"""One tally behind every progress view: a property test that the grid, the counts and
the minutes agree, whatever was planned and logged (the PDF: tests/interchange)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.plan import SessionKind
from footcore.domain.progress import Adherence, PlannedSlot, SessionRecord
from footcore.domain.progress_summary import ProgressSummary, summarize

TODAY = dt.date(2026, 12, 16)
KINDS = (SessionKind.STRENGTH, SessionKind.ACTIVATION)
days = st.integers(-20, 6).map(lambda offset: TODAY + dt.timedelta(days=offset))
slots = st.builds(PlannedSlot, days, st.sampled_from(KINDS))
records = st.builds(
    SessionRecord,
    date=days.filter(lambda d: d <= TODAY),
    done_fraction=st.sampled_from([0.0, 0.25, 0.5, 1.0]),
    minutes=st.sampled_from([0.0, 2.5, 10.0]),
    pain_0_10=st.none() | st.integers(0, 10),
    kind=st.sampled_from(KINDS),
)


def summary_of(planned: list[PlannedSlot], logged: list[SessionRecord]) -> ProgressSummary:
    return summarize(planned, logged, [], today=TODAY)


@given(st.lists(slots, max_size=12), st.lists(records, max_size=12))
def test_the_counts_add_up_to_every_session_of_the_calendar(
    planned: list[PlannedSlot], logged: list[SessionRecord]
) -> None:
    summary = summary_of(planned, logged)
    t = summary.tally

    assert t.done + t.partly + t.missed + t.ahead == len(summary.calendar)
    assert t.unplanned == summary.count(Adherence.EXTRA)
    assert t.minutes == summary.total_minutes
    assert t.logged == sum(e.done_fraction is not None for e in summary.calendar)
    # Work done is never lost: a session with any of it done is done or partly done.
    worked = sum(1 for e in summary.calendar if (e.done_fraction or 0) > 0)
    assert t.done + t.partly == worked


@given(st.lists(slots, max_size=12), st.lists(records, max_size=12))
def test_every_grid_cell_agrees_with_the_counted_sessions_of_its_day(
    planned: list[PlannedSlot], logged: list[SessionRecord]
) -> None:
    summary = summary_of(planned, logged)
    by_day = {day.date: day for day in summary.days}

    for week in summary.weeks():
        for cell in week:
            day = by_day.get(cell.date)
            if day is None:
                assert cell.status is None
                continue
            statuses = {e.status for e in day.entries}
            planned_statuses = statuses - {Adherence.EXTRA}
            if cell.status is Adherence.PARTLY_DONE:
                fractions = [e.done_fraction or 0 for e in day.entries]
                assert (
                    Adherence.PARTLY_DONE in statuses
                    or len(planned_statuses) > 1
                    or (any(f > 0 for f in fractions))
                )
            elif cell.status is Adherence.EXTRA:
                assert statuses == {Adherence.EXTRA}
                assert cell.done_fraction is not None
            else:
                assert planned_statuses == {cell.status}
