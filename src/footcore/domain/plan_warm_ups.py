"""The activation warm-ups of a plan (`plan_builder`): seed 004's drills before every run
and on race days, each drill left out from the day a pause of it starts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from footcore.domain.catalog import Catalog
from footcore.domain.plan import ExerciseAdjustment, PlanItem, PlannedSession, SessionKind
from footcore.domain.plan_sessions import adjustment_on
from footcore.domain.prescription import PrescribedExercise
from footcore.domain.reasons import rx_reason
from footcore.domain.scheduling import RunningWeek, WeekSpan, warm_up_days
from footcore.domain.timing import estimate_session_s


class WarmUps:
    """The warm-up sessions of one plan, week by week."""

    def __init__(
        self,
        catalog: Catalog,
        calendar: RunningWeek,
        drills: Sequence[PrescribedExercise],
        adjustments: Mapping[str, ExerciseAdjustment],
    ) -> None:
        self.catalog = catalog
        self.calendar = calendar
        self.drills = tuple(drills)
        self.adjustments = adjustments
        self._items: dict[tuple[bool, ...], tuple[tuple[PlanItem, ...], int]] = {}

    def week(self, span: WeekSpan) -> list[PlannedSession]:
        """The week's warm-ups, in date order."""
        days = warm_up_days(self.calendar, span)
        if not days:
            return []
        reason_of = self.calendar.warm_up_reason
        if self.adjustments:
            found = []
            for day in days:
                items, estimated_s = self._kept(day)
                if items:
                    found.append(
                        PlannedSession(
                            day, SessionKind.ACTIVATION, items, estimated_s, reason_of(day)
                        )
                    )
            return found
        # Without adjustments every warm-up holds the same items.
        items, estimated_s = self._built((True,) * len(self.drills))
        if not items:
            return []
        return [
            PlannedSession(day, SessionKind.ACTIVATION, items, estimated_s, reason_of(day))
            for day in days
        ]

    def _kept(self, day: dt.date) -> tuple[tuple[PlanItem, ...], int]:
        kept = []
        for drill in self.drills:
            adjustment = adjustment_on(self.adjustments, drill.exercise, day)
            kept.append(adjustment is None or not adjustment.paused)
        return self._built(tuple(kept))

    def _built(self, kept: tuple[bool, ...]) -> tuple[tuple[PlanItem, ...], int]:
        """The items of the drills `kept` marks and their seconds: the same warm-up repeats
        every day until a pause changes it, so each is built once."""
        found = self._items.get(kept)
        if found is None:
            items = tuple(
                PlanItem(i.exercise, i.variant, i.dose, rx_reason(self.catalog, i, ""))
                for i, keep in zip(self.drills, kept, strict=True)
                if keep
            )
            found = self._items[kept] = (items, estimate_session_s(items))
        return found
