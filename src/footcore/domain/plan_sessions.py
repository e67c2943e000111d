"""One strength session of the planner (`plan_builder`): the prescribed items due that
day first, then seed 000's variety until the session reaches its length, then more
repetitions where a short session has room (`plan_padding`).

Only a concern protocol (or a clinician's pinned item) may take a session past its
length; the variety loses sets to fit, never rungs or load. A plan places the same
items at the same doses hundreds of times, so every item, cut and padding is built
once per plan and looked up by the identity of the answers `plan_doses.Doses` gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import NamedTuple

from footcore.domain.catalog import Catalog, Dose, Variant
from footcore.domain.plan import ExerciseAdjustment, PlanItem, WeekKind
from footcore.domain.plan_doses import Doses, RxState
from footcore.domain.plan_padding import Padding
from footcore.domain.prescription import PrescribedExercise, RxRole
from footcore.domain.reasons import rx_reason_head, variety_reason, with_words
from footcore.domain.timing import (
    EXERCISE_REST_S,
    GET_READY_S,
    estimate_dose_s,
    fewest_sets_cut,
)
from footcore.domain.vocab import Equipment


def adjustment_on(
    adjustments: Mapping[str, ExerciseAdjustment], exercise_id: str, day: dt.date
) -> ExerciseAdjustment | None:
    """The adjustment in force for `exercise_id` on `day`, or None."""
    adjustment = adjustments.get(exercise_id)
    return adjustment if adjustment is not None and day >= adjustment.since else None


_Costed = tuple[PlanItem, int, int]
"""An item with its seconds as a session's first item and as any later one."""


class _Week(NamedTuple):
    week: int
    kind: WeekKind
    target: int
    ceiling: int
    variety: Sequence[str]
    previous: Collection[str] | None
    warn: Callable[[str], None]


def _ignore(text: str) -> None:
    """`warn` before the first week begins."""


class SessionFiller:
    """Fills the strength sessions of one plan (see the module docstring)."""

    def __init__(
        self,
        catalog: Catalog,
        doses: Doses,
        adjustments: Mapping[str, ExerciseAdjustment],
        emphasised: Collection[str],
        equipment: Collection[Equipment],
    ) -> None:
        self.catalog = catalog
        self.doses = doses
        self.adjustments = adjustments
        self.emphasised = emphasised
        self.equipment = equipment
        self._dose_s: dict[int, tuple[Dose, int]] = {}
        self._rx_items: dict[tuple[int, int, str | None], _Costed] = {}
        self._variety_items: dict[tuple[str, int, int, str, str | None], _Costed] = {}
        self._reasons: dict[tuple[str, str, bool, bool], str] = {}
        self._cuts: dict[tuple[int, int], Dose] = {}
        self._padding = Padding(self.seconds)
        self._wk = _Week(0, WeekKind.BUILD, 0, 0, (), None, _ignore)
        self._active: tuple[str, ...] | None = None
        self._this_week: dict[object, _Costed | None] = {}
        self._heads: dict[int, str] = {}
        self._bases: dict[str, tuple[Variant, Dose, str, str | None] | None] = {}
        """This week's rung, dose, reason and adjustment words of each variety exercise."""
        self._used: dict[str, int] = {}
        """How often each exercise of the week's pool was placed this week."""

    def seconds(self, dose: Dose) -> int:
        """`timing.estimate_dose_s`, remembered by the dose's identity: the doses of a plan
        are a few dozen objects seen thousands of times."""
        found = self._dose_s.get(id(dose))
        if found is None:
            # Keeping the dose keeps its id from being reused while the plan is built.
            found = self._dose_s[id(dose)] = (dose, estimate_dose_s(dose))
        return found[1]

    def _costed(self, item: PlanItem) -> _Costed:
        dose_s = self.seconds(item.dose)
        return item, dose_s + GET_READY_S, dose_s + GET_READY_S + EXERCISE_REST_S

    def begin_week(
        self,
        *,
        week: int,
        kind: WeekKind,
        target: int,
        ceiling: int,
        variety: Sequence[str],
        previous: Collection[str] | None,
        warn: Callable[[str], None],
    ) -> None:
        """Start plan week `week`: its sessions aim at `target` seconds and may come to
        `ceiling`; `variety` is its pool (`plan_variety`), `previous` last week's
        exercises (None before the first), `warn` takes what could not be honoured."""
        self._wk = _Week(week, kind, target, ceiling, variety, previous, warn)
        self._used = dict.fromkeys(variety, 0)
        self._active = None

    def fill(
        self, day: dt.date, due: Sequence[PrescribedExercise]
    ) -> tuple[tuple[PlanItem, ...], int]:
        """The items and estimated seconds (`timing.estimate_session_s`) of the week's
        session on `day`, `due` its prescribed items: the variety exercises placed least
        often this week come first."""
        week, kind, target, ceiling, variety, previous, warn = self._wk
        adjustments = self.adjustments
        # An item's place is the same in every session of a week (the levels move only
        # when the week closes) while the same adjustments are in force (each from its
        # `since` day): worked out once for each such stretch of the week.
        active = tuple(ex for ex, a in adjustments.items() if day >= a.since) if adjustments else ()
        if active != self._active:
            self._active = active
            self._this_week = {}
            self._bases = {}
        this_week = self._this_week
        placed: list[_Costed] = []
        placed_ids: set[str] = set()
        total = 0
        for item in due:
            if item.exercise in placed_ids:
                continue
            entry = this_week.get(id(item))
            if entry is None:
                entry = this_week[id(item)] = self._rx_entry(item, day, week, kind)
            cost = entry[2] if placed else entry[1]
            if not (item.role is RxRole.CONCERN_PROTOCOL or item.pinned) and total + cost > ceiling:
                # Only a concern protocol may take a session past its length.
                name = self._name(item.exercise)
                warn(f"Week {week}: {name} did not fit the {day.isoformat()} session.")
                continue
            placed.append(entry)
            placed_ids.add(item.exercise)
            total += cost
        first = previous is None
        used = self._used
        for exercise_id in self._order(variety, used, day):
            if total >= target:
                break
            if exercise_id in placed_ids:
                continue
            key = (exercise_id, ceiling - total)
            if key in this_week:
                found = this_week[key]
            else:
                new = previous is not None and exercise_id not in previous
                found = self._variety_entry(exercise_id, day, kind, ceiling - total, new, first)
                this_week[key] = found
            if found is None:
                continue  # no heavy load before a race, and none under 18
            cost = found[2] if placed else found[1]
            if total + cost > ceiling:
                continue
            placed.append(found)
            placed_ids.add(exercise_id)
            used[exercise_id] = used.get(exercise_id, 0) + 1
            total += cost
        items = tuple([e[0] for e in placed])
        if total >= target:
            return items, total  # long enough: nothing to pad
        return self._padding.pad(items, total, target, ceiling)

    def _order(self, variety: Sequence[str], used: Mapping[str, int], day: dt.date) -> list[str]:
        """The week's variety, the least placed this week first, then in the pool's order;
        a paused exercise left out."""
        adjustments = self.adjustments
        candidates = (
            [v for v in variety if not _paused(adjustment_on(adjustments, v, day))]
            if adjustments
            else variety
        )
        if len(used) == len(variety):
            # No exercise twice in the pool: its place is its rank, and a stable sort by
            # the count alone keeps that order among equal counts.
            return sorted(candidates, key=used.__getitem__)
        rank = {v: i for i, v in enumerate(variety)}
        return sorted(candidates, key=lambda v: (used[v], rank[v]))

    def _name(self, exercise_id: str) -> str:
        return self.catalog.get(exercise_id).name

    def _rx_entry(
        self, item: PrescribedExercise, day: dt.date, week: int, kind: WeekKind
    ) -> _Costed:
        adjustment = adjustment_on(self.adjustments, item.exercise, day)
        delta = adjustment.level_delta if adjustment is not None else 0
        state = self.doses.rx_state(item, week, kind, delta)
        return self._rx_item(
            item, state, adjustment.reason if adjustment is not None and delta else None
        )

    def _variety_entry(
        self, exercise_id: str, day: dt.date, kind: WeekKind, budget_s: int, new: bool, first: bool
    ) -> _Costed | None:
        if exercise_id in self._bases:
            base = self._bases[exercise_id]
        else:
            base = self._bases[exercise_id] = self._variety_base(exercise_id, day, kind, new, first)
        if base is None:
            return None
        rung, dose, reason, adjusted = base
        # Fitting into the time removes sets, never rungs or load.
        return self._variety_item(exercise_id, rung, self._cut(dose, budget_s), reason, adjusted)

    def _variety_base(
        self, exercise_id: str, day: dt.date, kind: WeekKind, new: bool, first: bool
    ) -> tuple[Variant, Dose, str, str | None] | None:
        """What a variety exercise is this week whatever the time left: None when barred."""
        adjustment = adjustment_on(self.adjustments, exercise_id, day)
        delta = adjustment.level_delta if adjustment is not None else 0
        rung, dose = self.doses.ladder_state(exercise_id, kind, delta)
        if self.doses.heavy_barred(dose, kind):
            return None
        reason = self._variety_reason(exercise_id, rung, new=new, first=first)
        return rung, dose, reason, adjustment.reason if adjustment is not None and delta else None

    def _rx_item(self, item: PrescribedExercise, state: RxState, adjusted: str | None) -> _Costed:
        key = (id(item), id(state), adjusted)
        found = self._rx_items.get(key)
        if found is None:
            variant, dose, words = state
            if adjusted is not None:
                words = "; ".join(w for w in (words, f"adjusted: {adjusted}") if w)
            head = self._heads.get(id(item))
            if head is None:  # the prescription keeps its items alive
                head = self._heads[id(item)] = rx_reason_head(self.catalog, item)
            plan_item = PlanItem(item.exercise, variant, dose, with_words(head, words))
            found = self._rx_items[key] = self._costed(plan_item)
        return found

    def _variety_reason(self, exercise_id: str, rung: Variant, *, new: bool, first: bool) -> str:
        key = (exercise_id, rung.id, new, first)
        found = self._reasons.get(key)
        if found is None:
            found = self._reasons[key] = variety_reason(
                self.catalog,
                exercise_id,
                rung,
                new=new,
                first_week=first,
                emphasised=exercise_id in self.emphasised,
                have=self.equipment,
            )
        return found

    def _variety_item(
        self, exercise_id: str, rung: Variant, dose: Dose, reason: str, adjusted: str | None
    ) -> _Costed:
        key = (exercise_id, id(rung), id(dose), reason, adjusted)
        found = self._variety_items.get(key)
        if found is None:
            text = reason if adjusted is None else f"{reason}; adjusted: {adjusted}"
            found = self._variety_items[key] = self._costed(
                PlanItem(exercise_id, rung.id, dose, text)
            )
        return found

    def _cut(self, dose: Dose, budget_s: int) -> Dose:
        """`timing.fewest_sets_cut`, once per dose and budget: the cut doses stay the same
        objects, so what is built from them is looked up too."""
        if dose.sets <= 1 or self.seconds(dose) + GET_READY_S + EXERCISE_REST_S <= budget_s:
            return dose
        key = (id(dose), budget_s)
        found = self._cuts.get(key)
        if found is None:
            found = self._cuts[key] = fewest_sets_cut(dose, budget_s)
        return found


def _paused(adjustment: ExerciseAdjustment | None) -> bool:
    return adjustment is not None and adjustment.paused
