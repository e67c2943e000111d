"""The planner: a runner's profile and the catalog in, a multi-week plan out.

It puts 2-3 barefoot strength sessions of about the asked minutes into each
Monday-to-Sunday week (seed-000), a short activation warm-up on every run day
(seed-004), starts with five exercises and rotates new ones in each week while
keystones and posterior tibialis work stay, progresses each exercise by one level
per build week it was done, eases off every fourth week and in race weeks, and
writes down why for every day and every exercise. Same inputs, same plan: nothing
here is random or depends on set iteration order.

Warm-ups go on every run day, strength day or not: they prepare the run, while the
strength session is separate work done after it (footcore-design).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from footcore.domain.catalog import Catalog, Dose, Variant
from footcore.domain.plan import (
    ExerciseAdjustment,
    Plan,
    PlanItem,
    PlannedSession,
    PlanWeek,
    SessionKind,
    WeekKind,
)
from footcore.domain.plan_serialize import plan_from_dict as plan_from_dict
from footcore.domain.plan_serialize import plan_to_dict as plan_to_dict
from footcore.domain.profile import Profile
from footcore.domain.progression import lighter
from footcore.domain.reasons import (
    ItemContext,
    item_reason,
    strength_day_reason,
    warm_up_reason,
)
from footcore.domain.rotation import (
    FIRST_WEEK_EXERCISES,
    WeekPool,
    candidates,
    first_pool,
    next_pool,
    pool_size,
)
from footcore.domain.scheduling import (
    RunningWeek,
    WeekSpan,
    choose_strength_days,
    warm_up_days,
    week_spans,
)
from footcore.domain.sessions import Slot, fill_activation, fill_strength, limit_s
from footcore.domain.timing import estimate_item_s, estimate_session_s
from footcore.domain.vocab import Role

SHARE_OF_MINUTES: Mapping[WeekKind, float] = MappingProxyType(
    {WeekKind.BUILD: 1.0, WeekKind.LIGHTER: 0.7, WeekKind.RACE: 0.5}
)
"""footcore-design: lighter weeks run at 70% of the asked minutes, race weeks at half."""
SHORT_SESSION = 0.8
"""footcore-design: a strength session under 80% of its target is reported."""
LIGHTER_EVERY = 4
"""footcore-design: every fourth week is lighter, so the body absorbs the work."""

_NO_ADJUSTMENTS: Mapping[str, ExerciseAdjustment] = MappingProxyType({})
_KIND_ORDER = {SessionKind.ACTIVATION: 0, SessionKind.STRENGTH: 1, SessionKind.ASSESSMENT: 2}


def build_plan(
    profile: Profile,
    catalog: Catalog,
    *,
    adjustments: Mapping[str, ExerciseAdjustment] = _NO_ADJUSTMENTS,
    emphasis: Sequence[str] = (),
) -> Plan:
    """The whole plan for `profile` (see the module docstring for the rules).

    `adjustments` (keyed by exercise id) shift an exercise's level, or pause it,
    from their `since` date on. `emphasis` lists exercise ids a self-test brought
    forward: they enter earlier and their reason says so. Unknown ids are ignored.
    """
    return _Planner(profile, catalog, adjustments, emphasis).plan()


def week_kind(span: WeekSpan, profile: Profile) -> WeekKind:
    """RACE for a week holding a race, LIGHTER every fourth week, else BUILD."""
    if any(span.start <= race <= span.end for race in profile.races):
        return WeekKind.RACE
    if span.index % LIGHTER_EVERY == 0:
        return WeekKind.LIGHTER
    return WeekKind.BUILD


def target_s(profile: Profile, kind: WeekKind) -> int:
    """Seconds a strength session aims for in a week of this kind."""
    return round(profile.minutes * 60 * SHARE_OF_MINUTES[kind])


def sessions_from(plan: Plan, day: dt.date) -> tuple[PlannedSession, ...]:
    """Every session on or after `day`, in order."""
    return tuple(s for s in plan.sessions() if s.date >= day)


def next_session(
    plan: Plan, day: dt.date, kind: SessionKind | None = None
) -> PlannedSession | None:
    """The first session on or after `day` (of `kind`, if given)."""
    return next((s for s in sessions_from(plan, day) if kind in (None, s.kind)), None)


def week_of(plan: Plan, day: dt.date) -> PlanWeek | None:
    """The plan week holding `day`, or None outside the plan."""
    for week in plan.weeks:
        if week.start <= day <= week.start + dt.timedelta(days=6 - week.start.weekday()):
            return week
    return None


class _Planner:
    """Walks the weeks in order; progression and rotation carry state between them."""

    def __init__(
        self,
        profile: Profile,
        catalog: Catalog,
        adjustments: Mapping[str, ExerciseAdjustment],
        emphasis: Sequence[str],
    ) -> None:
        self.profile = profile
        self.calendar = RunningWeek(profile)
        found, left_out = candidates(catalog, profile, emphasis)
        self.candidates = found
        self.by_id = {c.id: c for c in found}
        self.adjustments = adjustments
        self.warnings: dict[str, None] = dict.fromkeys(left_out)
        self.build_weeks_done: dict[str, int] = {}
        """Build weeks each exercise was done in: its level before adjustments."""
        self.served: dict[str, int] = {}
        """Weeks in a row each exercise has been done, up to the last one."""
        self.last_done: dict[str, int] = {}
        self.last_state: dict[str, tuple[Variant, Dose]] = {}
        self.previous: tuple[str, ...] | None = None
        """Exercises of the last week that had strength sessions."""
        self.last_strength_day: dt.date | None = None
        order = {e.id: i for i, e in enumerate(catalog.exercises)}
        # seed-004 warms up with toe yoga and the short foot (keystones here) and the
        # big-toe tap (an activation drill); the order rotates from one run to the next.
        self.warm_ups = sorted(
            (c.id for c in found if c.exercise.role is Role.ACTIVATION or c.exercise.keystone),
            key=order.__getitem__,
        )
        self.warm_ups_done = 0
        self.warm_up_slots: dict[tuple[str, ...], tuple[Slot, ...]] = {}
        self.offers: dict[tuple[str, WeekKind, int, int], tuple[tuple[Variant, Dose], bool]] = {}
        """Memo of `_offer`: the same level and time limit always give the same answer."""
        for exercise_id, adjustment in sorted(adjustments.items()):
            if adjustment.paused and exercise_id in self.by_id:
                name = self.by_id[exercise_id].exercise.name
                since = adjustment.since.isoformat()
                self.warnings[f"{name} paused from {since}: {adjustment.reason}"] = None

    def plan(self) -> Plan:
        weeks = tuple(self._week(span) for span in week_spans(self.profile))
        if not any(c.tibialis for c in self.candidates):
            self.warnings[
                "No posterior tibialis exercise suits your pain and equipment, though "
                "seed-004 asks for it every week: ask a clinician for one that does."
            ] = None
        if not self.warm_ups and (self.profile.run_days or self.profile.races):
            self.warnings[
                "No warm-up drill suits your pain and equipment, so run days have no "
                "activation session."
            ] = None
        return Plan(weeks=weeks, warnings=tuple(self.warnings))

    def _adjustment(self, exercise_id: str, day: dt.date) -> ExerciseAdjustment | None:
        """The adaptation in force for this exercise on `day`, if any."""
        adjustment = self.adjustments.get(exercise_id)
        if adjustment is not None and day >= adjustment.since:
            return adjustment
        return None

    def _paused(self, exercise_id: str, day: dt.date) -> bool:
        adjustment = self._adjustment(exercise_id, day)
        return adjustment is not None and adjustment.paused

    def _week(self, span: WeekSpan) -> PlanWeek:
        kind = week_kind(span, self.profile)
        choice = choose_strength_days(
            self.calendar, span, self.profile.sessions_per_week, self.last_strength_day
        )
        notes = {
            WeekKind.BUILD: [],
            WeekKind.LIGHTER: [
                "Lighter week: shorter sessions and easier doses to absorb the work."
            ],
            WeekKind.RACE: ["Race week: short, easy sessions and nothing new."],
        }[kind]
        if choice.shortfall is not None:
            self._warn(notes, choice.shortfall)
        strength = self._strength_week(span, kind, choice.days, notes)
        warm_ups = [self._warm_up(day) for day in warm_up_days(self.calendar, span)]
        sessions = sorted(
            [*strength, *(s for s in warm_ups if s is not None)],
            key=lambda s: (s.date, _KIND_ORDER[s.kind]),
        )
        return PlanWeek(span.index, span.start, kind, tuple(sessions), tuple(notes))

    def _warn(self, notes: list[str], text: str) -> None:
        notes.append(text)
        self.warnings[text] = None

    def _level(self, exercise_id: str, kind: WeekKind, day: dt.date) -> int:
        done = self.build_weeks_done.get(exercise_id, 0)
        # Lighter and race weeks ease last week's dose instead of raising it.
        level = done if kind is WeekKind.BUILD else max(done - 1, 0)
        adjustment = self._adjustment(exercise_id, day)
        return level + (adjustment.level_delta if adjustment is not None else 0)

    def _state(
        self, exercise_id: str, *, kind: WeekKind, day: dt.date, target: int
    ) -> tuple[Variant, Dose]:
        return self._offer(exercise_id, kind, day, target)[0]

    def _offer(
        self, exercise_id: str, kind: WeekKind, day: dt.date, target: int
    ) -> tuple[tuple[Variant, Dose], bool]:
        """The rung and dose for this session, and whether the level was lowered to
        fit the session's time limit (never below the ladder's bottom)."""
        ladder = self.by_id[exercise_id].ladder
        wanted = self._level(exercise_id, kind, day)
        intended = min(max(wanted, ladder.bottom_level), ladder.top_level)
        key = (exercise_id, kind, intended, target)
        if key not in self.offers:
            ceiling = limit_s(target)
            level = intended
            while True:
                variant, dose = ladder.at(level)
                if kind is not WeekKind.BUILD:
                    dose = lighter(dose)
                if estimate_item_s(dose) <= ceiling or level <= ladder.bottom_level:
                    break
                level -= 1
            self.offers[key] = ((variant, dose), level < intended)
        return self.offers[key]

    def _pool(self, span: WeekSpan, kind: WeekKind, days: Sequence[dt.date]) -> WeekPool:
        available = [c for c in self.candidates if not self._paused(c.id, days[0])]
        target = target_s(self.profile, kind)
        if self.previous is None:
            # Five exercises must fit into the week's sessions.
            budget = limit_s(target) * len(days)
            return first_pool(
                available,
                budget,
                lambda c: estimate_item_s(self._offer(c.id, kind, days[0], target)[0][1]),
            )
        if kind is WeekKind.RACE:
            kept = tuple(c for c in available if c.id in self.previous)
            return WeekPool(kept, {c.id: c.why(new=False) for c in kept}, ())
        size = pool_size(self.profile.minutes, len(available))
        return next_pool(available, self.previous, self.served, self.last_done, size)

    def _strength_week(
        self, span: WeekSpan, kind: WeekKind, days: Sequence[dt.date], notes: list[str]
    ) -> list[PlannedSession]:
        if not days:
            return []
        pool = self._pool(span, kind, days)
        position = {c.id: i for i, c in enumerate(pool.members)}
        must = {c.id for c in pool.members if c.exercise.keystone or c.tibialis}
        must.update(pool.newcomers)
        used: dict[str, int] = {}
        target = target_s(self.profile, kind)
        sessions = []
        for day in days:
            order = sorted(
                (i for i in position if not self._paused(i, day)),
                key=lambda i: (used.get(i, 0), i not in must, position[i]),
            )
            offer = functools.partial(self._state, kind=kind, day=day, target=target)
            slots = fill_strength(order, offer, target)
            items = tuple(self._item(slot, pool, kind, day, target) for slot in slots)
            for slot in slots:
                used[slot.exercise_id] = used.get(slot.exercise_id, 0) + 1
                self.last_state[slot.exercise_id] = (slot.variant, slot.base)
            if not items:
                continue
            reason = strength_day_reason(day, self.calendar.describe(day), kind, target)
            estimated_s = estimate_session_s(items)
            if estimated_s < SHORT_SESSION * target:
                self._warn(
                    notes,
                    f"Week {span.index}: the {day.isoformat()} session comes to about "
                    f"{round(estimated_s / 60)} of {round(target / 60)} minutes: too few "
                    "exercises suit your pain and equipment to fill it.",
                )
            sessions.append(PlannedSession(day, SessionKind.STRENGTH, items, estimated_s, reason))
        if not sessions:
            self._warn(notes, f"Week {span.index}: no exercise suits your pain and equipment.")
            return []
        self._close_week(span, kind, pool, tuple(used), notes)
        self.last_strength_day = sessions[-1].date
        return sessions

    def _item(
        self, slot: Slot, pool: WeekPool, kind: WeekKind, day: dt.date, target: int
    ) -> PlanItem:
        exercise_id = slot.exercise_id
        trimmed = self._offer(exercise_id, kind, day, target)[1]
        adjustment = self._adjustment(exercise_id, day)
        context = ItemContext(
            why=pool.reasons[exercise_id],
            kind=kind,
            first_week=self.previous is None,
            before=self.last_state.get(exercise_id),
            adjustment=adjustment if adjustment is not None and adjustment.level_delta else None,
            trimmed=trimmed,
        )
        reason = item_reason(
            self.by_id[exercise_id],
            slot,
            context,
            minutes=self.profile.minutes,
            have=self.profile.equipment,
        )
        return PlanItem(exercise_id, slot.variant.id, slot.dose, reason)

    def _close_week(
        self,
        span: WeekSpan,
        kind: WeekKind,
        pool: WeekPool,
        content: tuple[str, ...],
        notes: list[str],
    ) -> None:
        """Say what the week could not deliver, then carry its state forward."""
        previous = self.previous
        if previous is None and len(content) < FIRST_WEEK_EXERCISES:
            self._warn(
                notes,
                f"Week {span.index}: only {len(content)} of the five starting exercises fit "
                "your sessions, pain and equipment.",
            )
        elif previous is not None and kind is not WeekKind.RACE and set(content) <= set(previous):
            self._warn(notes, f"Week {span.index}: no new exercise could be rotated in.")
        for candidate in pool.members:
            staying = candidate.exercise.keystone or candidate.tibialis
            if staying and candidate.id not in content:
                self._warn(
                    notes,
                    f"Week {span.index}: {candidate.exercise.name} did not fit into this "
                    "week's sessions.",
                )
        for exercise_id in content:
            if kind is WeekKind.BUILD:
                self.build_weeks_done[exercise_id] = self.build_weeks_done.get(exercise_id, 0) + 1
            streak = self.served.get(exercise_id, 0) if previous and exercise_id in previous else 0
            self.served[exercise_id] = streak + 1
            self.last_done[exercise_id] = span.index
        self.previous = content

    def _warm_up(self, day: dt.date) -> PlannedSession | None:
        turn = self.warm_ups_done % max(len(self.warm_ups), 1)
        order = tuple(
            i for i in self.warm_ups[turn:] + self.warm_ups[:turn] if not self._paused(i, day)
        )
        if order not in self.warm_up_slots:
            # Warm-ups stay at level 0: they prepare a run rather than build strength.
            self.warm_up_slots[order] = fill_activation(order, lambda i: self.by_id[i].ladder.at(0))
        slots = self.warm_up_slots[order]
        self.warm_ups_done += 1
        if not slots:
            return None
        items = tuple(
            PlanItem(s.exercise_id, s.variant.id, s.dose, warm_up_reason(self.by_id[s.exercise_id]))
            for s in slots
        )
        return PlannedSession(
            day,
            SessionKind.ACTIVATION,
            items,
            estimate_session_s(items),
            self.calendar.warm_up_reason(day),
        )
