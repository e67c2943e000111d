"""The latest result of each test and side, and the one before it: one rule for every reader.

The assessments page (`readings`), the plan's steering (`steering.emphasis_from_results`)
and the progress summary (`progress_summary`) all ask "what is this side's latest
result, and what did it change from?". They used to answer it three ways, which
disagreed in two corners; this module is the one answer:

- **Order is by date, not by the order given.** The readings took the last result in
  the order given, so a back-dated entry stored after a newer one became "latest"; the
  steering and the summary went by date. By date wins: a self-test entered late for an
  earlier day is history, not the runner's current standing.
- **A same-day tie goes to the result given later** (stored later: a re-entry of that
  day's test corrects the first). The steering and the summary agreed on this; the
  readings did too when given in stored order.
- **The previous result is the one just before the latest in that same order**, so the
  change shown is between the two results a person would see as the last two; the
  steering had no previous result at all. For heel raises it is the one just before on
  the same surface: an incline count and a flat-floor count are different numbers, so a
  change between them would mean nothing (evidence.md section 7).

Pure: no clock, no storage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from footcore.domain.assessments import AssessmentResult, TestKind
from footcore.domain.differences import Change, change
from footcore.domain.vocab import Side

Key = tuple[TestKind, Side | None]


@dataclass(frozen=True, slots=True)
class Latest:
    result: AssessmentResult
    """The latest result of its test and side."""
    previous: AssessmentResult | None
    """The result just before it for the same test and side; None for a first result."""

    def change(self) -> Change | None:
        """The change from the previous result (`differences.change`); None for a first."""
        if self.previous is None:
            return None
        return change(self.previous.value, self.result.value, self.result.kind)


def by_date(results: Iterable[AssessmentResult]) -> list[AssessmentResult]:
    """Oldest first; results of the same day keep the order given (a stable sort)."""
    return sorted(results, key=lambda r: r.date)


def latest_results(results: Iterable[AssessmentResult]) -> dict[Key, Latest]:
    """Per test and side, its latest result and the one before it (rules above)."""
    latest: dict[Key, Latest] = {}
    last_on: dict[tuple[TestKind, Side | None, object], AssessmentResult] = {}
    for result in by_date(results):
        key = (result.kind, result.side)
        same = (result.kind, result.side, result.surface)
        latest[key] = Latest(result, last_on.get(same))
        last_on[same] = result
    return latest
