"""The week-by-week walk behind `planning.build_plan`: a prescription placed in the week.

Each prescribed exercise goes into as many of the week's strength sessions as its
frequency asks; seed 000's variety fills the time left, five exercises in week one
and at most two new ones a week after. Weeks are planned in order because each
depends on the last: ladder levels count the build weeks an exercise was done in,
the variety needs last week's exercises, and no strength day may follow the
previous week's last one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from functools import lru_cache

from footcore.domain.catalog import Catalog, Dose, Exercise, Variant
from footcore.domain.criteria import PROGRAM
from footcore.domain.plan import (
    ExerciseAdjustment,
    Plan,
    PlanItem,
    PlannedSession,
    PlanWeek,
    SessionKind,
    WeekKind,
)
from footcore.domain.prescription import (
    Frequency,
    PrescribedExercise,
    Prescription,
    Progression,
    RxRole,
)
from footcore.domain.profile import Profile
from footcore.domain.progression import Ladder, build_ladder
from footcore.domain.protocols import adult
from footcore.domain.reasons import rx_reason, strength_day_reason, variety_reason
from footcore.domain.retests import retest_sessions
from footcore.domain.scheduling import (
    RunningWeek,
    WeekSpan,
    choose_strength_days,
    warm_up_days,
    week_kind,
    week_spans,
)
from footcore.domain.sessions import limit_s, target_s
from footcore.domain.timing import estimate_item_s, estimate_session_s, fewest_sets_cut

FIRST_WEEK_EXERCISES = 5
"""seed 000: start with five exercises."""
MAX_NEW_PER_WEEK = 2
"""seed 000: alternate with new exercises each week; footcore caps it at two."""
SHORT_SESSION = 0.8
"""footcore's choice: a strength session under 80% of its target is reported."""

_KIND_ORDER = {SessionKind.ASSESSMENT: 0, SessionKind.ACTIVATION: 1, SessionKind.STRENGTH: 2}
_WEEK_NOTES = {
    WeekKind.BUILD: (),
    WeekKind.LIGHTER: ("Lighter week: one set fewer where an exercise has more than one.",),
    WeekKind.RACE: (
        "Race coming: short, easy sessions, nothing new, no step up and no heavy load.",
    ),
}


@lru_cache(maxsize=4096)
def lighter_sets(dose: Dose) -> Dose:
    """One set fewer, same load and reps (a lighter week cuts sets, never resistance).
    Doses are frozen values that repeat week after week: each is cut once."""
    return dataclasses.replace(dose, sets=dose.sets - 1) if dose.sets > 1 else dose


class PlanBuilder:
    def __init__(
        self,
        profile: Profile,
        catalog: Catalog,
        adjustments: Mapping[str, ExerciseAdjustment],
        prescription: Prescription,
    ) -> None:
        self.profile = profile
        self.catalog = catalog
        self.rx = prescription
        self.calendar = RunningWeek(profile)
        spans = week_spans(profile)
        self.adjustments = {
            k: _step_from_next_week(a, spans) for k, a in adjustments.items() if k != PROGRAM
        }
        program = adjustments.get(PROGRAM)
        self.flares: tuple[dt.date, ...] = () if program is None else program.holds
        self.held_weeks: dict[str, int] = {}
        self.flared_last_week = False
        self.warnings: dict[str, None] = dict.fromkeys(
            (*prescription.warnings, *prescription.notes)
        )
        caps = dict(prescription.caps)
        self.ladders: dict[str, Ladder] = {}
        starts = {i.exercise: i for i in prescription.items} if prescription.by_clinician else {}
        for exercise_id in {*prescription.variety, *(i.exercise for i in prescription.items)}:
            exercise = catalog.get(exercise_id)
            if exercise_id in starts:
                exercise = _started(exercise, starts[exercise_id])
            exercise = _capped(exercise, caps.get(exercise_id))
            try:
                self.ladders[exercise_id] = build_ladder(exercise, profile.equipment)
            except LookupError:
                continue
        self.strength = [
            i
            for i in prescription.items
            if i.role is not RxRole.WARM_UP
            or (i.frequency is Frequency.DAILY and i.exercise in self.ladders)
            or not profile.run_days
        ]
        self.warm = [i for i in prescription.items if i.role is RxRole.WARM_UP]
        self.warm_items: dict[tuple[bool, ...], tuple[tuple[PlanItem, ...], int]] = {}
        self.ladder_states: dict[tuple[str, WeekKind, int, int], tuple[Variant, Dose]] = {}
        self.rx_states: dict[tuple[int, int, WeekKind, int, int, int], tuple[str, Dose, str]] = {}
        self.emphasised = frozenset(prescription.emphasis)
        self.build_weeks_done: dict[str, int] = {}
        self.last_state: dict[str, tuple[str, Dose]] = {}
        self.previous: tuple[str, ...] | None = None
        self.last_done: dict[str, int] = {}
        self.last_strength_day: dt.date | None = None
        self.retests = retest_sessions(profile, self.calendar)
        for exercise_id, adjustment in sorted(self.adjustments.items()):
            if adjustment.paused:
                name = (
                    catalog.get(exercise_id).name if exercise_id in catalog.ids() else exercise_id
                )
                since = adjustment.since.isoformat()
                self.warnings[f"{name} paused from {since}: {adjustment.reason}"] = None

    def plan(self) -> Plan:
        weeks = tuple(self._week(span) for span in week_spans(self.profile))
        return Plan(weeks=weeks, warnings=tuple(self.warnings))

    # --- adjustments ------------------------------------------------------------

    def _adjustment(self, exercise_id: str, day: dt.date) -> ExerciseAdjustment | None:
        adjustment = self.adjustments.get(exercise_id)
        return adjustment if adjustment is not None and day >= adjustment.since else None

    def _paused(self, exercise_id: str, day: dt.date) -> bool:
        adjustment = self._adjustment(exercise_id, day)
        return adjustment is not None and adjustment.paused

    def _warn(self, notes: list[str], text: str) -> None:
        notes.append(text)
        self.warnings[text] = None

    # --- doses ------------------------------------------------------------------

    def _rx_state(
        self, item: PrescribedExercise, span: WeekSpan, kind: WeekKind, day: dt.date
    ) -> tuple[str, Dose, str]:
        """Rung, dose and a few words on which row of the protocol, for a prescribed item."""
        adjustment = self._adjustment(item.exercise, day)
        delta = adjustment.level_delta if adjustment is not None else 0
        # The answer depends on the day only through the adjustment's delta, and on the
        # history only through the ladder's weeks done: each is worked out once.
        done = self.build_weeks_done.get(item.exercise, 0)
        held = self.held_weeks.get(item.exercise, 0)
        key = (id(item), span.index, kind, delta, done, held)
        found = self.rx_states.get(key)
        if found is None:
            found = self.rx_states[key] = self._rx_row(item, span, kind, delta)
        return found

    def _rx_row(
        self, item: PrescribedExercise, span: WeekSpan, kind: WeekKind, delta: int
    ) -> tuple[str, Dose, str]:
        if item.progression is Progression.LADDER and item.exercise in self.ladders:
            variant, dose = self._ladder_state(item.exercise, kind, delta)
            if dose.rm is not None and (kind is WeekKind.RACE or not adult(self.profile)):
                return item.variant, dataclasses.replace(item.dose, rm=None), "easy before the race"
            return variant.id, dose, ""
        if kind is WeekKind.RACE and item.easy is not None:
            return item.easy.variant, item.easy.dose, "easy version before the race"
        stages = item.stages
        # A stage's week is the earliest it may start: weeks that held the criterion back
        # do not count (progression by criteria, never by the calendar alone).
        week = max(span.index - self.held_weeks.get(item.exercise, 0), 1)
        index = stages.index(item.stage_for(week))
        if kind is WeekKind.RACE or kind is WeekKind.LIGHTER:
            # No step up in a lighter or race week: the row of last week holds.
            index = stages.index(item.stage_for(max(week - 1, 1)))
        # A step earned by criterion takes the next stage (its held week kept the
        # calendar from taking it too); a step back goes down a stage.
        index = min(index + delta, len(stages) - 1)
        if index < 0 and item.regression is not None:
            stage, words = item.regression, "the easier version until the reps can be done"
        else:
            stage = stages[max(index, 0)]
            course = f" of {item.course_weeks}" if item.course_weeks else ""
            rung = self.catalog.get(item.exercise).variant(stage.variant).name
            words = (
                f"week {span.index}{course}: {rung.lower()}"
                if item.progression is Progression.COURSE
                else ""
            )
        dose = lighter_sets(stage.dose) if kind is WeekKind.LIGHTER else stage.dose
        return stage.variant, dose, words

    def _ladder_state(self, exercise_id: str, kind: WeekKind, delta: int) -> tuple[Variant, Dose]:
        done = self.build_weeks_done.get(exercise_id, 0)
        key = (exercise_id, kind, delta, done)
        found = self.ladder_states.get(key)
        if found is None:  # the same rung repeats for every session of a week and beyond
            found = self.ladder_states[key] = self._ladder_rung(exercise_id, kind, delta, done)
        return found

    def _ladder_rung(
        self, exercise_id: str, kind: WeekKind, delta: int, done: int
    ) -> tuple[Variant, Dose]:
        ladder = self.ladders[exercise_id]
        if self.rx.steady:
            done //= 2  # a low FAAM score: half the usual pace
        level = done if kind is WeekKind.BUILD else max(done - 1, 0)
        level = min(max(level + delta, ladder.bottom_level), ladder.top_level)
        variant, dose = ladder.at(level)
        return variant, dose if kind is WeekKind.BUILD else lighter_sets(dose)

    # --- weeks ------------------------------------------------------------------

    def _week(self, span: WeekSpan) -> PlanWeek:
        choice = choose_strength_days(
            self.calendar, span, self.profile.sessions_per_week, self.last_strength_day
        )
        kind = week_kind(span, self.profile, choice.days)
        notes = list(_WEEK_NOTES[kind])
        if choice.shortfall is not None:
            self._warn(notes, choice.shortfall)
        strength = self._strength_week(span, kind, choice.days, notes) if choice.days else []
        warm_ups = [self._warm_up(day) for day in warm_up_days(self.calendar, span)]
        retests = [s for s in self.retests if span.start <= s.date <= span.end]
        sessions = sorted(
            [*strength, *(s for s in warm_ups if s is not None), *retests],
            key=lambda s: (s.date, _KIND_ORDER[s.kind]),
        )
        return PlanWeek(span.index, span.start, kind, tuple(sessions), tuple(notes))

    def _warm_up(self, day: dt.date) -> PlannedSession | None:
        kept = tuple(not self._paused(i.exercise, day) for i in self.warm)
        if kept not in self.warm_items:
            # The same warm-up repeats every day until a pause changes it: built once.
            items = tuple(
                PlanItem(i.exercise, i.variant, i.dose, rx_reason(self.catalog, i, ""))
                for i, keep in zip(self.warm, kept, strict=True)
                if keep
            )
            self.warm_items[kept] = (items, estimate_session_s(items))
        items, estimated_s = self.warm_items[kept]
        if not items:
            return None
        reason = self.calendar.warm_up_reason(day)
        return PlannedSession(day, SessionKind.ACTIVATION, items, estimated_s, reason)

    def _due(self, days: Sequence[dt.date]) -> list[list[PrescribedExercise]]:
        """Which prescribed items go into each of the week's strength sessions."""
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
                if not self._paused(item.exercise, days[i]):
                    per_session[i].append(item)
        return per_session

    def _strength_week(
        self, span: WeekSpan, kind: WeekKind, days: Sequence[dt.date], notes: list[str]
    ) -> list[PlannedSession]:
        due = self._due(days)
        self._frequency_notes(span, days, notes)
        target = target_s(self.profile, kind)
        ceiling = limit_s(target)
        variety = self._variety_pool(kind, due, days, ceiling)
        used: dict[str, int] = {}
        sessions = []
        for day, items in zip(days, due, strict=True):
            placed: list[PlanItem] = []
            placed_ids: set[str] = set()
            total = 0
            for item in items:
                if item.exercise in placed_ids:
                    continue
                variant, dose, words = self._rx_state(item, span, kind, day)
                cost = estimate_item_s(dose, first=not placed)
                fixed = item.role is RxRole.CONCERN_PROTOCOL or item.pinned
                if not fixed and total + cost > ceiling:
                    # Only a concern protocol may take a session past its length.
                    name = self.catalog.get(item.exercise).name
                    self._warn(
                        notes,
                        f"Week {span.index}: {name} did not fit the {day.isoformat()} session.",
                    )
                    continue
                adjustment = self._adjustment(item.exercise, day)
                if adjustment is not None and adjustment.level_delta:
                    words = "; ".join(w for w in (words, f"adjusted: {adjustment.reason}") if w)
                placed.append(
                    PlanItem(item.exercise, variant, dose, rx_reason(self.catalog, item, words))
                )
                placed_ids.add(item.exercise)
                total += cost
            order = sorted(
                (v for v in variety if not self._paused(v, day)),
                key=lambda v: (used.get(v, 0), variety.index(v)),
            )
            for exercise_id in order:
                if total >= target:
                    break
                if exercise_id in placed_ids:
                    continue
                rung, dose = self._ladder_state(exercise_id, kind, self._delta(exercise_id, day))
                if dose.rm is not None and (kind is WeekKind.RACE or not adult(self.profile)):
                    continue  # no heavy load before a race, and none under 18
                # Fitting into the time removes sets, never rungs or load.
                dose = fewest_sets_cut(dose, ceiling - total)
                cost = estimate_item_s(dose, first=not placed)
                if total + cost > ceiling:
                    continue
                new = self.previous is not None and exercise_id not in self.previous
                reason = variety_reason(
                    self.catalog,
                    exercise_id,
                    rung,
                    new=new,
                    first_week=self.previous is None,
                    emphasised=exercise_id in self.emphasised,
                    have=self.profile.equipment,
                )
                adjustment = self._adjustment(exercise_id, day)
                if adjustment is not None and adjustment.level_delta:
                    reason += f"; adjusted: {adjustment.reason}"
                placed.append(PlanItem(exercise_id, rung.id, dose, reason))
                placed_ids.add(exercise_id)
                used[exercise_id] = used.get(exercise_id, 0) + 1
                total += cost
            placed = _pad(placed, target, ceiling)
            if not placed:
                self._warn(
                    notes,
                    f"Week {span.index}: nothing fit the {day.isoformat()} session, so it is "
                    "left out.",
                )
                continue
            estimated_s = estimate_session_s(placed)
            if estimated_s > ceiling:
                need = -(-estimated_s // 60)
                self._warn(
                    notes,
                    f"Week {span.index}: the {day.isoformat()} session runs about {need} "
                    f"minutes, past the {round(target / 60)} asked: its protocols need that "
                    "time (footcore cuts other exercises, never a protocol's load). Ask for "
                    f"{need} minutes to make room.",
                )
            if estimated_s < SHORT_SESSION * target:
                self._warn(
                    notes,
                    f"Week {span.index}: the {day.isoformat()} session comes to about "
                    f"{round(estimated_s / 60)} of {round(target / 60)} minutes: footcore keeps "
                    "to the sources' doses and brings in at most two new exercises a week.",
                )
            reason = strength_day_reason(day, self.calendar.describe(day), kind, target)
            sessions.append(
                PlannedSession(day, SessionKind.STRENGTH, tuple(placed), estimated_s, reason)
            )
        if not sessions:
            self._warn(notes, f"Week {span.index}: no exercise suits your pain and equipment.")
            return []
        content = tuple(dict.fromkeys(p.exercise for s in sessions for p in s.items))
        self._close_week(span, kind, content)
        self.last_strength_day = sessions[-1].date
        return sessions

    def _delta(self, exercise_id: str, day: dt.date) -> int:
        adjustment = self._adjustment(exercise_id, day)
        return adjustment.level_delta if adjustment is not None else 0

    def _frequency_notes(self, span: WeekSpan, days: Sequence[dt.date], notes: list[str]) -> None:
        for item in self.strength:
            if item.role is not RxRole.CONCERN_PROTOCOL:
                continue
            wanted = 3 if item.frequency is Frequency.EVERY_SECOND_DAY else item.per_week
            if len(days) < wanted and self.profile.sessions_per_week >= wanted:
                name = self.catalog.get(item.exercise).name
                self._warn(
                    notes,
                    f"Week {span.index}: {name} comes {len(days)} times, not {wanted}: only "
                    f"{len(days)} strength days fit around your runs and races this week.",
                )

    def _variety_pool(
        self,
        kind: WeekKind,
        due: Sequence[Sequence[PrescribedExercise]],
        days: Sequence[dt.date],
        ceiling: int,
    ) -> list[str]:
        """Seed 000 exercises for this week: five in all in week one; after that last
        week's, plus at most two new ones (none before a race), never a protocol's place."""
        available = [v for v in self.rx.variety if v in self.ladders]
        fixed = {i.exercise for items in due for i in items}
        if self.previous is None:
            room = max(FIRST_WEEK_EXERCISES - len(fixed), 0)
            return available[:room]
        kept = [v for v in available if v in self.previous]
        if kind is WeekKind.RACE or self.flared_last_week:
            # Before a race, and in the week after a session above 5/10, nothing new.
            return kept
        fresh = sorted(
            (v for v in available if v not in self.previous),
            key=lambda v: (v in self.last_done, self.last_done.get(v, 0), available.index(v)),
        )
        spare = sum(max(ceiling - self._fixed_s(items), 0) for items in due)
        wanted = sum(estimate_item_s(self.ladders[v].at(0)[1]) for v in kept)
        count = 1 if fresh else 0
        if (
            fresh[1:]
            and not self.rx.steady
            and spare > wanted + 2 * estimate_item_s(self.ladders[fresh[0]].at(0)[1])
        ):
            count = MAX_NEW_PER_WEEK
        newcomers = fresh[:count]
        # The longest-served make room, so the rotation keeps turning.
        if kept and newcomers and spare <= wanted:
            kept = kept[: max(len(kept) - len(newcomers), 0)]
        return [*newcomers, *kept]

    def _fixed_s(self, items: Sequence[PrescribedExercise]) -> int:
        return sum(estimate_item_s(i.dose) for i in items)

    def _close_week(self, span: WeekSpan, kind: WeekKind, content: tuple[str, ...]) -> None:
        flared = any(span.start <= d <= span.end for d in self.flares)
        for exercise_id in content:
            if flared or self._held(exercise_id, span):
                # The criterion did not hold this week: it does not count toward a step.
                self.held_weeks[exercise_id] = self.held_weeks.get(exercise_id, 0) + 1
            elif kind is WeekKind.BUILD:
                self.build_weeks_done[exercise_id] = self.build_weeks_done.get(exercise_id, 0) + 1
            self.last_done[exercise_id] = span.index
        self.previous = content
        self.flared_last_week = flared

    def _held(self, exercise_id: str, span: WeekSpan) -> bool:
        adjustment = self.adjustments.get(exercise_id)
        holds = () if adjustment is None else adjustment.holds
        return any(span.start <= d <= span.end for d in holds)


def _step_from_next_week(
    adjustment: ExerciseAdjustment, spans: Sequence[WeekSpan]
) -> ExerciseAdjustment:
    """A step up counts from the next plan week, so it never stacks on the week's own
    step (at most one step up per exercise per week); a step back counts at once."""
    if adjustment.level_delta <= 0 or adjustment.paused:
        return adjustment
    after = [s.start for s in spans if s.start > adjustment.since]
    return dataclasses.replace(adjustment, since=after[0]) if after else adjustment


def _started(exercise: Exercise, item: PrescribedExercise) -> Exercise:
    """A clinician's rung and dose are where the exercise's ladder starts."""
    if item.variant not in {v.id for v in exercise.variants}:
        return exercise
    variants = tuple(
        dataclasses.replace(v, dose=item.dose) if v.id == item.variant else v
        for v in exercise.variants
    )
    return dataclasses.replace(exercise, variants=variants, default_variant=item.variant)


def _capped(exercise: Exercise, top: str | None) -> Exercise:
    """The exercise with its rungs above `top` removed."""
    if top is None:
        return exercise
    keep = exercise.variants[: exercise.rung_index(top) + 1]
    default = exercise.default_variant
    if exercise.rung_index(default) > exercise.rung_index(top):
        default = top
    return dataclasses.replace(exercise, variants=keep, default_variant=default)


def _pad(items: list[PlanItem], target: int, ceiling: int) -> list[PlanItem]:
    """A short session gets more repetitions, up to the top of each dose's own range:
    never more sets than the source's dose (toe walking stays at most 3 x 1 minute)."""
    total = estimate_session_s(items)
    padded = list(items)
    for i, item in enumerate(padded):
        if total >= target:
            break
        dose = item.dose
        if dose.rm is not None or dose.reps_min is None or dose.reps_max in (None, dose.reps_min):
            continue
        bigger = dataclasses.replace(dose, reps_min=dose.reps_max)
        step = estimate_item_s(bigger) - estimate_item_s(dose)
        if total + step <= ceiling:
            padded[i] = dataclasses.replace(item, dose=bigger)
            total += step
    return padded
