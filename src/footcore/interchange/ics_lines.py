"""First pass over an .ics file: decode it, check its shape line by line, repair what is safe.

`icalendar` parses leniently but reports no line numbers and gives up on a whole
file for one bad line outside an event. This pass runs before it: it finds the
text encoding, unfolds lines while remembering where each started, drops lines
that are not iCalendar content lines (reporting them), closes components a cut-off
file left open, and tags every VEVENT with the line it starts on so later
problems can point the runner at it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from icalendar.parser import Contentline

from footcore.domain.problems import Invalid, Problem, invalid
from footcore.domain.training_calendar import import_problem
from footcore.interchange.ics_properties import (
    FATAL_IN_EVENT,
    SINGLE_IN_EVENT,
    check_property,
    span_problem,
)

MAX_CALENDAR_LINES = 20_000
"""footcore's choice: content lines (unfolded) read at most. Scanning and parsing cost
about 50 us of CPU a line here (a 75,000-line file: 3.7 s, more than twice the
reading budget, spent before the budget could be checked); a busy training feed's
year is about 6,000 lines, the largest real calendar in tests/data 4,347."""
LINE_PROPERTY = "X-FOOTCORE-LINE"
"""Added to every VEVENT: the 1-based line of the file where it starts."""

_PHYSICAL_LINE = re.compile(r"\r\n|\n|\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_COMPONENT_NAME = re.compile(r"[A-Z][A-Z0-9-]*")
_RULE_PROPERTIES = frozenset({"RRULE", "EXRULE"})


def unreadable(message: str, line: int | None = None) -> Invalid:
    """The data is not an iCalendar file, or is broken beyond partial repair."""
    return invalid(f"line {line}" if line is not None else "", message)


@dataclass(frozen=True, slots=True)
class ScannedCalendar:
    text: str
    """Unfolded, repaired iCalendar text, ready for `icalendar`."""
    problems: tuple[Problem, ...] = ()
    skipped: Mapping[int, tuple[int, str]] = field(default_factory=dict)
    """Events to skip, by the line they start on: (line of the fault, what it is)."""
    numbered: tuple[tuple[int, str], ...] = ()
    """The lines of `text`, each with the line of the file it came from."""


def decode_calendar(data: bytes) -> str:
    """Text of an .ics file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    RFC 5545 says UTF-8, but Outlook and old exporters still write Windows-1252 or
    ISO-8859-1; Latin-1 is the last resort because it decodes any byte.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise unreadable("the file claims UTF-16 but is not valid UTF-16", line=1) from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


@dataclass
class _Open:
    name: str
    line: int
    output_index: int
    values: dict[str, object] = field(default_factory=dict)
    """Properties read so far (VEVENT only), by name."""
    lines: dict[str, int] = field(default_factory=dict)
    """The line of each of `values`."""
    broken_at: int | None = None
    """VTIMEZONE only: the first line that could not be read."""


@dataclass
class _Scan:
    out: list[tuple[int, str]] = field(default_factory=list)
    """(line of the file, content line) for every line passed on."""
    problems: list[Problem] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    skipping: _Open | None = None
    """A component outside any VCALENDAR, skipped up to its END."""
    skipped: dict[int, tuple[int, str]] = field(default_factory=dict)

    def problem(self, line: int, message: str) -> None:
        self.problems.append(import_problem(line=line, event=None, message=message))


def scan_calendar(text: str) -> ScannedCalendar:
    """Check and repair the structure of iCalendar `text` (see the module docstring).

    Raises `Invalid` when the text does not start with BEGIN:VCALENDAR.
    """
    logical = _unfold(text)
    if not logical:
        raise unreadable("the file is empty", line=1)
    if len(logical) > MAX_CALENDAR_LINES:
        raise unreadable(
            f"the file has {len(logical):,} lines; calendars up to "
            f"{MAX_CALENDAR_LINES:,} lines are read",
            line=logical[MAX_CALENDAR_LINES][0],
        )
    first_line, first = logical[0]
    if first.strip().upper() != "BEGIN:VCALENDAR":
        shown = _CONTROL.sub("?", first.strip())[:40]
        raise unreadable(
            f"this is not an iCalendar file: it should start with BEGIN:VCALENDAR, not {shown!r}",
            line=first_line,
        )
    scan = _Scan()
    for number, content in logical:
        _scan_line(scan, number, content)
    _close_open_components(scan, logical[-1][0])
    return ScannedCalendar(
        text="".join(line + "\r\n" for _, line in scan.out),
        numbered=tuple(scan.out),
        problems=tuple(scan.problems),
        skipped=scan.skipped,
    )


def _unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with the number of the physical line each starts on."""
    logical: list[tuple[int, str]] = []
    for index, physical in enumerate(_PHYSICAL_LINE.split(text), start=1):
        if physical[:1] in (" ", "\t") and logical:
            number, start = logical[-1]
            logical[-1] = (number, start + physical[1:])
        elif physical.strip():
            logical.append((index, physical))
    return logical


def _scan_line(scan: _Scan, number: int, content: str) -> None:
    if _CONTROL.search(content):
        scan.problem(number, "holds control characters, so it is not text; skipped")
        return
    try:
        name, params, value = Contentline(content).parts()  # type: ignore[no-untyped-call]
    except ValueError:
        scan.problem(number, f"not a calendar line ({content[:40]!r}); skipped")
        return
    name = name.upper()
    if scan.skipping is not None:
        if name == "END" and value.strip().upper() == scan.skipping.name:
            scan.skipping = None
        return
    if name == "BEGIN":
        _begin(scan, number, value.strip().upper())
    elif name == "END":
        _end(scan, number, value.strip().upper())
    elif not scan.stack:
        scan.problem(number, "outside BEGIN:VCALENDAR ... END:VCALENDAR; skipped")
    else:
        if name in _RULE_PROPERTIES and value and content.endswith(value):
            # Exchange writes "BYDAY=MO, TU"; a recurrence rule never holds spaces.
            head = content[: len(content) - len(value)]
            value = re.sub(r"\s+", "", value)
            content = head + value
        if _property_fits(scan, number, name, params, value):
            scan.out.append((number, content))


def _property_fits(scan: _Scan, number: int, name: str, params: object, raw: str) -> bool:
    """Whether the property line may go on to `icalendar`; reports it when not."""
    current = scan.stack[-1]
    checked = check_property(name, params, raw)  # type: ignore[arg-type]
    in_event = current.name == "VEVENT"
    if isinstance(checked, str):
        if in_event and current.line in scan.skipped:
            return False  # the event is skipped already, and reported once for that
        if in_event and name in FATAL_IN_EVENT:
            scan.skipped.setdefault(current.line, (number, checked))
            return False
        zone = next((o for o in scan.stack if o.name == "VTIMEZONE"), None)
        if zone is not None and zone.broken_at is None:
            zone.broken_at = number
        scan.problem(number, f"{checked}; the line was skipped")
        return False
    if not in_event or name not in SINGLE_IN_EVENT:
        return True
    twin = "DURATION" if name == "DTEND" else "DTEND" if name == "DURATION" else name
    if name in current.values or twin in current.values:
        first = "a second" if name in current.values else f"both {twin} and"
        scan.problem(number, f"{first} {name} in the event of line {current.line}; skipped")
        return False
    current.values[name] = checked.value
    current.lines[name] = number
    return True


def _begin(scan: _Scan, number: int, component: str) -> None:
    if not _COMPONENT_NAME.fullmatch(component):
        scan.problem(number, f"BEGIN:{component[:20]} names no component; skipped")
        return
    if not scan.stack and component != "VCALENDAR":
        scan.problem(number, f"a {component} outside the calendar; skipped")
        scan.skipping = _Open(component, number, len(scan.out))
        return
    scan.stack.append(_Open(component, number, len(scan.out)))
    scan.out.append((number, f"BEGIN:{component}"))
    if component == "VEVENT":
        scan.out.append((number, f"{LINE_PROPERTY}:{number}"))


def _end(scan: _Scan, number: int, component: str) -> None:
    if not scan.stack:
        scan.problem(number, f"END:{component} without a matching BEGIN; skipped")
        return
    names = [opened.name for opened in scan.stack]
    if component in names:
        # A missing END inside: close the inner components too, and say so for events.
        while scan.stack[-1].name != component:
            inner = scan.stack.pop()
            if inner.name == "VEVENT":
                scan.problem(inner.line, f"the event has no END:VEVENT before line {number}")
            _close(scan, inner)
    elif scan.stack[-1].name == "VCALENDAR":
        # A stray END must not close the calendar and orphan everything after it.
        scan.problem(number, f"END:{component} matches no open component; skipped")
        return
    elif scan.stack[-1].name == "VEVENT":
        scan.problem(
            number, f"END:{component} closes the event that starts at line {scan.stack[-1].line}"
        )
    _close(scan, scan.stack.pop())


def _close(scan: _Scan, closed: _Open) -> None:
    """Write END for a component; drop a time zone that could not be read whole."""
    if closed.name == "VTIMEZONE" and closed.broken_at is not None:
        del scan.out[closed.output_index :]
        scan.problem(
            closed.line,
            f"this time zone is skipped for its broken line {closed.broken_at}; "
            "events that use it are read with the zone's name alone",
        )
        return
    if closed.name == "VEVENT":
        values = closed.values
        span = span_problem(values.get("DTSTART"), values.get("DTEND"), values.get("DURATION"))
        if span is not None:
            at = closed.lines.get("DURATION", closed.lines.get("DTEND", closed.line))
            scan.skipped.setdefault(closed.line, (at, span))
    scan.out.append((closed.line, f"END:{closed.name}"))


def _close_open_components(scan: _Scan, last_line: int) -> None:
    """Close what a cut-off file left open; an unfinished event is dropped."""
    while scan.stack:
        opened = scan.stack.pop()
        if opened.name == "VEVENT":
            del scan.out[opened.output_index :]
            scan.problem(opened.line, "the file ends inside this event (cut off?); skipped")
            continue
        if opened.name == "VCALENDAR":
            scan.problem(last_line, "the file ends without END:VCALENDAR (cut off?)")
        _close(scan, opened)
