"""The pain bands runners are shown, in one table, with where each comes from.

Pages, the PDF hand-out and report, and the calendar all print these words, so what
a runner reads is what the rules in `safety` and `adaptation` do.
"""

from __future__ import annotations

from dataclasses import dataclass

from footcore.domain.safety import ACCEPTABLE_MAX, FINE_MAX


@dataclass(frozen=True, slots=True)
class PainBand:
    low: int
    high: int
    """0-10 numeric pain scale, both ends included."""
    text: str
    source: str
    """Where it comes from, in plain words, with its evidence status."""
    citation: str


PAIN_BANDS = (
    PainBand(0, FINE_MAX, "carry on as planned", "footcore's own band", "footcore-design"),
    PainBand(
        FINE_MAX + 1,
        ACCEPTABLE_MAX,
        "acceptable if it has settled by the next morning; keep the load, do not add to it",
        "Silbernagel 2007, as reported by secondary sources",
        "silbernagel-2007",
    ),
    PainBand(
        ACCEPTABLE_MAX + 1,
        10,
        "too much: the exercise goes back a step; two sessions like that in a row stop "
        "the program until a clinician has looked",
        "stepping back follows Silbernagel 2007; the stop is footcore's own rule",
        "footcore-design",
    ),
)

PAIN_GUIDE = (
    f"Pain 0-{FINE_MAX}/10: carry on. Up to {ACCEPTABLE_MAX}/10: acceptable if settled by the "
    f"next morning. Above {ACCEPTABLE_MAX}/10 or not settled: an easier step; twice in a row: "
    "stop and see a clinician. footcore coaches, it does not diagnose."
)
"""The table above in one line, the same on pages, PDFs and calendar entries."""
RED_FLAG_NOTE = (
    "Swelling, numbness, night pain or a tender spot on a bone: stop and see a clinician."
)
