"""The terminal metronome: a bell on every beat, on time, until a key."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from footcore.cli.metronome import beat_words, metronome
from footcore.cli.player_view import Keys


class Beats(Keys):
    """A fake clock that records when each wait ends; a key at `stop_at` seconds."""

    def __init__(self, stop_at: float | None, late_s: float = 0.0) -> None:
        super().__init__(io.StringIO(), sleep=lambda s: None)
        self.now = 100.0
        self.stop_at = None if stop_at is None else 100.0 + stop_at
        self.late_s = late_s
        self.woke: list[float] = []

    def wait(self, timeout_s: float) -> str:
        target = self.now + timeout_s
        if self.stop_at is not None and self.stop_at <= target:
            self.now = self.stop_at
            return "x"
        # A slow terminal wakes late every time; the next deadline must absorb it.
        self.now = target + self.late_s
        self.woke.append(self.now)
        return ""


def run(keys: Beats, **over: int) -> tuple[int, str]:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80, color_system=None)
    beats = metronome(bpm=over.get("bpm", 60), console=console, keys=keys,
                      clock=lambda: keys.now, max_beats=over.get("max_beats", 600))  # fmt: skip
    return beats, out.getvalue()


def test_it_rings_once_a_second_at_60_bpm_until_a_key() -> None:
    beats, screen = run(Beats(stop_at=9.5))
    assert beats == 10
    assert screen.count("\a") == 10
    assert "metronome stopped after 10 beats (5 raises paced)" in screen


def test_late_wake_ups_never_make_the_pace_drift() -> None:
    keys = Beats(stop_at=None, late_s=0.2)
    beats, _ = run(keys, max_beats=20)
    assert beats == 20
    # Beat n ends at start + n s (plus this wake-up's own lateness), never later.
    for n, woke in enumerate(keys.woke, start=1):
        assert woke == pytest.approx(100.0 + n + 0.2)


def test_odd_beats_rise_and_even_beats_lower() -> None:
    assert [beat_words(b) for b in (1, 2, 3)] == ["up", "down", "up"]
    _, screen = run(Beats(stop_at=1.5))
    assert "UP   beat 1 · raise 1" in screen
    assert "DOWN   beat 2 · raise 1" in screen


def test_an_impossible_pace_is_refused() -> None:
    with pytest.raises(ValueError, match="bpm must be 20-240"):
        run(Beats(stop_at=1), bpm=0)
