"""The PDF progress report and the charts, read back with pypdf and Pillow."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from pypdf import PdfReader

from footcore.domain.assessments import (
    AssessmentResult,
    Grade,
    HeelRaiseSurface,
    TestKind,
    Trials,
)
from footcore.domain.progress import PlannedSlot, SessionRecord
from footcore.domain.progress_summary import ProgressSummary, summarize
from footcore.domain.vocab import Sex, Side
from footcore.interchange.progress_charts import (
    assessment_alt,
    assessment_chart,
    minutes_chart,
    pain_alt,
    pain_chart,
)
from footcore.interchange.progress_report import cited_keys, progress_report_pdf

MONDAY = dt.date(2025, 3, 3)
TODAY = MONDAY + dt.timedelta(days=23)
CREATED = dt.datetime(2025, 3, 26, 12, 0, tzinfo=dt.UTC)


def _summary() -> ProgressSummary:
    planned = [PlannedSlot(MONDAY + dt.timedelta(days=d)) for d in range(0, 28, 2)]
    records = [
        SessionRecord(s.date, 1.0 if i % 4 else 0.5, 10.0, pain_0_10=6 - i // 3)
        for i, s in enumerate(planned)
        if s.date < TODAY and i != 5
    ]
    results = [
        AssessmentResult(MONDAY, TestKind.HEEL_RAISE, Side.LEFT, 15.0, HeelRaiseSurface.INCLINE),
        AssessmentResult(MONDAY, TestKind.HEEL_RAISE, Side.RIGHT, 25.0, HeelRaiseSurface.INCLINE),
        AssessmentResult(TODAY, TestKind.HEEL_RAISE, Side.LEFT, 23.0, HeelRaiseSurface.INCLINE),
        AssessmentResult(TODAY, TestKind.HEEL_RAISE, Side.RIGHT, 26.0, HeelRaiseSurface.INCLINE),
        AssessmentResult(TODAY, TestKind.PAPER_GRIP_HALLUX, Side.LEFT, Grade.FAIL),
        AssessmentResult(TODAY, TestKind.BALANCE_EYES_CLOSED, Side.LEFT, Trials((5.0, 7.0, 6.0))),
    ]
    return summarize(planned, records, results, today=TODAY, age=40, sex=Sex.MALE)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_report_has_period_adherence_pain_tests_norms_and_the_safety_note() -> None:
    summary = _summary()
    text = _text(
        progress_report_pdf(
            summary,
            runner_name="Zoë Åberg",
            citations={"hebert-losier-2017": "Hébert-Losier K et al. Physiotherapy. 2017."},
            created=CREATED,
        )
    )
    assert "Runner: Zoë Åberg" in text
    assert "Period: 3 Mar 2025 - 30 Mar 2025" in text
    assert "Planned sessions done in full:" in text
    assert "Streak:" in text
    assert "6/10" in text
    assert "Pain above 5/10" in text
    assert "silbernagel-2007" in text
    assert "Single-leg heel raise to fatigue" in text
    assert "model-predicted median of 28.3 reps for men aged 40" in text
    assert "15 -> 23 reps (+8.0): a real improvement" in text
    assert "Side-to-side differences flagged" in text
    assert "menz-2006" in text
    assert "Hébert-Losier K et al." in text
    assert "footcore coaches, it does not diagnose" in text


def test_the_report_embeds_a_chart_per_series_and_can_leave_them_out() -> None:
    summary = _summary()
    with_charts = PdfReader(io.BytesIO(progress_report_pdf(summary, created=CREATED)))
    assert sum(len(p.images) for p in with_charts.pages) >= 4
    without = PdfReader(io.BytesIO(progress_report_pdf(summary, created=CREATED, charts=False)))
    assert sum(len(p.images) for p in without.pages) == 0
    assert "Worst" in _text(progress_report_pdf(summary, created=CREATED, charts=False))


def test_the_same_summary_gives_the_same_bytes() -> None:
    summary = _summary()
    assert progress_report_pdf(summary, created=CREATED) == progress_report_pdf(
        summary, created=CREATED
    )


def test_an_empty_summary_says_so() -> None:
    empty = summarize([], [], [], today=TODAY)
    assert empty.is_empty
    text = _text(progress_report_pdf(empty, created=CREATED))
    assert "Nothing planned, logged or tested yet" in text
    assert "footcore coaches, it does not diagnose" in text


def test_an_unknown_page_size_is_refused() -> None:
    with pytest.raises(ValueError, match="page"):
        progress_report_pdf(_summary(), page="A5")  # type: ignore[arg-type]


def test_design_rules_come_last_among_the_cited_keys() -> None:
    keys = cited_keys(_summary())
    assert keys[0] == "silbernagel-2007"
    assert keys[-1] == "footcore-design"
    assert "hebert-losier-2017" in keys


def test_charts_are_svg_and_png_with_text_alternatives() -> None:
    summary = _summary()
    svg = minutes_chart(summary.weekly_minutes)
    assert svg.startswith(b"<?xml")
    assert b"<svg" in svg
    assert svg == minutes_chart(summary.weekly_minutes)  # stable bytes, cacheable
    png = pain_chart(summary.pain, "png")
    image = Image.open(io.BytesIO(png))
    assert image.width > 600
    assert image.height > 300
    assert "worst 6" in pain_alt(summary.pain)
    heel = next(t for t in summary.tests if t.kind is TestKind.HEEL_RAISE)
    assert b"<svg" in assessment_chart(heel)
    alt = assessment_alt(heel)
    assert "left foot: 15 on 3 Mar, 23 on 26 Mar" in alt
    assert "hebert-losier-2017" in alt
    grip = next(t for t in summary.tests if t.kind is TestKind.PAPER_GRIP_HALLUX)
    assert b"<svg" in assessment_chart(grip)


def test_a_chart_format_other_than_svg_or_png_is_refused() -> None:
    with pytest.raises(ValueError, match="svg"):
        minutes_chart(_summary().weekly_minutes, "gif")  # type: ignore[arg-type]
