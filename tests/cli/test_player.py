"""`footcore start`: the command's unhappy paths, a played and logged session, a real terminal."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine
from typer.testing import CliRunner

from footcore.cli import player as player_cli
from footcore.cli.main import app
from tests.support.plugin import skip_or_fail
from tests.web.builders import profile_data, screen_user

# -- the command ---------------------------------------------------------------

runner = CliRunner()
SUNDAY = dt.datetime(2026, 12, 13, 9, 0, tzinfo=dt.UTC)
"""A day of the builders' plan with both an activation and a strength session."""


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    clock = FakeClock()
    monkeypatch.setattr(player_cli, "monotonic", clock.monotonic)
    monkeypatch.setattr(player_cli, "sleep", clock.sleep)
    return clock


def _store_profile() -> None:
    from footcore.web.accounts.services import local_runner
    from footcore.web.training.services import save_profile

    save_profile(user=local_runner(), data=profile_data(), today=dt.date(2026, 12, 7))
    # The onboarding screen, answered well before any session is played.
    with time_machine.travel(dt.datetime(2026, 12, 7, 6, 0, tzinfo=dt.UTC), tick=False):
        screen_user(local_runner(), dt.date(2026, 12, 7))


@pytest.mark.django_db
def test_start_without_a_stored_profile_says_how_to_make_one() -> None:
    result = runner.invoke(app, ["start"])
    assert result.exit_code == 2
    assert "no stored profile" in result.output
    assert "footcore profile set" in result.output


def test_start_refuses_a_bad_date_naming_the_flag() -> None:
    result = runner.invoke(app, ["start", "--date", "13/12/2026"])
    assert result.exit_code == 2
    assert "--date '13/12/2026'" in result.output


@pytest.mark.django_db
@time_machine.travel(SUNDAY, tick=False)
def test_start_on_a_rest_day_names_the_date() -> None:
    _store_profile()
    result = runner.invoke(app, ["start", "--date", "2026-12-12"])
    assert result.exit_code == 2
    assert "--date 2026-12-12: no session planned" in result.output


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 12, 12, 9, 0, tzinfo=dt.UTC), tick=False)
def test_start_without_a_date_on_a_rest_day_says_today() -> None:
    _store_profile()
    result = runner.invoke(app, ["start"])
    assert result.exit_code == 2
    assert "today (2026-12-12): no session planned" in result.output


@pytest.mark.django_db
@time_machine.travel(SUNDAY, tick=False)
def test_start_refuses_a_kind_the_day_does_not_have() -> None:
    _store_profile()
    result = runner.invoke(app, ["start", "--date", "2026-12-11", "--kind", "strength"])
    assert result.exit_code == 2
    assert "--kind strength: no strength session on 2026-12-11" in result.output


@pytest.mark.django_db
@time_machine.travel(SUNDAY, tick=False)
def test_a_future_session_is_played_only_without_logging() -> None:
    _store_profile()
    result = runner.invoke(app, ["start", "--date", "2026-12-14"])
    assert result.exit_code == 2
    assert "--date 2026-12-14 is after today" in result.output
    assert "--no-log" in result.output


def test_preview_of_an_unknown_exercise_suggests_close_ids() -> None:
    result = runner.invoke(app, ["start", "--preview", "toe-spread"])
    assert result.exit_code == 2
    assert "--preview 'toe-spread'" in result.output
    assert "toe-spreads" in result.output


def test_preview_does_not_mix_with_a_date() -> None:
    result = runner.invoke(app, ["start", "--preview", "toe-yoga", "--date", "2026-12-13"])
    assert result.exit_code == 2
    assert "--preview" in result.output


def test_preview_plays_every_step_of_the_default_dose(fake_clock: FakeClock) -> None:
    result = runner.invoke(app, ["start", "--preview", "shin-curls"])
    assert result.exit_code == 0, result.output
    assert "Get ready: Shin Curls" in result.output
    assert "Hold 3 s · Shin Curls · 5/5" in result.output
    assert "Session done" in result.output
    assert "How did it go?" not in result.output


@pytest.mark.django_db
@time_machine.travel(SUNDAY, tick=False)
def test_a_played_session_is_logged_with_the_answers(fake_clock: FakeClock) -> None:
    from footcore.web.sessions.models import SessionLogEntry

    _store_profile()
    result = runner.invoke(app, ["start"], input="just-right\n12\n2\nheel\nfine\n")
    assert result.exit_code == 0, result.output
    assert "Get ready: Heel Walking" in result.output
    assert "pain:" in result.output  # 12 was asked again
    assert "logged strength session of 2026-12-13" in result.output
    entry = SessionLogEntry.objects.get()
    assert (entry.kind, entry.difficulty, entry.pain_0_10) == ("strength", "just-right", 2)
    assert entry.pain_site == "heel"
    assert entry.notes == "fine"
    assert all(e["done"] for e in entry.exercises)
    uuid.UUID(entry.idempotency_key)
    assert fake_clock.now - 5000.0 == pytest.approx(249, abs=2)


@pytest.mark.django_db
@time_machine.travel(SUNDAY, tick=False)
def test_the_activation_is_picked_with_kind_and_no_log_stores_nothing(
    fake_clock: FakeClock,
) -> None:
    from footcore.web.sessions.models import SessionLogEntry

    _store_profile()
    result = runner.invoke(app, ["start", "--kind", "activation", "--no-log"])
    assert result.exit_code == 0, result.output
    assert "Activation session" in result.output
    assert "Posterior" not in result.output
    assert not SessionLogEntry.objects.exists()


@pytest.mark.django_db
@time_machine.travel(SUNDAY, tick=False)
def test_unanswered_log_questions_store_nothing(fake_clock: FakeClock) -> None:
    from footcore.web.sessions.models import SessionLogEntry

    _store_profile()
    result = runner.invoke(app, ["start", "--kind", "activation"], input="")
    assert result.exit_code == 2
    assert "--no-log" in result.output
    assert not SessionLogEntry.objects.exists()


# -- a real terminal -------------------------------------------------------------


class Tmux:
    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"footcore-test-{uuid.uuid4().hex[:8]}"
        self.data_dir = tmp_path

    def run(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True
        ).stdout

    def start(self, *footcore_args: str) -> None:
        command = " ".join(
            [
                sys.executable,
                "-m",
                "footcore.cli.main",
                "--data-dir",
                str(self.data_dir),
                *list(footcore_args),
            ]
        )
        # After the player: its exit code and whether the terminal is canonical again.
        shell = f"{command}; echo EXIT=$?; stty -a | grep -o -- '-\\?icanon'; sleep 60"
        # The player keeps its own data dir: a DATABASE_URL from the run (CI's second pass)
        # names a database that only the test runner's copy of it exists for.
        env = {**os.environ, "TERM": "xterm-256color", "DATABASE_URL": ""}
        subprocess.run(
            ["tmux", "-L", self.socket, "new-session", "-d", "-x", "100", "-y", "30", shell],
            check=True,
            env=env,
        )

    def screen(self) -> str:
        return self.run("capture-pane", "-p")

    def wait_for(self, text: str, timeout_s: float = 15.0) -> str:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        skip_or_fail("tmux not found: install Debian's `tmux` package")
    session = Tmux(tmp_path)
    yield session
    session.close()


def _countdown(screen: str) -> int:
    line = next(line for line in screen.splitlines() if "left in this step" in line)
    minutes, seconds = line.strip("│ ").split()[0].split(":")
    return int(minutes) * 60 + int(seconds)


def test_in_a_real_terminal_the_countdown_runs_and_n_goes_to_the_next_step(tmux: Tmux) -> None:
    tmux.start("start", "--preview", "shin-curls")
    first = tmux.wait_for("left in this step")
    assert "Get ready: Shin Curls" in first
    assert "space/p pause" in first
    time.sleep(1.2)
    assert _countdown(tmux.screen()) < _countdown(first)
    tmux.run("send-keys", "n")
    skipped = tmux.wait_for("Next: Relax · Shin Curls · 1/5")
    assert "Get ready" not in skipped
    assert "│ Hold 3 s · Shin Curls · 1/5" in skipped
    tmux.run("send-keys", "p")
    paused = tmux.wait_for("PAUSED")
    time.sleep(1.2)
    assert _countdown(tmux.screen()) == _countdown(paused)
    tmux.run("send-keys", "q")
    done = tmux.wait_for("icanon")
    assert "EXIT=0" in done
    assert "-icanon" not in done  # the terminal is back in line mode


def test_in_a_real_terminal_s_skips_the_whole_exercise(tmux: Tmux) -> None:
    tmux.start("start", "--preview", "shin-curls")
    tmux.wait_for("s skip exercise")
    tmux.run("send-keys", "s")
    done = tmux.wait_for("EXIT=")
    assert "Session done" in done
    assert "EXIT=0" in done


def test_in_a_real_terminal_ctrl_c_stops_and_restores_the_terminal(tmux: Tmux) -> None:
    tmux.start("start", "--preview", "toe-yoga")
    tmux.wait_for("left in this step")
    tmux.run("send-keys", "C-c")
    done = tmux.wait_for("icanon")
    assert "EXIT=130" in done
    assert "stopped; nothing was logged" in done
    assert "-icanon" not in done


@pytest.mark.django_db
@time_machine.travel(SUNDAY, tick=False)
def test_severe_pain_asks_the_red_flag_questions_and_a_yes_stops_the_program(
    fake_clock: FakeClock,
) -> None:
    from footcore.domain.safety import RED_FLAG_QUESTIONS
    from footcore.web.sessions.models import RedFlagScreen

    _store_profile()
    flags = ["y"] + ["n"] * (len(RED_FLAG_QUESTIONS) - 1)
    answers = ["too-hard", "8", "ankle", "", *flags]
    result = runner.invoke(app, ["start", "--kind", "activation"], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "safety check" in result.output
    screen = RedFlagScreen.objects.order_by("-pk").first()
    assert screen is not None
    assert screen.any_flag
    assert "clinician" in result.output.lower()


@pytest.mark.django_db
@time_machine.travel(SUNDAY, tick=False)
def test_swap_plays_and_logs_another_exercise_in_its_place(fake_clock: FakeClock) -> None:
    from footcore.domain.swap import swap_options
    from footcore.web.accounts.services import local_runner
    from footcore.web.library.selectors import catalog
    from footcore.web.sessions.models import SessionLogEntry
    from footcore.web.training import selectors

    _store_profile()
    user = local_runner()
    (session,) = [
        s for s in selectors.sessions_on(user, SUNDAY.date()) if s.kind.value == "strength"
    ]
    profile = selectors.get_profile(user)
    assert profile is not None
    planned = [i.exercise for i in session.items]
    old = next(
        e for e in planned
        if swap_options(catalog().get(e), catalog(), pain=profile.pain,
                        equipment=profile.equipment, exclude=[p for p in planned if p != e])
    )  # fmt: skip
    others = [p for p in planned if p != old]
    new = swap_options(
        catalog().get(old), catalog(), pain=profile.pain, equipment=profile.equipment,
        exclude=others,
    )[0]  # fmt: skip
    result = runner.invoke(
        app, ["start", "--swap", f"{old}={new.exercise}"], input="just-right\n0\n\n\n"
    )
    assert result.exit_code == 0, result.output
    assert f"Get ready: {new.name}" in result.output
    done = {e["exercise"] for e in SessionLogEntry.objects.get().exercises}
    assert new.exercise in done
    assert old not in done


@pytest.mark.django_db
@time_machine.travel(SUNDAY, tick=False)
def test_swap_names_an_exercise_the_session_lacks(fake_clock: FakeClock) -> None:
    _store_profile()
    result = runner.invoke(app, ["start", "--swap", "jumping-jacks"])
    assert result.exit_code == 2
    assert "--swap 'jumping-jacks'" in result.output
    assert "is not in this session" in result.output


def test_the_log_line_counts_exercises_not_their_sides() -> None:
    from footcore.domain.logbook import ExerciseLog
    from footcore.domain.vocab import Side

    def part(exercise: str, side: Side | None, done: bool) -> ExerciseLog:
        return ExerciseLog(exercise, "main", side, done, 1 if done else 0, None, None)

    parts = (
        part("a", Side.RIGHT, True), part("a", Side.LEFT, True),
        part("b", Side.RIGHT, True), part("b", Side.LEFT, False),
        part("c", None, True),
    )  # fmt: skip
    assert player_cli.done_in_full(parts) == "2 of 3 exercises done in full"


def test_in_a_real_terminal_the_heel_raise_test_offers_a_60_bpm_metronome(tmux: Tmux) -> None:
    tmux.start("assess", "heel-raise", "--side", "left", "--surface", "incline")
    tmux.wait_for("Start the 60 bpm metronome for the left foot?")
    tmux.run("send-keys", "y", "Enter")
    ticking = tmux.wait_for("60 beats a minute")
    assert "any key stops the metronome" in ticking
    time.sleep(2.2)
    tmux.run("send-keys", "x")
    stopped = tmux.wait_for("metronome stopped after")
    assert "heel raises, left" in tmux.wait_for("heel raises, left")
    assert "beats (" in stopped
    tmux.run("send-keys", "Enter")
    assert "EXIT=0" in tmux.wait_for("EXIT=")
