"""More repetitions for a strength session shorter than it aims to be (`plan_sessions`),
up to the top of each dose's own range: never more sets than the source's dose, so toe
walking stays at most 3 x 1 minute, and never a repetition maximum's reps."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from footcore.domain.catalog import Dose
from footcore.domain.plan import PlanItem


class Padding:
    """Pads the short sessions of one plan; `seconds` is `timing.estimate_dose_s`."""

    def __init__(self, seconds: Callable[[Dose], int]) -> None:
        self.seconds = seconds
        self._padded: dict[tuple[int, tuple[int, ...]], tuple[tuple[PlanItem, ...], int]] = {}
        self._biggers: dict[int, tuple[PlanItem, int] | None] = {}
        self._kept: list[PlanItem] = []

    def pad(
        self, items: tuple[PlanItem, ...], total: int, target: int, ceiling: int
    ) -> tuple[tuple[PlanItem, ...], int]:
        """`items` (`total` seconds, `timing.estimate_session_s`) with more repetitions,
        first item first, while the session is under `target` seconds and stays within
        `ceiling`. Returns the items and the session's estimated seconds."""
        key = (target, tuple(map(id, items)))
        found = self._padded.get(key)
        if found is None:
            found = self._padded[key] = self._padding(items, total, target, ceiling)
        return found

    def _padding(
        self, items: tuple[PlanItem, ...], total: int, target: int, ceiling: int
    ) -> tuple[tuple[PlanItem, ...], int]:
        padded = list(items)
        for i, item in enumerate(padded):
            if total >= target:
                break
            bigger = self._bigger(item)
            if bigger is not None and total + bigger[1] <= ceiling:
                padded[i] = bigger[0]
                total += bigger[1]
        # `total` is `timing.estimate_session_s` of the padded items: each step added
        # exactly the seconds its bigger dose takes over the old one.
        return tuple(padded), total

    def _bigger(self, item: PlanItem) -> tuple[PlanItem, int] | None:
        """The item at the top of its rep range and the seconds that adds, or None when
        its dose has no range to climb (or is a repetition maximum)."""
        if id(item) in self._biggers:
            return self._biggers[id(item)]
        dose = item.dose
        found: tuple[PlanItem, int] | None = None
        if (
            dose.rm is None
            and dose.reps_min is not None
            and dose.reps_max not in (None, dose.reps_min)
        ):
            bigger = dataclasses.replace(dose, reps_min=dose.reps_max)
            step = self.seconds(bigger) - self.seconds(dose)
            found = (dataclasses.replace(item, dose=bigger), step)
        # Keeping the item keeps its id from being reused while the plan is built.
        self._biggers[id(item)] = found
        self._kept.append(item)
        return found
