"""The terminal player's screen and keyboard: a Rich `Live` view and cbreak key reading.

Everything here is thin: the timing lives in `player_core.Player`.
"""

from __future__ import annotations

import math
import os
import select
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TextIO

from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from footcore.cli.player_core import Player, Tick
from footcore.domain.timeline import StepKind

KEY_HELP = "space/p pause · s skip exercise · n next step · b back · q quit"

# A 5-row block font for the countdown, readable from a mat a few metres away.
_DIGITS = {
    "0": ("███", "█ █", "█ █", "█ █", "███"),
    "1": (" ██", "  █", "  █", "  █", "  █"),
    "2": ("███", "  █", "███", "█  ", "███"),
    "3": ("███", "  █", "███", "  █", "███"),
    "4": ("█ █", "█ █", "███", "  █", "  █"),
    "5": ("███", "█  ", "███", "  █", "███"),
    "6": ("███", "█  ", "███", "█ █", "███"),
    "7": ("███", "  █", "  █", "  █", "  █"),
    "8": ("███", "█ █", "███", "█ █", "███"),
    "9": ("███", "█ █", "███", "  █", "███"),
    ":": ("   ", " █ ", "   ", " █ ", "   "),
}


def clock_text(seconds: float, *, up: bool = True) -> str:
    """`m:ss`; a countdown rounds `up` (it shows 1 until the step ends), elapsed time down."""
    whole = max(math.ceil(seconds - 1e-9) if up else math.floor(seconds + 1e-9), 0)
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}"


def big_digits(text: str) -> str:
    rows = ["", "", "", "", ""]
    for char in text:
        glyph = _DIGITS.get(char, _DIGITS[":"])
        for row in range(5):
            rows[row] += glyph[row] + " "
    return "\n".join(r.rstrip() for r in rows)


def render(tick: Tick, player: Player, *, title: str, keys: bool) -> RenderableType:
    """One frame: step text, big countdown, what comes next, and the key help."""
    step = tick.step
    left = clock_text(tick.remaining_s)
    style = "yellow" if tick.paused else ("green" if step.kind in _WORKING else "cyan")
    head = Text(step.display, style="bold")
    if tick.paused:
        head.append("   PAUSED", style="bold yellow")
    parts: list[RenderableType] = [head, Text("")]
    if not tick.finished:
        parts.append(Text(big_digits(left), style=style))
        parts.append(Text(f"{left} left in this step", style="dim"))
    position = step.starts_at_s + step.duration_s - tick.remaining_s
    done = f"session {clock_text(position, up=False)} of {clock_text(player.total_s)}"
    parts.append(Text(done, style="dim"))
    if tick.next_step is not None:
        parts.append(Text("Next: " + tick.next_step.display))
    if keys and not tick.finished:
        parts.append(Text(KEY_HELP, style="dim"))
    return Panel(Group(*parts), title=escape(title), border_style=style)


_WORKING = frozenset({StepKind.HOLD, StepKind.REP, StepKind.TIMED})


class Keys:
    """Single key presses from a terminal in cbreak mode, read without blocking.

    When `stream` is not a terminal (a pipe, a test runner) the player runs without
    keys: `wait` just sleeps. The terminal's settings are restored on exit, also when
    the player is left with Ctrl-C.
    """

    def __init__(self, stream: TextIO, *, sleep: Callable[[float], None]) -> None:
        self._stream = stream
        self._sleep = sleep
        self._fd: int | None = None
        self._saved: list[Any] | None = None

    @property
    def active(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> Keys:
        try:
            tty_in = self._stream.isatty()
        except (AttributeError, ValueError):
            tty_in = False
        if tty_in:
            try:
                import termios
                import tty
            except ImportError:  # pragma: no cover - not a POSIX terminal
                return self
            fd = self._stream.fileno()
            self._saved = termios.tcgetattr(fd)
            # Keys typed before the player drew its screen were meant for nothing.
            termios.tcflush(fd, termios.TCIFLUSH)
            tty.setcbreak(fd)
            self._fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fd is not None and self._saved is not None:
            import termios

            # Drop unread player keys (a burst of skips) so they do not become the
            # first answer to the questions that follow.
            termios.tcflush(self._fd, termios.TCIFLUSH)
            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
        self._fd = None

    def wait(self, timeout_s: float) -> str:
        """The keys pressed within `timeout_s` seconds ("" when none)."""
        if self._fd is None:
            self._sleep(timeout_s)
            return ""
        ready, _, _ = select.select([self._fd], [], [], max(timeout_s, 0.0))
        if not ready:
            return ""
        return os.read(self._fd, 32).decode("utf-8", errors="ignore")


@dataclass(frozen=True, slots=True)
class Played:
    finished: bool
    """The last step was reached (False: the runner quit)."""
    completed: frozenset[int]
    skipped: frozenset[int]


def play(
    player: Player,
    *,
    console: Console,
    keys: Keys,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
    title: str,
) -> Played:
    """Run the player until its last step or `q`; bell at each step end, twice at the end."""
    quit_now = False
    # A pipe gets one plain line per step instead of a redrawn panel.
    plain = not console.is_terminal
    shown = -1
    with Live(console=console, auto_refresh=False, transient=False) as live:
        while True:
            tick = player.tick(clock())
            if tick.ended and not tick.finished:
                console.bell()
            if plain and tick.index != shown:
                shown = tick.index
                left = clock_text(tick.step.duration_s)
                console.print(f"{left}  {tick.step.display}", highlight=False, markup=False)
            if not plain:
                live.update(render(tick, player, title=title, keys=keys.active), refresh=True)
            if tick.finished or quit_now:
                break
            for key in keys.wait(_wait_s(tick)):
                quit_now = _on_key(key.lower(), player, clock()) or quit_now
    if tick.finished:
        console.bell()
        sleep(0.3)
        console.bell()
    return Played(tick.finished, frozenset(player.completed), frozenset(player.skipped))


def _wait_s(tick: Tick) -> float:
    """Until the shown countdown changes (its whole second rolls over), or a key."""
    if tick.paused:
        return 0.25
    remaining = tick.remaining_s
    until_next_second = remaining - math.ceil(remaining - 1e-9) + 1
    return max(min(until_next_second, remaining) + 0.005, 0.005)


def _on_key(key: str, player: Player, now: float) -> bool:
    """Apply one key; True when it asks to quit."""
    if key in (" ", "p"):
        player.toggle(now)
    elif key == "s":
        player.skip_exercise(now)
    elif key == "n":
        player.skip(now)
    elif key == "b":
        player.back(now)
    elif key == "q":
        return True
    return False
