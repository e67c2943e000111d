"""The week-by-week walk behind `planning.build_plan`.

Weeks are planned in order because each depends on the last: progression counts the
build weeks an exercise was done in, rotation needs last week's exercises, and no
strength day may follow the previous week's last one.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Collection, Mapping, Sequence

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
from footcore.domain.profile import Profile
from footcore.domain.progression import lighter
from footcore.domain.reasons import ItemContext, item_reason, strength_day_reason
from footcore.domain.retests import retest_sessions
from footcore.domain.rotation import (
    FIRST_WEEK_EXERCISES,
    Candidate,
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
    week_kind,
    week_spans,
)
from footcore.domain.sessions import Slot, fill_strength, limit_s, target_s
from footcore.domain.timing import estimate_dose_s, estimate_session_s, transition_s
from footcore.domain.warm_ups import WarmUps

SHORT_SESSION = 0.8
"""footcore-design: a strength session under 80% of its target is reported."""

# A retest comes first on its day: fatigue from other foot work would lower the results.
_KIND_ORDER = {SessionKind.ASSESSMENT: 0, SessionKind.ACTIVATION: 1, SessionKind.STRENGTH: 2}
_WEEK_NOTES = {
    WeekKind.BUILD: (),
    WeekKind.LIGHTER: ("Lighter week: shorter sessions and easier doses to absorb the work.",),
    WeekKind.RACE: ("Race week: short, easy sessions and nothing new.",),
}

State = tuple[Variant, Dose, int]
"""A rung, a dose and the dose's estimated seconds."""


class PlanBuilder:
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
        self.candidates, left_out = candidates(catalog, profile, emphasis)
        self.by_id = {c.id: c for c in self.candidates}
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
        self.walks: dict[tuple[str, WeekKind, int], tuple[State, ...]] = {}
        self.warm_ups = WarmUps(self.candidates, catalog)
        self.retests = retest_sessions(profile, self.calendar)
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
        if not self.warm_ups.drills and (self.profile.run_days or self.profile.races):
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

    def _warn(self, notes: list[str], text: str) -> None:
        notes.append(text)
        self.warnings[text] = None

    def _week(self, span: WeekSpan) -> PlanWeek:
        kind = week_kind(span, self.profile)
        notes = list(_WEEK_NOTES[kind])
        choice = choose_strength_days(
            self.calendar, span, self.profile.sessions_per_week, self.last_strength_day
        )
        if choice.shortfall is not None:
            self._warn(notes, choice.shortfall)
        strength = self._strength_week(span, kind, choice.days, notes) if choice.days else []
        warm_ups = [
            self.warm_ups.session(day, self.calendar.warm_up_reason(day), self._paused)
            for day in warm_up_days(self.calendar, span)
        ]
        retests = [s for s in self.retests if span.start <= s.date <= span.end]
        sessions = sorted(
            [*strength, *(s for s in warm_ups if s is not None), *retests],
            key=lambda s: (s.date, _KIND_ORDER[s.kind]),
        )
        return PlanWeek(span.index, span.start, kind, tuple(sessions), tuple(notes))

    def _walk(self, exercise_id: str, kind: WeekKind, day: dt.date) -> tuple[State, ...]:
        """The states an exercise may be done at in this session, the runner's own
        level first, then each level below it down to the ladder's bottom. Lighter
        and race weeks ease last week's dose instead of raising it."""
        ladder = self.by_id[exercise_id].ladder
        done = self.build_weeks_done.get(exercise_id, 0)
        level = done if kind is WeekKind.BUILD else max(done - 1, 0)
        adjustment = self._adjustment(exercise_id, day)
        level += adjustment.level_delta if adjustment is not None else 0
        level = min(max(level, ladder.bottom_level), ladder.top_level)
        key = (exercise_id, kind, level)
        if key not in self.walks:
            states = []
            for lower in range(level, ladder.bottom_level - 1, -1):
                variant, dose = ladder.at(lower)
                if kind is not WeekKind.BUILD:
                    dose = lighter(dose)
                states.append((variant, dose, estimate_dose_s(dose)))
            self.walks[key] = tuple(states)
        return self.walks[key]

    def _pick(
        self,
        exercise_id: str,
        room_s: int,
        squeeze: bool,
        *,
        kind: WeekKind,
        day: dt.date,
        target: int,
        flexible: Collection[str],
        share_s: int,
        trimmed: set[str],
    ) -> tuple[Variant, Dose] | None:
        """The state to use with `room_s` seconds left in the session.

        Every exercise is eased as far as needed to fit an empty session. The
        `flexible` ones (keystones, posterior tibialis work and newcomers, the first
        time this week) are eased further, to `share_s` or the room left, so that
        they all find a place in the week's sessions; with `squeeze`, any exercise is
        eased to fit the room left (footcore-design).
        """
        walk = self._walk(exercise_id, kind, day)
        if squeeze or exercise_id in flexible:
            cap_s = room_s if squeeze else min(room_s, share_s)
            chosen = next((i for i, state in enumerate(walk) if state[2] <= cap_s), None)
            if chosen is None and walk[-1][2] <= room_s:
                chosen = len(walk) - 1
        else:
            whole_s = limit_s(target) - transition_s(first=True)
            chosen = next((i for i, state in enumerate(walk) if state[2] <= whole_s), None)
            if chosen is not None and walk[chosen][2] > room_s:
                chosen = None
        if chosen is None:
            return None
        if chosen:
            trimmed.add(exercise_id)
        variant, dose, _ = walk[chosen]
        return variant, dose

    def _pool(self, span: WeekSpan, kind: WeekKind, days: Sequence[dt.date]) -> WeekPool:
        available = [c for c in self.candidates if not self._paused(c.id, days[0])]
        target = target_s(self.profile, kind)
        if self.previous is None:
            whole_s = limit_s(target) - transition_s(first=True)

            def cost_s(candidate: Candidate) -> int:
                walk = self._walk(candidate.id, kind, days[0])
                fitting = next((s for _, _, s in walk if s <= whole_s), walk[-1][2])
                return fitting + transition_s()

            return first_pool(available, limit_s(target) * len(days), cost_s)
        if kind is WeekKind.RACE:
            kept = tuple(c for c in available if c.id in self.previous)
            return WeekPool(kept, {c.id: c.why(new=False) for c in kept}, ())
        size = pool_size(self.profile.minutes, len(available))
        return next_pool(available, self.previous, self.served, self.last_done, size)

    def _strength_week(
        self, span: WeekSpan, kind: WeekKind, days: Sequence[dt.date], notes: list[str]
    ) -> list[PlannedSession]:
        pool = self._pool(span, kind, days)
        position = {c.id: i for i, c in enumerate(pool.members)}
        # Keystones and posterior tibialis work first, then the week's newcomers.
        tier = {c.id: 0 if c.exercise.keystone or c.tibialis else 2 for c in pool.members}
        tier.update({i: min(tier[i], 1) for i in pool.newcomers})
        used: dict[str, int] = {}
        target = target_s(self.profile, kind)
        # Each session holds about its share of the exercises that must appear.
        per_session = math.ceil(sum(t < 2 for t in tier.values()) / len(days))
        share_s = limit_s(target) // max(per_session, 1) - transition_s()
        sessions = []
        for day in days:
            order = sorted(
                (i for i in position if not self._paused(i, day)),
                key=lambda i: (used.get(i, 0), tier[i], position[i]),
            )
            flexible = {i for i in order if tier[i] < 2 and not used.get(i)}
            trimmed: set[str] = set()
            offer = functools.partial(
                self._pick,
                kind=kind,
                day=day,
                target=target,
                flexible=flexible,
                share_s=share_s,
                trimmed=trimmed,
            )
            slots = fill_strength(order, offer, target)
            if not slots:
                continue
            items = tuple(
                self._item(slot, pool, kind, day, target, slot.exercise_id in trimmed)
                for slot in slots
            )
            for slot in slots:
                used[slot.exercise_id] = used.get(slot.exercise_id, 0) + 1
                self.last_state[slot.exercise_id] = (slot.variant, slot.base)
            estimated_s = estimate_session_s(items)
            if estimated_s < SHORT_SESSION * target:
                self._warn(
                    notes,
                    f"Week {span.index}: the {day.isoformat()} session comes to about "
                    f"{round(estimated_s / 60)} of {round(target / 60)} minutes: too few "
                    "exercises suit your pain and equipment to fill it.",
                )
            reason = strength_day_reason(day, self.calendar.describe(day), kind, target)
            sessions.append(PlannedSession(day, SessionKind.STRENGTH, items, estimated_s, reason))
        if not sessions:
            self._warn(notes, f"Week {span.index}: no exercise suits your pain and equipment.")
            return []
        self._close_week(span, kind, tuple(used), notes)
        self.last_strength_day = sessions[-1].date
        return sessions

    def _item(
        self, slot: Slot, pool: WeekPool, kind: WeekKind, day: dt.date, target: int, trimmed: bool
    ) -> PlanItem:
        exercise_id = slot.exercise_id
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
            session_minutes=max(1, round(target / 60)),
            have=self.profile.equipment,
        )
        return PlanItem(exercise_id, slot.variant.id, slot.dose, reason)

    def _close_week(
        self, span: WeekSpan, kind: WeekKind, content: tuple[str, ...], notes: list[str]
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
        staying = [
            c
            for c in self.candidates
            if (c.exercise.keystone or c.tibialis) and not self._paused(c.id, span.end)
        ]
        if any(c.tibialis for c in staying) and not any(self.by_id[i].tibialis for i in content):
            self._warn(notes, f"Week {span.index}: no posterior tibialis work fit this week.")
        for candidate in staying:
            if candidate.exercise.keystone and candidate.id not in content:
                name = candidate.exercise.name
                self._warn(notes, f"Week {span.index}: {name} did not fit this week.")
        for exercise_id in content:
            if kind is WeekKind.BUILD:
                self.build_weeks_done[exercise_id] = self.build_weeks_done.get(exercise_id, 0) + 1
            streak = self.served.get(exercise_id, 0) if previous and exercise_id in previous else 0
            self.served[exercise_id] = streak + 1
            self.last_done[exercise_id] = span.index
        self.previous = content
