"""The one look every illustration shares: colours and pens.

Inks are dark on white (the near body #1f2937 is about 15:1, the far limbs #6b7280
about 4.8:1, the orange motion marks #c2410c about 5.2:1), joins and caps are round,
and stroke widths are SVG units, so every drawing has the same line weight.
"""

from __future__ import annotations

from dataclasses import dataclass

INK = "#1f2937"
FAR_INK = "#6b7280"
SKIN = "#e5e7eb"
FAR_SKIN = "#cbd5e1"
ACCENT = "#c2410c"
TEXT = "#111827"
PROP_INK = "#475569"
PROP_FILL = "#e2e8f0"
GROUND_FILL = "#f1f5f9"
PANEL_EDGE = "#cbd5e1"


@dataclass(frozen=True, slots=True)
class Pen:
    """Stroke colour, stroke width in SVG units (negative narrows a `Line.thick`), fill."""

    stroke: str | None
    width: float
    fill: str | None = None


NEAR_LIMB = Pen(INK, 9.0)
FAR_LIMB = Pen(FAR_INK, 9.0)
NEAR_FOOT = Pen(INK, 4.0, INK)
FAR_FOOT = Pen(FAR_INK, 4.0, FAR_INK)
OUTLINE = Pen(INK, 3.0, SKIN)
TOE_EDGE = Pen(INK, 3.0)
FAR_TOE_EDGE = Pen("#4b5563", 3.0)
TOE_FILL = Pen(SKIN, -3.0)
FAR_TOE_FILL = Pen(FAR_SKIN, -3.0)
PROP = Pen(PROP_INK, 2.5, PROP_FILL)
PROP_LINE = Pen(PROP_INK, 2.5)
TOWEL = Pen("#1e40af", 2.5, "#bfdbfe")
BAND = Pen("#15803d", 3.5)
BALL = Pen("#b91c1c", 2.5, "#fecaca")
PACK = Pen("#92400e", 2.5, "#fde68a")
WEIGHT = Pen("#374151", 2.5, "#6b7280")
ARC = Pen(ACCENT, 3.0)
ARROW_HEAD = Pen(ACCENT, 1.5, ACCENT)
PRESS = Pen(ACCENT, 2.5)
