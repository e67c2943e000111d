"""The week-by-week walk behind `planning.build_plan`: a prescription placed in the week.

Each prescribed exercise goes into as many of the week's strength sessions as its
frequency asks; seed 000's variety fills the time left, five exercises in week one
and at most two new ones a week after. Weeks are planned in order because each
depends on the last: ladder levels count the build weeks an exercise was done in,
the variety needs last week's exercises, and no strength day may follow the
previous week's last one.

The parts: `plan_doses` (rung and dose per week), `plan_due` (which prescribed items
each session gets), `plan_variety` (seed 000's rotation), `plan_sessions` (filling one
strength session), `plan_warm_ups` (the warm-ups), `plan_weeks` and `scheduling`
(which weeks and days), `retests` (the self-test days).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Collection, Mapping, Sequence

from footcore.domain.catalog import Catalog
from footcore.domain.criteria import PROGRAM
from footcore.domain.logbook import day_label
from footcore.domain.plan import (
    ExerciseAdjustment,
    Plan,
    PlannedSession,
    PlanWeek,
    SessionKind,
    WeekKind,
)
from footcore.domain.plan_doses import Doses
from footcore.domain.plan_due import DueItems
from footcore.domain.plan_sessions import SessionFiller, adjustment_on
from footcore.domain.plan_variety import FIRST_WEEK_EXERCISES as FIRST_WEEK_EXERCISES
from footcore.domain.plan_variety import MAX_NEW_PER_WEEK as MAX_NEW_PER_WEEK
from footcore.domain.plan_variety import Rotation
from footcore.domain.plan_warm_ups import WarmUps
from footcore.domain.prescription import Frequency, Prescription, RxRole
from footcore.domain.profile import Profile
from footcore.domain.reasons import strength_day_reason
from footcore.domain.retests import retest_sessions
from footcore.domain.scheduling import (
    ONE_DAY,
    RunningWeek,
    WeekSpan,
    choose_strength_days,
    week_kind,
    week_spans,
)
from footcore.domain.sessions import limit_s, target_s

SHORT_SESSION = 0.8
"""footcore's choice: a strength session under 80% of its target is reported."""

_DATE = operator.attrgetter("date")
_WEEK_NOTES = {
    WeekKind.BUILD: (),
    WeekKind.LIGHTER: ("Lighter week: one set fewer where an exercise has more than one.",),
    WeekKind.RACE: (
        "Race coming: short, easy sessions, nothing new, no step up and no heavy load.",
    ),
}


class PlanBuilder:
    def __init__(
        self,
        profile: Profile,
        catalog: Catalog,
        adjustments: Mapping[str, ExerciseAdjustment],
        prescription: Prescription,
        idle_weeks: Collection[dt.date] = (),
    ) -> None:
        self.profile = profile
        self.idle = frozenset(idle_weeks)
        """Mondays of past weeks without a strength session logged: they count as held."""
        self.idle_run: list[dt.date] = []
        self.catalog = catalog
        self.rx = prescription
        self.calendar = RunningWeek(profile)
        self.spans = week_spans(profile)
        self.adjustments = {
            k: _step_from_next_week(a, self.spans) for k, a in adjustments.items() if k != PROGRAM
        }
        program = adjustments.get(PROGRAM)
        self.flares: tuple[dt.date, ...] = () if program is None else program.holds
        self.flared_last_week = False
        self.warnings: dict[str, None] = dict.fromkeys(
            (*prescription.warnings, *prescription.notes)
        )
        self.doses = Doses(profile, catalog, prescription)
        self.ladders = self.doses.ladders
        self.sessions = SessionFiller(
            catalog,
            self.doses,
            self.adjustments,
            frozenset(prescription.emphasis),
            profile.equipment,
        )
        self.strength = [
            i
            for i in prescription.items
            if i.role is not RxRole.WARM_UP
            or (i.frequency is Frequency.DAILY and i.exercise in self.ladders)
            or not profile.run_days
        ]
        self.warm_ups = WarmUps(
            catalog,
            self.calendar,
            [i for i in prescription.items if i.role is RxRole.WARM_UP],
            self.adjustments,
        )
        self.due = DueItems(
            self.strength, self.calendar, self._paused if self.adjustments else None
        )
        self.last_strength_day: dt.date | None = None
        self.retests: dict[int, list[PlannedSession]] = {}
        """The retests by plan week index."""
        for retest in retest_sessions(profile, self.calendar):
            index = (retest.date - profile.first_monday).days // 7 + 1
            self.retests.setdefault(index, []).append(retest)
        self.rotation = Rotation(
            prescription.variety, self.ladders, self.sessions.seconds, steady=prescription.steady
        )
        self.protocols = [
            (i, 3 if i.frequency is Frequency.EVERY_SECOND_DAY else i.per_week)
            for i in self.strength
            if i.role is RxRole.CONCERN_PROTOCOL
        ]
        """Concern protocols with the strength sessions a week each wants."""
        self.day_reasons: dict[tuple[int, bool, WeekKind, int], str] = {}
        for exercise_id, adjustment in sorted(self.adjustments.items()):
            if adjustment.paused:
                name = (
                    catalog.get(exercise_id).name if exercise_id in catalog.ids() else exercise_id
                )
                since = adjustment.since.isoformat()
                self.warnings[f"{name} paused from {since}: {adjustment.reason}"] = None

    def plan(self) -> Plan:
        weeks = tuple(self._week(span) for span in self.spans)
        return Plan(weeks=weeks, warnings=tuple(self.warnings))

    def _paused(self, exercise_id: str, day: dt.date) -> bool:
        if not self.adjustments:
            return False
        adjustment = adjustment_on(self.adjustments, exercise_id, day)
        return adjustment is not None and adjustment.paused

    def _warn(self, notes: list[str], text: str) -> None:
        notes.append(text)
        self.warnings[text] = None

    # --- weeks ------------------------------------------------------------------

    def _week(self, span: WeekSpan) -> PlanWeek:
        choice = choose_strength_days(
            self.calendar, span, self.profile.sessions_per_week, self.last_strength_day
        )
        kind = week_kind(span, self.profile, choice.days)
        notes = list(_WEEK_NOTES[kind])
        if self.idle:
            self._idle_note(span, notes)
        if choice.shortfall is not None:
            self._warn(notes, choice.shortfall)
        strength = self._strength_week(span, kind, choice.days, notes) if choice.days else []
        sessions = [s for s in self.retests.get(span.index, ()) if span.start <= s.date <= span.end]
        sessions.extend(self.warm_ups.week(span))
        sessions.extend(strength)
        # In date order, and on one day the retest, then the warm-up, then the strength
        # session: the list holds them in that order of kinds, each kind in date order,
        # and the sort keeps the order of equal dates.
        sessions.sort(key=_DATE)
        return PlanWeek(span.index, span.start, kind, tuple(sessions), tuple(notes))

    def _idle_note(self, span: WeekSpan, notes: list[str]) -> None:
        """Past weeks without a session held the level: said on the first week after."""
        monday = span.end - 6 * dt.timedelta(days=1)
        if monday in self.idle:
            self.idle_run.append(monday)
            return
        if not self.idle_run:
            return
        weeks = " and ".join(day_label(d).split(" ", 1)[1] for d in self.idle_run)
        one = len(self.idle_run) == 1
        notes.append(
            f"Held at the same level: no strength session was logged in the "
            f"week{'' if one else 's'} of {weeks}, so {'it does' if one else 'they do'} "
            "not count toward a step up and the exercises carry on from the level last "
            "trained (footcore's choice: a step up waits for sessions done at the level, "
            "return-to-run-2023)."
        )
        self.idle_run = []

    def _strength_week(
        self, span: WeekSpan, kind: WeekKind, days: Sequence[dt.date], notes: list[str]
    ) -> list[PlannedSession]:
        due = self.due.week(days)
        self._frequency_notes(span, days, notes)
        target = target_s(self.profile, kind)
        ceiling = limit_s(target)
        variety = self.rotation.pool(kind, due, ceiling, flared_last_week=self.flared_last_week)
        sessions = []

        def warn(text: str) -> None:
            self._warn(notes, text)

        self.sessions.begin_week(
            week=span.index,
            kind=kind,
            target=target,
            ceiling=ceiling,
            variety=variety,
            previous=self.rotation.previous,
            warn=warn,
        )
        for day, items in zip(days, due, strict=True):
            placed, estimated_s = self.sessions.fill(day, items)
            if not placed:
                warn(
                    f"Week {span.index}: nothing fit the {day.isoformat()} session, so it is "
                    "left out."
                )
                continue
            if estimated_s > ceiling:
                need = -(-estimated_s // 60)
                warn(
                    f"Week {span.index}: the {day.isoformat()} session runs about {need} "
                    f"minutes, past the {round(target / 60)} asked: its protocols need that "
                    "time (footcore cuts other exercises, never a protocol's load). Ask for "
                    f"{need} minutes to make room."
                )
            if estimated_s < SHORT_SESSION * target:
                warn(
                    f"Week {span.index}: the {day.isoformat()} session comes to about "
                    f"{round(estimated_s / 60)} of {round(target / 60)} minutes: footcore keeps "
                    "to the sources' doses and brings in at most two new exercises a week."
                )
            reason = self._day_reason(day, kind, target)
            sessions.append(PlannedSession(day, SessionKind.STRENGTH, placed, estimated_s, reason))
        if not sessions:
            warn(f"Week {span.index}: no exercise suits your pain and equipment.")
            return []
        content = tuple(dict.fromkeys(p.exercise for s in sessions for p in s.items))
        self._close_week(span, kind, content)
        self.last_strength_day = sessions[-1].date
        return sessions

    def _day_reason(self, day: dt.date, kind: WeekKind, target: int) -> str:
        """`reasons.strength_day_reason`: the day's words depend only on its weekday and
        on a race the day before (`RunningWeek.describe`), so each is written once."""
        key = (day.weekday(), day - ONE_DAY in self.calendar.races, kind, target)
        found = self.day_reasons.get(key)
        if found is None:
            found = self.day_reasons[key] = strength_day_reason(
                day, self.calendar.describe(day), kind, target
            )
        return found

    def _frequency_notes(self, span: WeekSpan, days: Sequence[dt.date], notes: list[str]) -> None:
        for item, wanted in self.protocols:
            if len(days) < wanted and self.profile.sessions_per_week >= wanted:
                name = self.catalog.get(item.exercise).name
                self._warn(
                    notes,
                    f"Week {span.index}: {name} comes {len(days)} times, not {wanted}: only "
                    f"{len(days)} strength days fit around your runs and races this week.",
                )

    def _close_week(self, span: WeekSpan, kind: WeekKind, content: tuple[str, ...]) -> None:
        flared = any(span.start <= d <= span.end for d in self.flares)
        # A week whose criterion did not hold, or in which nothing was done, does not
        # count toward a step.
        idle = bool(self.idle) and span.end - 6 * dt.timedelta(days=1) in self.idle
        for exercise_id in content:
            held = flared or idle or (bool(self.adjustments) and self._held(exercise_id, span))
            self.doses.count_week(exercise_id, kind, held=held)
        self.rotation.close(span.index, content)
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
