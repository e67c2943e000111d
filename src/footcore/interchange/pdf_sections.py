"""The per-exercise sections of the PDF handout."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from fpdf import FPDF

from footcore.domain.catalog import Catalog, Dose, Exercise
from footcore.domain.plan import Plan
from footcore.interchange.pdf_text import pdf_safe, week_ranges

ILLUSTRATION_W_MM = 70.0
_NOT_DRAWN = re.compile(r"<(title|desc)\b[^>]*>.*?</\1\s*>|<(title|desc)\b[^>]*/>", re.DOTALL)
_MIN_SECTION_MM = 70.0
"""Start a section on a new page when less than this is left, so a heading never
ends up alone at the bottom of a page."""


@dataclass(frozen=True, slots=True)
class DoseUse:
    """One rung and dose of an exercise, and the plan weeks that use it."""

    variant: str
    dose: Dose
    weeks: tuple[int, ...]


def exercise_uses(plan: Plan) -> dict[str, list[DoseUse]]:
    """Exercise id -> the (variant, dose) pairs the plan uses, in order of first use."""
    found: dict[str, dict[tuple[str, Dose], list[int]]] = {}
    for week in plan.weeks:
        for session in sorted(week.sessions, key=lambda s: (s.date, s.kind.value)):
            for item in session.items:
                weeks = found.setdefault(item.exercise, {}).setdefault(
                    (item.variant, item.dose), []
                )
                if week.index not in weeks:
                    weeks.append(week.index)
    return {
        exercise_id: [DoseUse(v, d, tuple(w)) for (v, d), w in pairs.items()]
        for exercise_id, pairs in found.items()
    }


def exercise_section(
    pdf: FPDF,
    exercise: Exercise,
    uses: list[DoseUse],
    catalog: Catalog,
    illustration_svg: Callable[[Exercise], str] | None,
) -> None:
    """Name, illustration, steps, doses, cautions and sources of one exercise."""
    if pdf.get_y() + _MIN_SECTION_MM > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font("helvetica", "B", 14)
    pdf.multi_cell(0, 7, pdf_safe(exercise.name), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    if exercise.aliases:
        _line(pdf, "Also called: " + ", ".join(exercise.aliases), style="I")
    _line(pdf, exercise.purpose)
    _illustration(pdf, exercise, illustration_svg)
    _subheading(pdf, "How to do it")
    for number, step in enumerate(exercise.steps, start=1):
        _hanging(pdf, f"{number}.", step)
    _subheading(pdf, "How much")
    for use in uses:
        variant = _variant_name(exercise, use.variant)
        _hanging(pdf, "-", f"{week_ranges(list(use.weeks))}, {variant}: {use.dose.describe()}")
    if exercise.cautions:
        _subheading(pdf, "Take care")
        for caution in exercise.cautions:
            _hanging(pdf, "-", caution.text)
    _sources(pdf, exercise, uses, catalog)
    pdf.ln(4)


def _variant_name(exercise: Exercise, variant_id: str) -> str:
    try:
        return exercise.variant(variant_id).name
    except KeyError as exc:
        raise ValueError(f"exercise {exercise.id!r} has no variant {variant_id!r}") from exc


def _sources(pdf: FPDF, exercise: Exercise, uses: list[DoseUse], catalog: Catalog) -> None:
    keys = list(dict.fromkeys(exercise.citations))
    for use in uses:
        source = exercise.variant(use.variant).source
        if source and source not in keys:
            keys.append(source)
    if not keys:
        return
    _subheading(pdf, "Sources")
    pdf.set_font("helvetica", "", 8.5)
    for key in keys:
        citation = catalog.citations.get(key)
        if citation is None:
            text = f"[{key}] (reference not found in the catalog)"
        else:
            link = f" doi:{citation.doi}" if citation.doi else ""
            link += f" {citation.url}" if citation.url else ""
            text = f"{citation.text}{link}"
        _hanging(pdf, "-", text, size=8.5, line_h=4.2)


def _illustration(
    pdf: FPDF, exercise: Exercise, illustration_svg: Callable[[Exercise], str] | None
) -> None:
    if illustration_svg is None:
        return
    # Title and description are for screen readers; fpdf2 logs a warning for each.
    svg = _NOT_DRAWN.sub("", illustration_svg(exercise))
    pdf.ln(2)
    start_page, start_y = pdf.page, pdf.get_y()
    x = pdf.l_margin + (pdf.epw - ILLUSTRATION_W_MM) / 2
    try:
        pdf.image(io.BytesIO(svg.encode("utf-8")), x=x, w=ILLUSTRATION_W_MM)
    except Exception:  # fpdf2's SVG parser raises many types on drawings it cannot read
        if pdf.page == start_page:
            pdf.set_y(start_y)
        _line(pdf, "(The drawing for this exercise could not be shown.)", style="I")
    pdf.set_font("helvetica", "I", 8.5)
    pdf.multi_cell(
        0, 4, pdf_safe(exercise.illustration.alt), align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("helvetica", "", 10)


def _subheading(pdf: FPDF, text: str) -> None:
    pdf.ln(1.5)
    pdf.set_font("helvetica", "B", 10.5)
    pdf.multi_cell(0, 5.5, pdf_safe(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)


def _line(pdf: FPDF, text: str, style: str = "") -> None:
    pdf.set_font("helvetica", style, 10)
    pdf.multi_cell(0, 5, pdf_safe(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)


def _hanging(pdf: FPDF, label: str, text: str, size: float = 10, line_h: float = 5) -> None:
    """`label` in a narrow column, `text` wrapped beside it."""
    indent = 6.0
    pdf.set_font("helvetica", "", size)
    # Keep a label on the same page as the first lines of its text.
    if pdf.will_page_break(2 * line_h):
        pdf.add_page()
    pdf.set_x(pdf.l_margin)
    pdf.cell(indent, line_h, pdf_safe(label))
    pdf.multi_cell(
        pdf.epw - indent, line_h, pdf_safe(text), align="L", new_x="LMARGIN", new_y="NEXT"
    )
