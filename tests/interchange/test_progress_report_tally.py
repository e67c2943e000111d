"""The PDF report prints the one tally (`progress_summary.Tally`) the page shows."""

from __future__ import annotations

import io

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from footcore.domain.progress import PlannedSlot, SessionRecord
from footcore.interchange.progress_report import progress_report_pdf
from tests.domain.test_progress_tally import records, slots, summary_of


@settings(max_examples=15, deadline=None)
@given(st.lists(slots, min_size=1, max_size=8), st.lists(records, max_size=8))
def test_the_pdf_report_prints_the_same_tally(
    planned: list[PlannedSlot], logged: list[SessionRecord]
) -> None:
    summary = summary_of(planned, logged)
    assume(not summary.is_empty)
    t = summary.tally
    pdf = progress_report_pdf(summary, runner_name=None, citations={})
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())

    unplanned = f" ({t.unplanned} of them not planned)" if t.unplanned else ""
    counts = f"Done {t.done}, partly done {t.partly}, missed {t.missed}{unplanned}"
    assert f"{counts}, still ahead {t.ahead}" in text
    assert f"Minutes of foot work: {t.minutes:.0f} in" in text
