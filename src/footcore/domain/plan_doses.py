"""Which rung and dose a planned exercise gets in a given week: the ladders built for
one runner's equipment, a prescribed item's protocol row, and the weeks that count
toward a step up. Part of the planner (`plan_builder`).

The answers repeat week after week, so each is worked out once per plan and handed
back as the same object: the session filler (`plan_sessions`) keys its own caches on
that identity.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from footcore.domain.catalog import Catalog, Dose, Exercise, Variant
from footcore.domain.plan import WeekKind
from footcore.domain.prescription import PrescribedExercise, Prescription, Progression
from footcore.domain.profile import Profile
from footcore.domain.progression import Ladder, build_ladder
from footcore.domain.protocols import adult

RxState = tuple[str, Dose, str]
"""Variant id, dose, and a few words on which row of the protocol."""
LadderState = tuple[Variant, Dose]


@lru_cache(maxsize=4096)
def lighter_sets(dose: Dose) -> Dose:
    """One set fewer, same load and reps (a lighter week cuts sets, never resistance).
    Doses are frozen values that repeat week after week: each is cut once."""
    return dataclasses.replace(dose, sets=dose.sets - 1) if dose.sets > 1 else dose


class Doses:
    """The rung and dose of every exercise of one plan, week by week."""

    def __init__(self, profile: Profile, catalog: Catalog, prescription: Prescription) -> None:
        self.profile = profile
        self.catalog = catalog
        self.steady = prescription.steady
        self.adult = adult(profile)
        caps = dict(prescription.caps)
        self.ladders: dict[str, Ladder] = {}
        starts = {i.exercise: i for i in prescription.items} if prescription.by_clinician else {}
        for exercise_id in {*prescription.variety, *(i.exercise for i in prescription.items)}:
            exercise = _runner_exercise(
                catalog.get(exercise_id), starts.get(exercise_id), caps.get(exercise_id)
            )
            try:
                self.ladders[exercise_id] = build_ladder(exercise, profile.equipment)
            except LookupError:
                continue
        self.build_weeks_done: dict[str, int] = {}
        """Build weeks an exercise was done in without a held criterion: its ladder level."""
        self.held_weeks: dict[str, int] = {}
        """Weeks an exercise's criterion held it back: they do not move its protocol row."""
        self._ladder_states: dict[tuple[str, bool, int], LadderState] = {}
        self._current: dict[str, dict[tuple[WeekKind, int], LadderState]] = {}
        """`ladder_state` answers by exercise while its weeks done stay the same."""
        self._stage_index: dict[tuple[int, int], int] = {}
        self._rung_words: dict[tuple[str, str, int | None], str] = {}
        self._rx_states: dict[tuple[int, int, WeekKind, int, int], RxState] = {}
        self._same: dict[RxState, RxState] = {}

    def heavy_barred(self, dose: Dose, kind: WeekKind) -> bool:
        """No heavy load before a race, and none under 18."""
        return dose.rm is not None and (kind is WeekKind.RACE or not self.adult)

    def rx_state(self, item: PrescribedExercise, week: int, kind: WeekKind, delta: int) -> RxState:
        """Rung, dose and a few words on which row of the protocol, for a prescribed item
        in plan week `week` moved `delta` levels by an adjustment. Equal answers are
        the same object."""
        # The answer depends on the history only through the ladder's weeks done (a
        # ladder) or the weeks held (a protocol row); on the week only for a course or
        # a staged protocol. With just those in the key, each is worked out once.
        if item.progression is Progression.LADDER and item.exercise in self.ladders:
            rung = self.ladder_state(item.exercise, kind, delta)
            key: tuple[int, int, WeekKind, int, int] = (id(item), -1, kind, id(rung), 0)
        elif item.progression is Progression.COURSE or len(item.stages) > 1:
            key = (id(item), week, kind, delta, self.held_weeks.get(item.exercise, 0))
        else:
            key = (id(item), 0, kind, delta, 0)
        found = self._rx_states.get(key)
        if found is None:
            row = self._rx_row(item, week, kind, delta)
            found = self._rx_states[key] = self._same.setdefault(row, row)
        return found

    def _rx_row(self, item: PrescribedExercise, week: int, kind: WeekKind, delta: int) -> RxState:
        if item.progression is Progression.LADDER and item.exercise in self.ladders:
            variant, dose = self.ladder_state(item.exercise, kind, delta)
            if self.heavy_barred(dose, kind):
                return item.variant, dataclasses.replace(item.dose, rm=None), "easy before the race"
            return variant.id, dose, ""
        if kind is WeekKind.RACE and item.easy is not None:
            return item.easy.variant, item.easy.dose, "easy version before the race"
        stages = item.stages
        # A stage's week is the earliest it may start: weeks that held the criterion back
        # do not count (progression by criteria, never by the calendar alone).
        course_week = max(week - self.held_weeks.get(item.exercise, 0), 1)
        if kind is WeekKind.RACE or kind is WeekKind.LIGHTER:
            # No step up in a lighter or race week: the row of last week holds.
            course_week = max(course_week - 1, 1)
        index = self._stage_at(item, course_week)
        # A step earned by criterion takes the next stage (its held week kept the
        # calendar from taking it too); a step back goes down a stage.
        index = min(index + delta, len(stages) - 1)
        if index < 0 and item.regression is not None:
            stage, words = item.regression, "the easier version until the reps can be done"
        else:
            stage = stages[max(index, 0)]
            words = (
                f"week {week}{self._rung_words_of(item, stage.variant)}"
                if item.progression is Progression.COURSE
                else ""
            )
        dose = lighter_sets(stage.dose) if kind is WeekKind.LIGHTER else stage.dose
        return stage.variant, dose, words

    def _stage_at(self, item: PrescribedExercise, course_week: int) -> int:
        """`item.stages.index(item.stage_for(course_week))`, once per item and week."""
        key = (id(item), course_week)  # the prescription keeps its items alive
        found = self._stage_index.get(key)
        if found is None:
            found = self._stage_index[key] = item.stages.index(item.stage_for(course_week))
        return found

    def _rung_words_of(self, item: PrescribedExercise, variant_id: str) -> str:
        """` of 12: single-leg on a step` after a course's week number."""
        key = (item.exercise, variant_id, item.course_weeks)
        found = self._rung_words.get(key)
        if found is None:
            rung = self.catalog.get(item.exercise).variant(variant_id).name
            course = f" of {item.course_weeks}" if item.course_weeks else ""
            found = self._rung_words[key] = f"{course}: {rung.lower()}"
        return found

    def ladder_state(self, exercise_id: str, kind: WeekKind, delta: int) -> LadderState:
        """The ladder's rung and dose this week: one level per build week done (half
        the pace for a steady prescription), a level back in a lighter or race week,
        moved by `delta` and kept within the ladder. Equal answers are the same object."""
        current = self._current.get(exercise_id)
        if current is None:
            current = self._current[exercise_id] = {}
        found = current.get((kind, delta))
        if found is None:
            found = current[(kind, delta)] = self._ladder_state(exercise_id, kind, delta)
        return found

    def _ladder_state(self, exercise_id: str, kind: WeekKind, delta: int) -> LadderState:
        ladder = self.ladders[exercise_id]
        done = self.build_weeks_done.get(exercise_id, 0)
        if self.steady:
            done //= 2  # a low FAAM score: half the usual pace
        level = done if kind is WeekKind.BUILD else max(done - 1, 0)
        level = min(max(level + delta, ladder.bottom_level), ladder.top_level)
        # Past the top the level stops moving: the key is the level, not the weeks done.
        key = (exercise_id, kind is WeekKind.BUILD, level)
        found = self._ladder_states.get(key)
        if found is None:
            variant, dose = ladder.at(level)
            found = self._ladder_states[key] = (
                variant,
                dose if kind is WeekKind.BUILD else lighter_sets(dose),
            )
        return found

    def count_week(self, exercise_id: str, kind: WeekKind, *, held: bool) -> None:
        """Record a week the exercise was done in: held back by its criterion, or a
        build week toward its next step."""
        if held:
            self.held_weeks[exercise_id] = self.held_weeks.get(exercise_id, 0) + 1
        elif kind is WeekKind.BUILD:
            self.build_weeks_done[exercise_id] = self.build_weeks_done.get(exercise_id, 0) + 1
            self._current.pop(exercise_id, None)


_DERIVED: dict[tuple[int, str, Dose | None, str | None], tuple[Exercise, Exercise]] = {}
_DERIVED_SIZE = 1024
"""Catalog exercises started at a clinician's rung or capped for a pain; bounded."""


def _runner_exercise(
    exercise: Exercise, start: PrescribedExercise | None, top: str | None
) -> Exercise:
    """The exercise as this runner's ladder sees it: started at a clinician's rung and
    dose (`_started`), its rungs above `top` removed (`_capped`). The same inputs give
    the same object, so the ladder built from it is remembered too
    (`progression.build_ladder`); the entry keeps the catalog's exercise alive."""
    if start is None and top is None:
        return exercise
    key = (
        id(exercise),
        "" if start is None else start.variant,
        None if start is None else start.dose,
        top,
    )
    found = _DERIVED.get(key)
    if found is None or found[0] is not exercise:
        if len(_DERIVED) >= _DERIVED_SIZE:
            _DERIVED.clear()
        derived = exercise if start is None else _started(exercise, start)
        found = _DERIVED[key] = (exercise, _capped(derived, top))
    return found[1]


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
