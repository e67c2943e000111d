"""A printable PDF handout of a plan: overview, then one section per exercise.

Built with fpdf2 and the core Helvetica font (see `pdf_text` for why), so it needs
no font file. Pages are A4 or US Letter. With a fixed `created` date the bytes
are the same on every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from fpdf import FPDF

from footcore.domain.catalog import Catalog, Exercise
from footcore.domain.pain_bands import PAIN_GUIDE
from footcore.domain.plan import Plan
from footcore.interchange.ics_export import session_minutes
from footcore.interchange.pdf_sections import exercise_section, exercise_uses
from footcore.interchange.pdf_text import ENCODING, pdf_safe, plan_period, short_date

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: dict[str, str] = {"A4": "A4", "Letter": "letter"}
FOOTER_NOTE = PAIN_GUIDE
"""The pain bands runners see everywhere (`pain_bands`)."""
PAIN_GUIDE_CITATION = "silbernagel-2007"
MARGIN_MM = 15.0


class FootcorePdf(FPDF):
    """footcore's page: the safety note and page numbers in every footer."""

    @classmethod
    def new(cls, *, title: str, page: PageSize, created: dt.datetime | None) -> FootcorePdf:
        """A document with footcore's page size, margins, fonts and metadata and its
        first page added. `created` (aware) is the creation date; None means now."""
        if page not in PAGE_SIZES:
            raise ValueError(f"page must be 'A4' or 'Letter', not {page!r}")
        pdf = cls(format=PAGE_SIZES[page])
        pdf.core_fonts_encoding = ENCODING
        pdf.set_creation_date(created or dt.datetime.now(dt.UTC))
        pdf.set_title(title)
        pdf.set_creator("footcore")
        pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        pdf.set_auto_page_break(auto=True, margin=20)
        pdf.add_page()
        return pdf

    def footer(self) -> None:
        self.set_y(-12)
        self.set_text_color(90, 90, 90)
        size = 7.5
        self.set_font("helvetica", "I", size)
        # The note must stay on one line: shrink it rather than wrap into the margin.
        while size > 5 and self.get_string_width(FOOTER_NOTE) > self.epw:
            size -= 0.25
            self.set_font("helvetica", "I", size)
        self.cell(0, 4, FOOTER_NOTE, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font("helvetica", "", 7.5)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def plan_handout_pdf(
    plan: Plan,
    catalog: Catalog,
    *,
    runner_name: str | None,
    page: PageSize = "A4",
    illustration_svg: Callable[[Exercise], str] | None = None,
    created: dt.datetime | None = None,
) -> bytes:
    """The plan as PDF bytes: title and period, week overview, exercise sections.

    Each exercise used in the plan gets its illustration (when `illustration_svg`
    is given; an SVG fpdf2 cannot draw is replaced by its alt text), numbered
    steps, the doses the plan uses and in which weeks, cautions and full sources
    from `catalog.citations`. Every page's footer carries the page number and the
    safety note. `created` (aware) is the PDF's creation date; None means now.
    Raises `ValueError` for an unknown page size or an exercise not in the catalog.
    """
    if page not in PAGE_SIZES:
        raise ValueError(f"page must be 'A4' or 'Letter', not {page!r}")
    uses = exercise_uses(plan)
    try:
        exercises = [catalog.get(exercise_id) for exercise_id in uses]
    except KeyError as exc:
        raise ValueError(f"the plan uses exercise {exc.args[0]!r}, not in the catalog") from exc
    pdf = FootcorePdf.new(title="footcore foot strength plan", page=page, created=created)
    _title(pdf, plan, runner_name)
    _how_to_use(pdf, catalog)
    _overview(pdf, plan)
    _notes(pdf, plan)
    for exercise in exercises:
        exercise_section(pdf, exercise, uses[exercise.id], catalog, illustration_svg)
    return bytes(pdf.output())


def _heading(pdf: FPDF, text: str, size: float = 13) -> None:
    pdf.set_font("helvetica", "B", size)
    pdf.multi_cell(0, size * 0.5, pdf_safe(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font("helvetica", "", 10)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(0, 5, pdf_safe(text), align="L", new_x="LMARGIN", new_y="NEXT")


def _title(pdf: FPDF, plan: Plan, runner_name: str | None) -> None:
    pdf.set_font("helvetica", "B", 20)
    pdf.multi_cell(0, 10, "Foot strength plan", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 12)
    if runner_name and runner_name.strip():
        pdf.multi_cell(
            0, 6, pdf_safe(f"for {runner_name.strip()}"), align="L", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.multi_cell(
        0, 6, pdf_safe(plan_period(plan.weeks)), align="L", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(4)


def _how_to_use(pdf: FPDF, catalog: Catalog) -> None:
    _heading(pdf, "How to use this plan", 12)
    for line in (
        "Do each session on the day shown, barefoot, on a firm floor. Strength sessions "
        "take the minutes listed; an activation is a short warm-up just before a run.",
        "Each exercise has its own section below: how to do it, how much, and what to "
        "watch for. Slow, controlled repetitions count more than many quick ones.",
        PAIN_GUIDE,
    ):
        _paragraph(pdf, f"- {line}")
        pdf.ln(1)
    source = catalog.citations.get(PAIN_GUIDE_CITATION)
    if source is not None:
        pdf.set_font("helvetica", "I", 8.5)
        note = pdf_safe(f"Pain guide after: {source.text}")
        pdf.multi_cell(0, 4, note, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _overview(pdf: FPDF, plan: Plan) -> None:
    _heading(pdf, "Week overview", 12)
    if not plan.weeks:
        _paragraph(pdf, "This plan has no weeks yet.")
        return
    pdf.set_font("helvetica", "", 9)
    with pdf.table(
        col_widths=(12, 18, 56, 14),
        text_align=("CENTER", "LEFT", "LEFT", "RIGHT"),
        line_height=5,
        padding=1.5,
    ) as table:
        header = table.row()
        for text in ("Week", "Kind", "Sessions", "Minutes"):
            header.cell(text)
        for week in plan.weeks:
            row = table.row()
            row.cell(str(week.index))
            row.cell(week.kind.value)
            sessions = "\n".join(
                f"{short_date(s.date)}: {s.kind.value}, {session_minutes(s)} min"
                for s in sorted(week.sessions, key=lambda s: (s.date, s.kind.value))
            )
            row.cell(pdf_safe(sessions or "rest week"))
            row.cell(str(sum(session_minutes(s) for s in week.sessions)))
    pdf.ln(4)


def _notes(pdf: FPDF, plan: Plan) -> None:
    # A week's note may repeat a plan-wide warning (a short week is both); print it once.
    notes = [
        *plan.warnings,
        *(
            n if n.startswith("Week ") else f"Week {w.index}: {n}"
            for w in plan.weeks
            for n in w.notes
            if n not in plan.warnings
        ),
    ]
    if not notes:
        return
    _heading(pdf, "Notes from the planner", 12)
    for note in notes:
        _paragraph(pdf, f"- {note}")
    pdf.ln(3)
