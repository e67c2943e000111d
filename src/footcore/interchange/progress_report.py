"""A PDF progress report a runner can bring to a physical therapist or coach.

From a `ProgressSummary`: the period, adherence (calendar, streaks, minutes), the weekly
pain trend, every self-test per side with its published reference and citation, side-to-
side flags, changes against measurement error, the charts (PNG from `progress_charts`,
with the numbers in tables too) and the full sources. Same house style as the plan
handout: fpdf2 with the core Helvetica font, so every string goes through `pdf_safe`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping

from fpdf import FPDF

from footcore.domain.assessments import Grade
from footcore.domain.logbook import PAIN_MAX
from footcore.domain.pain_bands import PAIN_BANDS, PAIN_GUIDE
from footcore.domain.progress import Adherence
from footcore.domain.progress_summary import ProgressSummary, TestTrend
from footcore.interchange.pdf_handout import FootcorePdf, PageSize
from footcore.interchange.pdf_text import long_date, pdf_safe
from footcore.interchange.progress_charts import (
    HEIGHT_IN,
    PAIN_LIMIT_0_10,
    WIDTH_IN,
    assessment_chart,
    day_label,
    minutes_chart,
    pain_chart,
)

CHART_W_MM = 130.0
_CITATION_KEY = re.compile(r"\b[a-z][a-z-]*-(?:\d{4}|design|rules)\b")
CELL_CODES = {
    Adherence.DONE: "done",
    Adherence.PARTLY_DONE: "part",
    Adherence.MISSED: "missed",
    Adherence.PLANNED: "planned",
    Adherence.EXTRA: "extra",
}
NOT_A_DIAGNOSIS = (
    "footcore coaches, it does not diagnose. These are self-measured results from a home"
    " program, collected to help a clinician, not to replace an examination."
)


def progress_report_pdf(
    summary: ProgressSummary,
    *,
    runner_name: str | None = None,
    citations: Mapping[str, str] | None = None,
    page: PageSize = "A4",
    created: dt.datetime | None = None,
    charts: bool = True,
) -> bytes:
    """The report as PDF bytes. `citations` maps citation keys to full references for
    the sources list; `charts=False` leaves the pictures out (tables stay). `created`
    (aware) is the PDF's creation date; None means now."""
    pdf = FootcorePdf.new(title="footcore progress report", page=page, created=created)
    _title(pdf, summary, runner_name)
    if summary.is_empty:
        _paragraph(pdf, "Nothing planned, logged or tested yet in this period.")
    else:
        _adherence(pdf, summary, charts)
        _pain(pdf, summary, charts)
        _assessments(pdf, summary, charts)
    _sources(pdf, summary, citations or {})
    return bytes(pdf.output())


def _title(pdf: FPDF, summary: ProgressSummary, runner_name: str | None) -> None:
    pdf.set_font("helvetica", "B", 20)
    pdf.cell(0, 10, "Foot strength progress report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    if runner_name and runner_name.strip():
        _paragraph(pdf, f"Runner: {runner_name.strip()}", size=11)
    _paragraph(
        pdf,
        f"Period: {long_date(summary.start)} - {long_date(summary.end)};"
        f" as of {long_date(summary.today)}",
        size=11,
    )
    pdf.ln(2)
    _paragraph(pdf, NOT_A_DIAGNOSIS, style="I", size=9)
    pdf.ln(3)


def _adherence(pdf: FPDF, summary: ProgressSummary, charts: bool) -> None:
    _heading(pdf, "Adherence")
    percent = summary.adherence_percent
    done, part, missed = (
        summary.count(Adherence.DONE),
        summary.count(Adherence.PARTLY_DONE),
        summary.count(Adherence.MISSED),
    )
    lines = [
        "Sessions done in full: "
        + ("none due yet" if percent is None else f"{percent:.0f}% of those due"),
        f"Done {done}, partly done {part}, missed {missed},"
        f" extra {summary.count(Adherence.EXTRA)}, still ahead {summary.count(Adherence.PLANNED)}",
        f"Streak: {summary.streaks.current} in a row now, longest {summary.streaks.longest}",
        f"Minutes of foot work: {summary.total_minutes:.0f} in {len(summary.weekly_minutes)} weeks",
    ]
    for line in lines:
        _paragraph(pdf, f"- {line}")
    pdf.ln(2)
    pdf.set_font("helvetica", "", 8)
    with pdf.table(line_height=4.5, padding=1, text_align="CENTER") as table:
        header = table.row()
        for name in ("Week", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Minutes"):
            header.cell(name)
        minutes = {w.week_start: w.minutes for w in summary.weekly_minutes}
        for week in summary.weeks():
            row = table.row()
            row.cell(day_label(week[0].date))
            for day in week:
                row.cell("-" if day.status is None else CELL_CODES[day.status])
            row.cell(f"{minutes.get(week[0].date, 0.0):.0f}")
    pdf.ln(2)
    if charts and summary.has_minutes:
        _chart(pdf, minutes_chart(summary.weekly_minutes, "png"))


def _pain(pdf: FPDF, summary: ProgressSummary, charts: bool) -> None:
    _heading(pdf, "Pain during sessions")
    if not summary.pain:
        _paragraph(pdf, "No pain answers logged in this period.")
        return
    pdf.set_font("helvetica", "", 9)
    with pdf.table(
        col_widths=(30, 20, 20, 20), line_height=5, padding=1, text_align="CENTER"
    ) as table:
        header = table.row()
        for name in ("Week starting", "Worst", "Mean", "Sessions"):
            header.cell(name)
        for week in summary.pain:
            row = table.row()
            row.cell(day_label(week.week_start))
            row.cell(f"{week.max_0_10}/{PAIN_MAX}")
            row.cell(f"{week.mean_0_10:.1f}/{PAIN_MAX}")
            row.cell(str(week.sessions))
    pdf.ln(1)
    above = [w for w in summary.pain if w.max_0_10 > PAIN_LIMIT_0_10]
    if above:
        weeks = ", ".join(day_label(w.week_start) for w in above)
        _paragraph(
            pdf, f"Pain above {PAIN_LIMIT_0_10}/{PAIN_MAX} in the weeks of {weeks}.", style="B"
        )
    _paragraph(pdf, PAIN_GUIDE, size=9)
    if charts:
        _chart(pdf, pain_chart(summary.pain, "png"))


def _assessments(pdf: FPDF, summary: ProgressSummary, charts: bool) -> None:
    _heading(pdf, "Self-tests")
    if not summary.tests:
        _paragraph(pdf, "No self-test results yet. Retest every 4 weeks to see a trend.")
        return
    for trend in summary.tests:
        _test(pdf, trend, charts)
    if summary.flagged:
        _heading(pdf, "Side-to-side differences flagged", 11)
        for flag in summary.flagged:
            _paragraph(pdf, f"- {flag.sentence}")


def _test(pdf: FPDF, trend: TestTrend, charts: bool) -> None:
    if pdf.will_page_break(40):
        pdf.add_page()
    _heading(pdf, trend.name, 11)
    pdf.set_font("helvetica", "", 9)
    with pdf.table(
        col_widths=(14, 20, 16, 80), line_height=4.5, padding=1, text_align="LEFT"
    ) as table:
        header = table.row()
        for name in ("Side", "Latest", "Result", "Against the reference"):
            header.cell(name)
        for latest in trend.latest:
            row = table.row()
            row.cell("both" if latest.side is None else latest.side.value)
            row.cell(day_label(latest.date))
            row.cell(_value(latest.value, trend))
            row.cell(pdf_safe(latest.interpretation.sentence))
    pdf.ln(1)
    for latest in trend.latest:
        if latest.change is not None:
            side = "" if latest.side is None else f"{latest.side.value.capitalize()}: "
            _paragraph(pdf, f"- {side}{latest.change.sentence}", size=9)
    if trend.asymmetry is not None:
        _paragraph(pdf, f"- Sides: {trend.asymmetry.sentence}", size=9)
    if charts and (trend.reference is not None or any(len(ps) > 1 for _, ps in trend.series)):
        _chart(pdf, assessment_chart(trend, "png"), width_mm=120)


def _sources(pdf: FPDF, summary: ProgressSummary, citations: Mapping[str, str]) -> None:
    keys = cited_keys(summary)
    if not keys:
        return
    _heading(pdf, "Sources", 11)
    for key in keys:
        text = citations.get(key, "(full reference not in the catalog)")
        _paragraph(pdf, f"[{key}] {text}", size=8)


def cited_keys(summary: ProgressSummary) -> list[str]:
    """Citation keys in the order the report first uses them, design rules last."""
    texts = [band.citation for band in PAIN_BANDS] if summary.pain else []
    for trend in summary.tests:
        for latest in trend.latest:
            interpretation = latest.interpretation
            texts.append(interpretation.sentence)
            texts += [t.citation for t in (interpretation.reference, interpretation.band) if t]
            if latest.change is not None:
                texts.append(latest.change.sentence)
        if trend.asymmetry is not None:
            texts.append(trend.asymmetry.sentence)
    keys = list(dict.fromkeys(k for text in texts for k in _CITATION_KEY.findall(text)))
    return sorted(keys, key=lambda key: key == "footcore-design")


def _value(value: float | Grade, trend: TestTrend) -> str:
    if isinstance(value, Grade):
        return value.value
    return f"{value:g} {trend.unit.value}"


def _chart(pdf: FPDF, png: bytes, width_mm: float = CHART_W_MM) -> None:
    height_mm = width_mm * HEIGHT_IN / WIDTH_IN
    if pdf.will_page_break(height_mm + 2):
        pdf.add_page()
    pdf.image(io.BytesIO(png), x=pdf.l_margin + (pdf.epw - width_mm) / 2, w=width_mm)
    pdf.ln(3)


def _heading(pdf: FPDF, text: str, size: float = 13) -> None:
    if pdf.will_page_break(20):
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font("helvetica", "B", size)
    pdf.multi_cell(0, size * 0.5, pdf_safe(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _paragraph(pdf: FPDF, text: str, *, style: str = "", size: float = 10) -> None:
    pdf.set_font("helvetica", style, size)
    pdf.multi_cell(0, size * 0.5, pdf_safe(text), align="L", new_x="LMARGIN", new_y="NEXT")
