"""A terminal metronome for paced self-tests (the heel raise at 60 beats a minute).

Each beat rings the terminal bell and the screen says whether to rise or lower.
Beats fall on absolute deadlines from the start (`start + n * 60 / bpm` on a
monotonic clock), so a slow terminal never makes the pace drift. Any key stops it.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.live import Live
from rich.panel import Panel
from rich.text import Text

from footcore.cli.player_view import Keys

MAX_BEATS = 600
"""Ten minutes at 60 bpm: far past where anyone keeps the pace (footcore-design)."""


def beat_words(beat: int) -> str:
    """One beat up, the next down: odd beats rise, even beats lower."""
    return "up" if beat % 2 else "down"


def metronome(
    *,
    bpm: int,
    console: Console,
    keys: Keys,
    clock: Callable[[], float],
    max_beats: int = MAX_BEATS,
) -> int:
    """Ring `bpm` beats a minute until a key is pressed (or `max_beats`); return the
    number of beats rung. Raises `ValueError` for a pace outside 20-240 bpm."""
    if not 20 <= bpm <= 240:
        raise ValueError(f"bpm must be 20-240, got {bpm}")
    period_s = 60 / bpm
    start = clock()
    beat = 0
    with Live(console=console, auto_refresh=False, transient=True) as live:
        while beat < max_beats:
            beat += 1
            console.bell()
            raises = (beat + 1) // 2
            frame = Text(f"{beat_words(beat).upper():>5}   beat {beat} · raise {raises}")
            frame.append("\nany key stops the metronome", style="dim")
            live.update(Panel(frame, title=f"{bpm} beats a minute"), refresh=True)
            deadline = start + beat * period_s
            if keys.wait(max(deadline - clock(), 0.0)):
                break
    console.print(f"metronome stopped after {beat} beats ({(beat + 1) // 2} raises paced)")
    return beat
