"""The terminal player's clockwork: a state machine over timeline steps, no I/O.

Time comes in as an argument (`now`, seconds on a monotonic clock), so the same
object runs against `time.monotonic` in the terminal and a fake clock in tests.
Every deadline is computed from the session's start, not from the previous tick:

    step end = start + step's planned end offset + total paused time - net skipped time

so a late tick, a slow terminal or a thousand short steps never add up to drift.
Skipping or going back moves the whole schedule by the jump, and pausing moves it
by the pause; nothing else does.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from footcore.domain.timeline import Step, StepKind

WORK_KINDS = frozenset({StepKind.HOLD, StepKind.REP, StepKind.TIMED})
"""Steps where the runner does the exercise; only these count towards what was done."""


@dataclass(frozen=True, slots=True)
class Tick:
    """What the player shows at one moment."""

    index: int
    step: Step
    next_step: Step | None
    """The step after this one (None on the last step)."""
    remaining_s: float
    """Seconds left in this step (0 once the session is finished)."""
    paused: bool
    finished: bool
    ended: int
    """Steps that ran out by time since the previous call (a bell for each)."""


class Player:
    """Plays `steps` from `now`: `tick`, `pause`, `resume`, `skip` (one step),
    `skip_exercise`, `back`.

    Position on the timeline (seconds) = clock time since start - paused time +
    shift, where `shift` is the net time jumped by skip and back. A step is played
    while its `starts_at_s` <= position < its end; the final DONE step (0 s long) is
    reached when the position passes the planned total.
    """

    def __init__(self, steps: Sequence[Step], *, now: float) -> None:
        if not steps:
            raise ValueError("a player needs at least one step")
        self.steps = tuple(steps)
        self._starts = [s.starts_at_s for s in self.steps]
        last = self.steps[-1]
        self.total_s = last.starts_at_s + last.duration_s
        self.started_at = now
        self.paused_total_s = 0.0
        self.shift_s = 0.0
        self._paused_since: float | None = None
        self._index = self._index_at(0.0)
        self.completed: set[int] = set()
        """Indices of steps that ran to their end (never those skipped past)."""
        self.skipped: set[int] = set()
        """Indices of steps left early with `skip`, unless later played to their end."""

    # -- queries -------------------------------------------------------------

    def position(self, now: float) -> float:
        """Seconds into the planned timeline at `now` (frozen while paused)."""
        clock = self._paused_since if self._paused_since is not None else now
        return clock - self.started_at - self.paused_total_s + self.shift_s

    def deadline(self, index: int) -> float:
        """The clock time at which step `index` ends, if nothing else changes."""
        step = self.steps[index]
        end = step.starts_at_s + step.duration_s
        return self.started_at + end + self.paused_total_s - self.shift_s

    @property
    def paused(self) -> bool:
        return self._paused_since is not None

    @property
    def index(self) -> int:
        return self._index

    def _index_at(self, position_s: float) -> int:
        if position_s >= self.total_s:
            return len(self.steps) - 1
        # The last step starting at or before the position; 0-second steps are passed
        # over because a later step shares their start.
        found = bisect.bisect_right(self._starts, max(position_s, 0.0)) - 1
        return max(found, 0)

    # -- transitions ---------------------------------------------------------

    def tick(self, now: float) -> Tick:
        ended = self._advance(now)
        return self._snapshot(now, ended)

    def pause(self, now: float) -> Tick:
        ended = self._advance(now)
        if self._paused_since is None:
            self._paused_since = now
        return self._snapshot(now, ended)

    def resume(self, now: float) -> Tick:
        ended = self._advance(now)
        if self._paused_since is not None:
            self.paused_total_s += now - self._paused_since
            self._paused_since = None
        return self._snapshot(now, ended)

    def toggle(self, now: float) -> Tick:
        return self.resume(now) if self.paused else self.pause(now)

    def skip(self, now: float) -> Tick:
        """Leave the current step now and start the next one from its beginning."""
        ended = self._advance(now)
        if self._index < len(self.steps) - 1:
            self.skipped.add(self._index)
            self._jump(now, self._index + 1)
        return self._snapshot(now, ended)

    def skip_exercise(self, now: float) -> Tick:
        """Leave the current exercise now (every side and set of it, or the rest
        before it) and start the next exercise's first step; after the last exercise,
        end the session. Steps left out count as skipped."""
        ended = self._advance(now)
        target = self._next_exercise_start(self._index)
        for i in range(self._index, target):
            if i not in self.completed:
                self.skipped.add(i)
        if target != self._index:
            self._jump(now, target)
        return self._snapshot(now, ended)

    def _next_exercise_start(self, index: int) -> int:
        current = self.steps[index].exercise
        for i in range(index + 1, len(self.steps)):
            exercise = self.steps[i].exercise
            if exercise is not None and exercise != current:
                return i
        return len(self.steps) - 1

    def back(self, now: float) -> Tick:
        """Start the previous step again from its beginning (the first step: restart it)."""
        ended = self._advance(now)
        self._jump(now, max(self._index - 1, 0))
        return self._snapshot(now, ended)

    def _jump(self, now: float, target: int) -> None:
        self.shift_s += self.steps[target].starts_at_s - self.position(now)
        self._index = target

    def _advance(self, now: float) -> int:
        """Mark the steps whose end the clock has passed; return how many."""
        new = self._index_at(self.position(now))
        if new <= self._index:
            # Right after a jump, float rounding may put the position a hair before
            # the target's start; the jump's target stands.
            return 0
        for i in range(self._index, new):
            self.completed.add(i)
            self.skipped.discard(i)
        ended = new - self._index
        self._index = new
        return ended

    def _snapshot(self, now: float, ended: int) -> Tick:
        i = self._index
        step = self.steps[i]
        position = self.position(now)
        last = i == len(self.steps) - 1
        finished = last and (step.duration_s == 0 or position >= self.total_s)
        end = step.starts_at_s + step.duration_s
        remaining = 0.0 if finished else max(end - position, 0.0)
        return Tick(
            index=i,
            step=step,
            next_step=self.steps[i + 1] if i + 1 < len(self.steps) else None,
            remaining_s=remaining,
            paused=self.paused,
            finished=finished,
            ended=ended,
        )
