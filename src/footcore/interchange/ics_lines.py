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
from dataclasses import dataclass, field

from icalendar.parser import Contentline

from footcore.domain.problems import Invalid, Problem, invalid
from footcore.domain.training_calendar import import_problem

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


def decode_calendar(data: bytes) -> str:
    """Text of an .ics file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    RFC 5545 says UTF-8, but Outlook and old exporters still write Windows-1252 or
    ISO-8859-1; Latin-1 is the last resort because it decodes any byte.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise unreadable("the file claims UTF-16 but is not valid UTF-16") from exc
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


@dataclass
class _Scan:
    out: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    skipping: _Open | None = None
    """A component outside any VCALENDAR, skipped up to its END."""

    def problem(self, line: int, message: str) -> None:
        self.problems.append(import_problem(line, None, message))


def scan_calendar(text: str) -> ScannedCalendar:
    """Check and repair the structure of iCalendar `text` (see the module docstring).

    Raises `Invalid` when the text does not start with BEGIN:VCALENDAR.
    """
    logical = _unfold(text)
    if not logical:
        raise unreadable("the file is empty")
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
    return ScannedCalendar(text="\r\n".join(scan.out) + "\r\n", problems=tuple(scan.problems))


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
        name, _params, value = Contentline(content).parts()  # type: ignore[no-untyped-call]
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
    elif name in _RULE_PROPERTIES and value and content.endswith(value):
        # Exchange writes "BYDAY=MO, TU"; a recurrence rule never holds spaces.
        head = content[: len(content) - len(value)]
        scan.out.append(head + re.sub(r"\s+", "", value))
    else:
        scan.out.append(content)


def _begin(scan: _Scan, number: int, component: str) -> None:
    if not _COMPONENT_NAME.fullmatch(component):
        scan.problem(number, f"BEGIN:{component[:20]} names no component; skipped")
        return
    if not scan.stack and component != "VCALENDAR":
        scan.problem(number, f"a {component} outside the calendar; skipped")
        scan.skipping = _Open(component, number, len(scan.out))
        return
    scan.stack.append(_Open(component, number, len(scan.out)))
    scan.out.append(f"BEGIN:{component}")
    if component == "VEVENT":
        scan.out.append(f"{LINE_PROPERTY}:{number}")


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
            scan.out.append(f"END:{inner.name}")
    elif scan.stack[-1].name == "VCALENDAR":
        # A stray END must not close the calendar and orphan everything after it.
        scan.problem(number, f"END:{component} matches no open component; skipped")
        return
    elif scan.stack[-1].name == "VEVENT":
        scan.problem(
            number, f"END:{component} closes the event that starts at line {scan.stack[-1].line}"
        )
    closed = scan.stack.pop()
    scan.out.append(f"END:{closed.name}")


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
        scan.out.append(f"END:{opened.name}")
