"""The 2-3 minute activation warm-up before each run (seed-004).

seed-004 warms up with toe yoga and the short foot (keystones here) and the big-toe
tap (an activation drill). A warm-up holds as many of them as fit into 2-3 minutes,
easing a drill's dose when the whole one does not fit; the drill it starts with
rotates from one run to the next so each gets its turn. Warm-ups stay at level 0:
they prepare a run rather than build strength (footcore-design).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from footcore.domain.catalog import Catalog
from footcore.domain.plan import PlanItem, PlannedSession, SessionKind
from footcore.domain.reasons import warm_up_reason
from footcore.domain.rotation import Candidate
from footcore.domain.sessions import Slot, fill_activation
from footcore.domain.timing import estimate_session_s
from footcore.domain.vocab import Role


class WarmUps:
    """Hands out warm-up sessions in date order, rotating the drills."""

    def __init__(self, available: Sequence[Candidate], catalog: Catalog) -> None:
        order = {e.id: i for i, e in enumerate(catalog.exercises)}
        self.by_id = {c.id: c for c in available}
        self.drills = sorted(
            (c.id for c in available if c.exercise.role is Role.ACTIVATION or c.exercise.keystone),
            key=order.__getitem__,
        )
        self.given = 0
        self.filled: dict[tuple[str, ...], tuple[Slot, ...]] = {}

    def session(
        self, day: dt.date, reason: str, paused: Callable[[str, dt.date], bool]
    ) -> PlannedSession | None:
        """The warm-up for `day`, or None when no drill is left (all paused)."""
        turn = self.given % max(len(self.drills), 1)
        self.given += 1
        order = tuple(i for i in self.drills[turn:] + self.drills[:turn] if not paused(i, day))
        if order not in self.filled:
            self.filled[order] = fill_activation(
                order, lambda i, _room_s, _squeeze: self.by_id[i].ladder.at(0)
            )
        slots = self.filled[order]
        if not slots:
            return None
        items = tuple(
            PlanItem(s.exercise_id, s.variant.id, s.dose, warm_up_reason(self.by_id[s.exercise_id]))
            for s in slots
        )
        return PlannedSession(day, SessionKind.ACTIVATION, items, estimate_session_s(items), reason)
