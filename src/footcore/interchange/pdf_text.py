"""Text helpers for the PDF handout: Windows-1252-safe strings and short dates.

The handout uses the PDF core font Helvetica so that no font file has to exist on
the machine. Core fonts cover Windows-1252 only (Latin-1 plus typographic quotes,
dashes, the bullet and the euro sign), so every string goes through `pdf_safe`
first: other characters become their closest plain form (≥ to >=, ā to a) or `?`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from footcore.domain.plan import PlanWeek

ENCODING = "windows-1252"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_REPLACEMENTS = {
    "≥": ">=",
    "≤": "<=",
    "→": "->",
    "←": "<-",
    "−": "-",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "―": "-",
    "\u202f": " ",
    "\u2009": " ",
    "\u200b": "",
    "✓": "v",
    "✔": "v",
}


def pdf_safe(text: str) -> str:
    """`text` with every character the core fonts cannot show replaced."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in _REPLACEMENTS:
            out.append(_REPLACEMENTS[char])
        elif _encodable(char):
            out.append(char)
        else:
            base = "".join(
                c
                for c in unicodedata.normalize("NFKD", char)
                if not unicodedata.combining(c) and _encodable(c)
            )
            out.append(base or "?")
    return "".join(out)


def _encodable(char: str) -> bool:
    if unicodedata.category(char) == "Cc" and char not in "\n\t":
        return False
    try:
        char.encode(ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def short_date(day: dt.date) -> str:
    """`Tue 4 Mar`, the same in every locale."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def long_date(day: dt.date) -> str:
    """`4 Mar 2025`."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def plan_period(weeks: tuple[PlanWeek, ...]) -> str:
    """`3 Mar 2025 - 30 Mar 2025 (4 weeks)`, from the first to the last planned day."""
    if not weeks:
        return "no weeks planned"
    days = [s.date for w in weeks for s in w.sessions] or [w.start for w in weeks]
    first = min([*days, weeks[0].start])
    last = max(days)
    count = f"{len(weeks)} week" + ("" if len(weeks) == 1 else "s")
    return f"{long_date(first)} - {long_date(last)} ({count})"


def week_ranges(indexes: list[int]) -> str:
    """`Week 2`, `Weeks 1-3` or `Weeks 1-2, 4`."""
    ordered = sorted(set(indexes))
    runs: list[tuple[int, int]] = []
    for index in ordered:
        if runs and index == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    text = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
    return f"Week {text}" if len(ordered) == 1 else f"Weeks {text}"
