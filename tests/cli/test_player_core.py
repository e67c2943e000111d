"""The terminal player's clockwork on a fake clock, and the session log built from it."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from footcore.cli.player_core import Player
from footcore.cli.player_log import Answers, exercise_logs, read_answers
from footcore.cli.player_view import Keys, Played, play
from footcore.domain.catalog import Dose
from footcore.domain.logbook import Difficulty
from footcore.domain.plan import PlanItem, PlannedSession, SessionKind
from footcore.domain.timeline import Step, StepKind, build_timeline, total_s
from footcore.domain.vocab import PainSite, Side

NAMES = {"a": "Alpha", "b": "Bravo"}
SESSION_ITEMS = (
    PlanItem("a", "main", Dose(reps_min=3, hold_s=5), ""),
    PlanItem("b", "main", Dose(sets=2, reps_min=2, per_side=True), ""),
)


def _steps() -> tuple[Step, ...]:
    return build_timeline(SESSION_ITEMS, names=NAMES)


def _run_out(player: Player, now: float) -> float:
    """Tick at each deadline until the end; return the time the player finished."""
    while True:
        tick = player.tick(now)
        if tick.finished:
            return now
        now = player.deadline(tick.index)


# -- the player core, on a fake clock ----------------------------------------


def test_played_without_a_touch_the_steps_end_at_the_planned_total() -> None:
    steps = _steps()
    player = Player(steps, now=100.0)
    ends = []
    now = 100.0
    while not (tick := player.tick(now)).finished:
        assert tick.remaining_s == pytest.approx(steps[tick.index].duration_s)
        now = player.deadline(tick.index)
        ends.append(now)
    assert ends[-1] == pytest.approx(100.0 + total_s(steps))
    assert player.completed == set(range(len(steps) - 1))
    assert player.skipped == set()


def test_a_pause_freezes_the_remaining_time_and_moves_the_end_by_its_length() -> None:
    steps = _steps()
    player = Player(steps, now=0.0)
    assert player.tick(4.0).remaining_s == pytest.approx(6.0)  # 10 s get-ready
    player.pause(4.0)
    frozen = player.tick(64.0)
    assert frozen.paused
    assert frozen.index == 0
    assert frozen.remaining_s == pytest.approx(6.0)
    player.resume(64.0)
    assert player.tick(66.0).remaining_s == pytest.approx(4.0)
    assert _run_out(player, 66.0) == pytest.approx(total_s(steps) + 60.0)


def test_skip_starts_the_next_step_in_full_and_is_not_counted_as_done() -> None:
    steps = _steps()
    player = Player(steps, now=0.0)
    player.tick(2.0)
    tick = player.skip(2.0)
    assert tick.index == 1
    assert tick.step.kind is StepKind.HOLD
    assert tick.remaining_s == pytest.approx(5.0)
    assert player.skipped == {0}
    assert 0 not in player.completed
    # The rest of the session keeps its planned length from the skip on.
    assert _run_out(player, 2.0) == pytest.approx(2.0 + total_s(steps) - steps[1].starts_at_s)


def test_back_returns_to_the_previous_step_from_its_start() -> None:
    player = Player(_steps(), now=0.0)
    player.tick(12.0)  # 2 s into the first hold
    tick = player.back(12.0)
    assert tick.index == 0
    assert tick.remaining_s == pytest.approx(10.0)
    assert player.back(13.0).index == 0  # nothing before the first step
    assert player.skip(13.0).index == 1
    assert player.back(13.5).index == 0


def test_a_step_skipped_then_replayed_in_full_counts_as_done() -> None:
    player = Player(_steps(), now=0.0)
    player.skip(1.0)
    player.back(1.0)
    player.tick(11.0)
    assert 0 in player.completed
    assert 0 not in player.skipped


def test_skipping_the_last_step_finishes_the_session() -> None:
    steps = _steps()
    player = Player(steps, now=0.0)
    for _ in range(len(steps) - 1):
        tick = player.skip(0.0)
    assert tick.finished
    assert tick.remaining_s == 0
    assert player.skip(0.0).finished  # and more skips change nothing


def test_a_late_tick_reports_every_step_that_ended_meanwhile() -> None:
    player = Player(_steps(), now=0.0)
    tick = player.tick(10.0 + 5 + 3 + 5 + 1)  # get-ready, hold, relax, hold, then 1 s in
    assert tick.ended == 4
    assert tick.index == 4


def test_a_player_needs_steps() -> None:
    with pytest.raises(ValueError, match="at least one step"):
        Player((), now=0.0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=4, allow_nan=False),
            st.floats(min_value=0, max_value=500, allow_nan=False),
        ),
        max_size=20,
    )
)
def test_the_end_is_the_planned_total_plus_the_paused_time(
    pauses: list[tuple[float, float]],
) -> None:
    steps = _steps()
    planned = total_s(steps)
    player = Player(steps, now=1000.0)
    now, paused = 1000.0, 0.0
    for run_s, pause_s in pauses:  # at most 80 s of running: well before the end
        now += run_s
        player.pause(now)
        now += pause_s
        player.resume(now)
        paused += pause_s
    end = 1000.0 + planned + paused
    assert not player.tick(end - 1e-6).finished
    assert player.tick(end + 1e-6).finished


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_no_drift_builds_up_over_a_thousand_steps_with_late_ticks(seed: int) -> None:
    rnd = random.Random(seed)
    # 0.1 s is not exact in binary: a player adding up step lengths would drift.
    steps = build_timeline(
        [PlanItem("a", "main", Dose(reps_min=998), "")],
        names=NAMES,
        get_ready_s=0.1,
        default_rep_s=0.1,
    )
    assert len(steps) == 1000
    player = Player(steps, now=0.0)
    now, late, paused, ended = 0.0, 0.0, 0.0, 0
    while not (tick := player.tick(now)).finished:
        ended += tick.ended
        if rnd.random() < 0.05:
            player.pause(now)
            pause_s = rnd.uniform(0, 2)
            now += pause_s
            paused += pause_s
            player.resume(now)
        jitter = rnd.uniform(0, 0.05)  # every tick arrives late, never a whole step late
        late += jitter
        now = player.deadline(player.index) + jitter
    ended += tick.ended
    assert ended == 999
    assert late > 1.0  # the lateness would have shown up as drift
    assert player.deadline(len(steps) - 1) == pytest.approx(total_s(steps) + paused, abs=1e-9)
    assert now - late < total_s(steps) + paused + 1e-9


# -- what gets logged ----------------------------------------------------------


def _session() -> PlannedSession:
    return PlannedSession(dt.date(2026, 12, 13), SessionKind.STRENGTH, SESSION_ITEMS, 100)


def test_a_session_played_in_full_logs_every_exercise_and_side_as_planned() -> None:
    steps = _steps()
    logs = exercise_logs(_session(), steps, set(range(len(steps))))
    assert [(e.exercise, e.side, e.done) for e in logs] == [
        ("a", None, True),
        ("b", Side.RIGHT, True),
        ("b", Side.LEFT, True),
    ]
    assert (logs[0].sets_done, logs[0].holds_done, logs[0].reps_done) == (1, 3, None)
    assert (logs[1].sets_done, logs[1].reps_done, logs[1].holds_done) == (2, 4, None)


def test_a_skipped_hold_marks_the_exercise_not_done_and_a_skipped_get_ready_does_not() -> None:
    steps = _steps()
    first_hold = next(s.index for s in steps if s.kind is StepKind.HOLD)
    completed = set(range(len(steps))) - {0, first_hold}
    logs = exercise_logs(_session(), steps, completed)
    assert (logs[0].done, logs[0].sets_done, logs[0].holds_done) == (False, 0, 2)
    assert logs[1].done
    assert logs[2].done


def _answers(*replies: str) -> tuple[Answers, str]:
    console = Console(record=True, width=100)
    queue = list(replies)
    answers = read_answers(lambda question: queue.pop(0), console)
    assert queue == []
    return answers, console.export_text()


def test_bad_answers_are_asked_again_naming_the_field() -> None:
    answers, said = _answers("meh", "too-hard", "eleven", "11", "4", "knee", "arch", "sore arch")
    assert answers == Answers(Difficulty.TOO_HARD, 4, PainSite.ARCH, "sore arch")
    assert "difficulty:" in said
    assert said.count("pain:") == 2
    assert "pain site:" in said


def test_no_pain_skips_the_pain_site_question() -> None:
    answers, _ = _answers("easy", "0", "")
    assert answers == Answers(Difficulty.TOO_EASY, 0, None, "")


# -- the screen loop, with scripted keys ---------------------------------------


class ScriptedKeys(Keys):
    """Keys pressed at given clock times; waiting advances the fake clock."""

    def __init__(self, clock: list[float], presses: dict[float, str]) -> None:
        super().__init__(io.StringIO(), sleep=lambda s: None)
        self.clock = clock
        self.presses = sorted(presses.items())

    @property
    def active(self) -> bool:
        return True

    def wait(self, timeout_s: float) -> str:
        target = self.clock[0] + timeout_s
        if self.presses and self.presses[0][0] <= target:
            at, key = self.presses.pop(0)
            self.clock[0] = max(at, self.clock[0])
            return key
        self.clock[0] = target
        return ""


def _play(presses: dict[float, str]) -> tuple[Played, str]:
    clock = [0.0]
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, color_system=None)
    player = Player(_steps(), now=0.0)
    played = play(
        player,
        console=console,
        keys=ScriptedKeys(clock, presses),
        clock=lambda: clock[0],
        sleep=lambda s: None,
        title="Test session",
    )
    return played, out.getvalue()


def test_the_screen_rings_at_each_step_end_and_twice_at_the_end() -> None:
    played, screen = _play({})
    steps = _steps()
    assert played.finished
    assert played.completed == frozenset(range(len(steps) - 1))
    assert screen.count("\a") == (len(steps) - 2) + 2  # no bell into the 0-s DONE step
    assert "left in this step" in screen
    assert "Session done" in screen


def test_keys_step_on_pause_and_quit_the_screen_loop() -> None:
    played, screen = _play({2.0: "n", 3.0: "p", 50.0: " ", 51.0: "b", 52.0: "q"})
    assert not played.finished
    assert played.skipped == frozenset({0})
    assert "PAUSED" in screen
    assert "space/p pause" in screen
    assert screen.count("\a") == 0  # quit before any step ran out


def test_skip_exercise_leaves_every_step_of_it_and_starts_the_next_exercise() -> None:
    steps = _steps()
    player = Player(steps, now=0.0)
    tick = player.skip_exercise(1.0)
    first_b = next(s.index for s in steps if s.exercise == "b")
    assert tick.index == first_b
    assert tick.step.exercise == "b"
    assert tick.remaining_s == pytest.approx(steps[first_b].duration_s)
    assert {s.index for s in steps if s.exercise == "a"} <= player.skipped
    logs = exercise_logs(
        PlannedSession(dt.date(2026, 12, 7), SessionKind.STRENGTH, SESSION_ITEMS, 0, ""),
        steps,
        player.completed,
    )
    assert [log.done for log in logs if log.exercise == "a"] == [False]


def test_skip_exercise_on_the_last_exercise_ends_the_session() -> None:
    steps = _steps()
    player = Player(steps, now=0.0)
    player.skip_exercise(1.0)
    tick = player.skip_exercise(2.0)
    assert tick.finished
    assert _run_out(player, 2.0) == pytest.approx(2.0)


def test_the_s_key_skips_the_whole_exercise() -> None:
    steps = _steps()
    played, _ = _play({2.0: "s", 3.0: "q"})
    assert {s.index for s in steps if s.exercise == "a"} <= played.skipped
