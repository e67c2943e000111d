"""The clinic's hand-out: who it is for and from, the notes, and the client code with a
QR code that opens the program on a phone (drawn by `segno`)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

import segno

from footcore.interchange.pdf_handout import FootcorePdf, PageSize
from footcore.interchange.pdf_text import long_date, pdf_safe


@dataclass(frozen=True, slots=True)
class HandoutItem:
    name: str
    dose: str
    how_often: str
    note: str


@dataclass(frozen=True, slots=True)
class ClinicHandout:
    client: str
    clinician: str
    clinic: str
    contact: str
    on: dt.date
    code: str
    join_url: str
    """The address the QR code opens, with the code filled in."""
    items: tuple[HandoutItem, ...]
    notes: Sequence[str] = ()


def qr_png(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=6, border=2)
    return out.getvalue()


def render_clinic_handout(h: ClinicHandout, *, page: PageSize = "A4") -> bytes:
    pdf = FootcorePdf.new(title=f"Program for {pdf_safe(h.client)}", page=page, created=None)
    pdf.set_font("helvetica", "B", 16)
    pdf.multi_cell(0, 8, pdf_safe(f"Your foot program, {h.client}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    contact = f" - {h.contact}" if h.contact else ""
    pdf.multi_cell(
        0, 5, pdf_safe(f"From {h.clinician}, {h.clinic}{contact}. {long_date(h.on)}."),
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    pdf.ln(3)
    top = pdf.get_y()
    pdf.image(io.BytesIO(qr_png(h.join_url)), x=pdf.l_margin, y=top, w=38, h=38)
    pdf.set_xy(pdf.l_margin + 44, top + 2)
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(
        0, 5, "Scan to open the program on your phone, or go to", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_x(pdf.l_margin + 44)
    pdf.multi_cell(0, 5, pdf_safe(h.join_url.split("?", 1)[0]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.l_margin + 44)
    pdf.set_font("courier", "B", 18)
    pdf.multi_cell(0, 9, f"Code: {h.code}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.l_margin + 44)
    pdf.set_font("helvetica", "", 9)
    pdf.multi_cell(
        0, 5, "You will also be asked for your birth year.", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_y(top + 42)
    pdf.set_font("helvetica", "B", 12)
    pdf.cell(0, 7, "Your exercises", new_x="LMARGIN", new_y="NEXT")
    for item in h.items:
        pdf.set_font("helvetica", "B", 10)
        pdf.multi_cell(0, 5, pdf_safe(item.name), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 10)
        pdf.multi_cell(
            0, 5, pdf_safe(f"{item.dose}; {item.how_often}"), new_x="LMARGIN", new_y="NEXT"
        )
        if item.note:
            pdf.set_font("helvetica", "I", 10)
            pdf.multi_cell(0, 5, pdf_safe(f"Note: {item.note}"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    if h.notes:
        pdf.set_font("helvetica", "B", 12)
        pdf.cell(0, 7, "Notes", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 10)
        for note in h.notes:
            pdf.multi_cell(0, 5, pdf_safe(note), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
