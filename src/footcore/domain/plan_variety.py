"""Seed 000's variety, week by week, for the planner (`plan_builder`): five exercises in
all in week one; after that last week's, plus at most two new ones (none before a race
or after a flare), the longest-served making room so the rotation keeps turning.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from footcore.domain.catalog import Dose
from footcore.domain.plan import WeekKind
from footcore.domain.prescription import PrescribedExercise
from footcore.domain.progression import Ladder
from footcore.domain.timing import EXERCISE_REST_S, GET_READY_S

FIRST_WEEK_EXERCISES = 5
"""seed 000: start with five exercises."""
MAX_NEW_PER_WEEK = 2
"""seed 000: alternate with new exercises each week; footcore caps it at two."""


class Rotation:
    """The variety of one plan: which seed 000 exercises each week offers its sessions."""

    def __init__(
        self,
        variety: Sequence[str],
        ladders: Mapping[str, Ladder],
        seconds: Callable[[Dose], int],
        *,
        steady: bool,
    ) -> None:
        self.available = [v for v in variety if v in ladders]
        """The variety exercises with a ladder for this runner's equipment, best first."""
        self.rank = {v: i for i, v in reversed(list(enumerate(self.available)))}
        """Each one's first place in `available`."""
        self.ladders = ladders
        self.seconds = seconds
        self.steady = steady
        self.previous: frozenset[str] | None = None
        """Last week's exercises (None before the first week with a strength session)."""
        self.last_done: dict[str, int] = {}
        """The last week index each exercise was done in."""
        self._first_s: dict[str, int] = {}
        self._fixed_s: dict[int, tuple[tuple[PrescribedExercise, ...], int]] = {}

    def pool(
        self,
        kind: WeekKind,
        due: Sequence[tuple[PrescribedExercise, ...]],
        ceiling: int,
        *,
        flared_last_week: bool,
    ) -> list[str]:
        """This week's variety, never a protocol's place: `due` holds the prescribed items
        of each of its sessions, `ceiling` the most seconds a session may come to."""
        available = self.available
        previous = self.previous
        if previous is None:
            fixed = {i.exercise for items in due for i in items}
            room = max(FIRST_WEEK_EXERCISES - len(fixed), 0)
            return available[:room]
        kept = [v for v in available if v in previous]
        if kind is WeekKind.RACE or flared_last_week:
            # Before a race, and in the week after a session above 5/10, nothing new.
            return kept
        last_done, rank = self.last_done, self.rank
        fresh = sorted(
            (v for v in available if v not in previous),
            key=lambda v: (v in last_done, last_done.get(v, 0), rank[v]),
        )
        spare = sum(max(ceiling - self._fixed(items), 0) for items in due)
        wanted = sum(self._first(v) for v in kept)
        count = 1 if fresh else 0
        if fresh[1:] and not self.steady and spare > wanted + 2 * self._first(fresh[0]):
            count = MAX_NEW_PER_WEEK
        newcomers = fresh[:count]
        # The longest-served make room, so the rotation keeps turning.
        if kept and newcomers and spare <= wanted:
            kept = kept[: max(len(kept) - len(newcomers), 0)]
        return [*newcomers, *kept]

    def close(self, week: int, content: Collection[str]) -> None:
        """Week `week` held `content` (every exercise of its strength sessions)."""
        for exercise_id in content:
            self.last_done[exercise_id] = week
        self.previous = frozenset(content)

    def _item_s(self, dose: Dose) -> int:
        """`timing.estimate_item_s` of a dose that is not a session's first."""
        return self.seconds(dose) + GET_READY_S + EXERCISE_REST_S

    def _first(self, exercise_id: str) -> int:
        """`_item_s` of the exercise's level-0 dose."""
        found = self._first_s.get(exercise_id)
        if found is None:
            found = self._item_s(self.ladders[exercise_id].at(0)[1])
            self._first_s[exercise_id] = found
        return found

    def _fixed(self, items: tuple[PrescribedExercise, ...]) -> int:
        found = self._fixed_s.get(id(items))
        if found is None:  # the same few tuples of items come back week after week
            found = self._fixed_s[id(items)] = (items, sum(self._item_s(i.dose) for i in items))
        return found[1]
