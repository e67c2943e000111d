"""The per-exercise sections of the PDF handout."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from fpdf import FPDF

from footcore.domain.catalog import Catalog, Dose, Exercise
from footcore.domain.plan import Plan, SessionKind
from footcore.interchange.pdf_text import pdf_safe, week_ranges

ILLUSTRATION_W_MM = 70.0
_NOT_DRAWN = re.compile(r"<(title|desc)\b[^>]*>.*?</\1\s*>|<(title|desc)\b[^>]*/>", re.DOTALL)
_MIN_SECTION_MM = 70.0
"""Start a section on a new page when less than this is left, so a heading never
ends up alone at the bottom of a page."""


@dataclass(frozen=True, slots=True)
class DoseUse:
    """How much of an exercise one kind of session asks for in some plan weeks.

    `doses` are the (variant, dose) pairs those weeks use, in the order the week
    meets them (more than one when sessions of the week differ, e.g. a lighter
    warm-up before a hard run). Every week of a
    session kind is in exactly one `DoseUse`, so the hand-out never lists two doses
    for the same week and session."""

    kind: SessionKind
    weeks: tuple[int, ...]
    doses: tuple[tuple[str, Dose], ...]

    @property
    def variants(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(variant for variant, _ in self.doses))


KIND_ORDER = (SessionKind.STRENGTH, SessionKind.ACTIVATION, SessionKind.ASSESSMENT)
KIND_LABELS = {
    SessionKind.STRENGTH: "Strength sessions",
    SessionKind.ACTIVATION: "Warm-up before runs",
    SessionKind.ASSESSMENT: "Self-test days",
}


def exercise_uses(plan: Plan) -> dict[str, list[DoseUse]]:
    """Exercise id -> its doses per session kind, weeks with the same doses together;
    exercises in order of first use."""
    found: dict[str, dict[SessionKind, dict[int, list[tuple[str, Dose]]]]] = {}
    for week in plan.weeks:
        for session in sorted(week.sessions, key=lambda s: (s.date, s.kind.value)):
            for item in session.items:
                kinds = found.setdefault(item.exercise, {})
                doses = kinds.setdefault(session.kind, {}).setdefault(week.index, [])
                if (item.variant, item.dose) not in doses:
                    doses.append((item.variant, item.dose))
    uses: dict[str, list[DoseUse]] = {}
    for exercise_id, kinds in found.items():
        lines: list[DoseUse] = []
        for kind in KIND_ORDER:
            by_doses: dict[tuple[tuple[str, Dose], ...], list[int]] = {}
            for week_index, doses in kinds.get(kind, {}).items():
                by_doses.setdefault(tuple(doses), []).append(week_index)
            lines += [DoseUse(kind, tuple(w), doses) for doses, w in by_doses.items()]
        uses[exercise_id] = lines
    return uses


def dose_line(exercise: Exercise, use: DoseUse, *, label_kind: bool) -> str:
    """`Weeks 1-2, Seated: 10 reps`, with the session kind first when `label_kind`."""
    doses = " or ".join(
        f"{_variant_name(exercise, variant)}: {dose.describe()}" for variant, dose in use.doses
    )
    if len(use.doses) > 1:
        doses += " (it varies from session to session)"
    line = f"{week_ranges(list(use.weeks))}, {doses}"
    return f"{KIND_LABELS[use.kind]}, {line[0].lower()}{line[1:]}" if label_kind else line


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
    # The kind of session is named once an exercise is in more than one kind.
    label_kind = len({use.kind for use in uses}) > 1 or uses[0].kind is not SessionKind.STRENGTH
    for use in uses:
        _hanging(pdf, "-", dose_line(exercise, use, label_kind=label_kind))
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
        for variant in use.variants:
            source = exercise.variant(variant).source
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
