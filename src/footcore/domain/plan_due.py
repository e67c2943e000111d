"""Which prescribed items go into each of a week's strength sessions (`plan_builder`):
a daily item on the days without a run, an every-second-day item in every session,
and an item asked N times a week spread over the week's sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from footcore.domain.prescription import Frequency, PrescribedExercise
from footcore.domain.scheduling import RunningWeek

Due = tuple[tuple[PrescribedExercise, ...], ...]
"""The prescribed items of each of a week's sessions, in the order of its days."""


class DueItems:
    """The prescribed items of each strength session of one plan."""

    def __init__(
        self,
        strength: Sequence[PrescribedExercise],
        calendar: RunningWeek,
        paused: Callable[[str, dt.date], bool] | None,
    ) -> None:
        """`paused(exercise_id, day)` tells an item paused on `day`; None when nothing
        is ever paused or moved (no adjustments)."""
        self.strength = tuple(strength)
        self.calendar = calendar
        self.paused = paused
        self._by_shape: dict[tuple[bool, ...], Due] = {}

    def week(self, days: Sequence[dt.date]) -> Due:
        """The items of the sessions on `days`."""
        if self.paused is not None:  # a pause from some day on: the dates matter
            return self._on(days)
        # Without pauses only the number of days and which are run days matter.
        runs = self.calendar.run_weekdays
        key = tuple([d.weekday() in runs for d in days])
        found = self._by_shape.get(key)
        if found is None:
            found = self._by_shape[key] = self._on(days)
        return found

    def _on(self, days: Sequence[dt.date]) -> Due:
        per_session: list[list[PrescribedExercise]] = [[] for _ in days]
        for offset, item in enumerate(self.strength):
            if item.frequency is Frequency.DAILY:
                chosen = [i for i, d in enumerate(days) if not self.calendar.is_run_day(d)]
            elif (
                item.frequency is Frequency.EVERY_SECOND_DAY or item.frequency is Frequency.WARM_UP
            ):
                chosen = list(range(len(days)))
            else:
                count = min(item.per_week, len(days))
                chosen = sorted(
                    {(offset + i * len(days) // count) % len(days) for i in range(count)}
                )
            for i in chosen:
                if self.paused is None or not self.paused(item.exercise, days[i]):
                    per_session[i].append(item)
        return tuple(map(tuple, per_session))
