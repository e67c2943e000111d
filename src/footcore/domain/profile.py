"""A runner's profile: their running week, what bothers them and what they have at hand.

`parse_profile` turns the JSON form into a `Profile` and names every problem at once;
`profile_to_dict` is its inverse. A `Profile` checks itself on construction, so an
impossible profile (a long run on a day that is not a run day, a race before the
start) cannot exist anywhere in the program.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from footcore.domain.problems import Invalid, Problem
from footcore.domain.profile_reader import FieldReader
from footcore.domain.vocab import Concern, Equipment, PainSite, Weekday
from footcore.domain.vocab import Sex as Sex  # re-exported: forms read it from here

DEFAULT_WEEKS = 8
"""The first phase of the foot-core programme lasts 8 weeks (matias-2016)."""
DEFAULT_SESSIONS_PER_WEEK = 3
"""The top of seed-000's "2 to 3 times a week"; the foot-core programme keeps three
sessions a week after its first phase (matias-2016)."""
DEFAULT_MINUTES = 10
"""About ten minutes a session (seed-000)."""
WEEKS_RANGE = (1, 52)
MINUTES_RANGE = (5, 60)
SESSIONS_RANGE = (2, 3)
"""seed-000: foot work 2 to 3 times a week."""
AGE_RANGE = (10, 110)
"""footcore-design: wide enough for every runner, narrow enough to catch typos."""
DEFAULT_TIMEZONE = "UTC"

T = TypeVar("T")

_TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True, slots=True)
class Profile:
    """A runner's week and needs. Lists are kept in a canonical order (weekdays from
    Monday, dates ascending, vocabularies in declaration order) so two equal runners
    compare equal and plan identically."""

    start: dt.date
    """The first day the plan may schedule anything."""
    weeks: int = DEFAULT_WEEKS
    """Monday-to-Sunday weeks in the plan; week one runs from `start` to its Sunday."""
    run_days: tuple[Weekday, ...] = ()
    long_run_day: Weekday | None = None
    hard_days: tuple[Weekday, ...] = ()
    """Run days with a hard workout (intervals, tempo)."""
    races: tuple[dt.date, ...] = ()
    sessions_per_week: int = DEFAULT_SESSIONS_PER_WEEK
    minutes: int = DEFAULT_MINUTES
    """Wanted length of one strength session, in minutes."""
    concerns: tuple[Concern, ...] = ()
    pain: tuple[PainSite, ...] = ()
    """Where it hurts now; cautions rule exercises out for these sites."""
    equipment: tuple[Equipment, ...] = ()
    age: int | None = None
    sex: Sex | None = None
    timezone: str = DEFAULT_TIMEZONE
    """IANA time-zone name for the calendar."""
    time_of_day: dt.time | None = None
    """When the runner usually starts running, local wall time: the calendar puts the
    warm-up just before it. None means all-day calendar entries."""
    strength_time: dt.time | None = None
    """When strength sessions and self-tests start on the calendar. None: at
    `time_of_day` on days without a run, after the run on run days."""

    def __post_init__(self) -> None:
        problems = _rule_problems(self)
        if problems:
            raise Invalid(problems)
        canonical = {
            "run_days": tuple(sorted(self.run_days, key=_weekday_order)),
            "hard_days": tuple(sorted(self.hard_days, key=_weekday_order)),
            "races": tuple(sorted(self.races)),
            "concerns": _in_vocab_order(self.concerns, list(Concern)),
            "pain": _in_vocab_order(self.pain, list(PainSite)),
            "equipment": _in_vocab_order(self.equipment, list(Equipment)),
        }
        for name, value in canonical.items():
            object.__setattr__(self, name, value)

    @property
    def first_monday(self) -> dt.date:
        return self.start - dt.timedelta(days=self.start.weekday())

    @property
    def end(self) -> dt.date:
        """The last day of the plan: the Sunday of the last week."""
        return self.first_monday + dt.timedelta(days=7 * self.weeks - 1)


def _weekday_order(day: Weekday) -> int:
    return day.number


def _in_vocab_order(values: tuple[T, ...], order: list[T]) -> tuple[T, ...]:
    return tuple(sorted(values, key=order.index))


def _duplicates(field: str, values: tuple[object, ...], at: Callable[[int], str]) -> list[Problem]:
    seen: set[object] = set()
    problems: list[Problem] = []
    for i, value in enumerate(values):
        if value in seen:
            problems.append(Problem(at(i), f"{_show(value)} is listed twice"))
        seen.add(value)
    return problems


def _show(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(str(value))


def _in_range(field: str, value: int, bounds: tuple[int, int], unit: str) -> list[Problem]:
    low, high = bounds
    if low <= value <= high:
        return []
    return [Problem(field, f"must be {low}-{high} {unit}, got {value}")]


def _rule_problems(
    p: Profile,
    *,
    failed: frozenset[str] = frozenset(),
    partial: frozenset[str] = frozenset(),
    positions: Mapping[str, list[int]] | None = None,
) -> list[Problem]:
    """Range, duplicate and combination rules.

    For `parse_profile`: rules touching a field in `failed` (it did not parse) are
    skipped so one typo gives one message; `partial` lists lost some elements, so
    membership in them is not judged; `positions` maps a kept element back to its
    index in the input, so messages name the element the runner wrote.
    """

    def ok(*fields: str) -> bool:
        return not failed.intersection(fields)

    def at(field: str) -> Callable[[int], str]:
        where = (positions or {}).get(field)
        return lambda i: f"{field}[{where[i] if where else i}]"

    problems: list[Problem] = []
    if ok("weeks"):
        problems += _in_range("weeks", p.weeks, WEEKS_RANGE, "weeks")
    if ok("minutes"):
        problems += _in_range("minutes", p.minutes, MINUTES_RANGE, "minutes")
    if ok("sessions_per_week"):
        problems += _in_range("sessions_per_week", p.sessions_per_week, SESSIONS_RANGE, "sessions")
    if ok("age") and p.age is not None:
        problems += _in_range("age", p.age, AGE_RANGE, "years")
    for field in ("run_days", "hard_days", "races", "concerns", "pain", "equipment"):
        if ok(field):
            problems += _duplicates(field, getattr(p, field), at(field))
    run_days_known = ok("run_days") and "run_days" not in partial
    if run_days_known and ok("long_run_day") and p.long_run_day not in (None, *p.run_days):
        problems.append(
            Problem("long_run_day", f"{_show(p.long_run_day)} is not one of the run days")
        )
    if run_days_known and ok("hard_days"):
        problems += [
            Problem(at("hard_days")(i), f"{_show(day)} is not one of the run days")
            for i, day in enumerate(p.hard_days)
            if day not in p.run_days
        ]
    if ok("start", "races"):
        problems += [
            Problem(
                at("races")(i), f"{race.isoformat()} is before the start ({p.start.isoformat()})"
            )
            for i, race in enumerate(p.races)
            if race < p.start
        ]
    if (
        ok("time_of_day", "strength_time")
        and p.strength_time is not None
        and p.strength_time == p.time_of_day
    ):
        problems.append(
            Problem(
                "strength_time", "is your run time; choose a time after your run or another time"
            )
        )
    if ok("timezone") and not known_timezone(p.timezone):
        shown = p.timezone if len(p.timezone) <= MAX_TIMEZONE_CHARS else p.timezone[:40] + "..."
        problems.append(Problem("timezone", f"unknown IANA time zone {shown!r}"))
    return problems


MAX_TIMEZONE_CHARS = 64
"""footcore-design: the longest IANA name is about 30 characters; a longer one is a typo
or an attack, and `zoneinfo` would hand it to the file system (which fails past 255)."""
_TIMEZONE_NAME = re.compile(r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*")


def time_zone(name: str) -> zoneinfo.ZoneInfo | None:
    """The IANA time zone called `name` (`Europe/Berlin`), or None for any other text.

    The one lookup outside plain values: stdlib `zoneinfo` reads the system's
    read-only zone database. Only names shaped like IANA names reach it, so no
    input can make it raise (an over-long name used to raise `OSError`).
    """
    if len(name) > MAX_TIMEZONE_CHARS or not _TIMEZONE_NAME.fullmatch(name):
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


def known_timezone(name: str) -> bool:
    """True for a name in the IANA time-zone database (`Europe/Berlin`).

    `UTC` is accepted even where that database is missing.
    """
    return name == DEFAULT_TIMEZONE or time_zone(name) is not None


_FIELDS = (
    "start",
    "weeks",
    "run_days",
    "long_run_day",
    "hard_days",
    "races",
    "sessions_per_week",
    "minutes",
    "concerns",
    "pain",
    "equipment",
    "age",
    "sex",
    "timezone",
    "time_of_day",
    "strength_time",
)


def _key_name(key: object) -> str:
    """An unknown key as a field name a person can see: quoted unless a plain name."""
    text = str(key)
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]{0,39}", text):
        return text
    return repr(text[:40])


def _clock(read: FieldReader, field: str) -> dt.time | None:
    clock = read.text(field, None)
    if clock is None:
        return None
    match = _TIME_OF_DAY.match(clock)
    if match:
        return dt.time(int(match[1]), int(match[2]))
    read.fail(field, field, f"not a time in the form HH:MM: {clock!r}")
    return None


def _unknown_field(key: str) -> str:
    """`unknown field`, with the nearest real field names when a typo is likely."""
    close = difflib.get_close_matches(key, _FIELDS, n=2, cutoff=0.6)
    if not close:
        return f"unknown field (the fields are: {', '.join(_FIELDS)})"
    return f"unknown field; did you mean {' or '.join(repr(c) for c in close)}?"


def parse_profile(data: Mapping[str, object]) -> Profile:
    """Build a `Profile` from its JSON form, or raise `Invalid` naming every
    unknown key, unknown value, wrong type and impossible combination."""
    read = FieldReader(data)
    for key in data:
        if key not in _FIELDS:
            read.fail(_key_name(key), str(key), _unknown_field(str(key)))
    start = read.date("start", data["start"], "start") if "start" in data else None
    if "start" not in data:
        read.fail("start", "start", "required")
    long_run = data.get("long_run_day")
    sex = data.get("sex")
    time_of_day = _clock(read, "time_of_day")
    strength_time = _clock(read, "strength_time")
    fields: dict[str, object] = {
        "weeks": read.whole("weeks", DEFAULT_WEEKS),
        "run_days": read.choices("run_days", Weekday),
        "long_run_day": None
        if long_run is None
        else read.choice("long_run_day", long_run, Weekday, "long_run_day"),
        "hard_days": read.choices("hard_days", Weekday),
        "races": read.each("races", lambda at, raw: read.date(at, raw, None)),
        "sessions_per_week": read.whole("sessions_per_week", DEFAULT_SESSIONS_PER_WEEK),
        "minutes": read.whole("minutes", DEFAULT_MINUTES),
        "concerns": read.choices("concerns", Concern),
        "pain": read.choices("pain", PainSite),
        "equipment": read.choices("equipment", Equipment),
        "age": read.whole("age", None),
        "sex": None if sex is None else read.choice("sex", sex, Sex, "sex"),
        "timezone": read.text("timezone", DEFAULT_TIMEZONE),
        "time_of_day": time_of_day,
        "strength_time": strength_time,
    }
    for name, fallback in _SCALAR_DEFAULTS.items():
        if fields[name] is None:
            read.fail(name, name, "must not be null")
            fields[name] = fallback
    draft = _unchecked(start or dt.date.min, fields)
    read.problems += _rule_problems(
        draft,
        failed=frozenset(read.failed),
        partial=frozenset(read.partial),
        positions=read.positions,
    )
    if read.problems:
        raise Invalid(read.problems)
    # `replace` runs the real constructor, which canonicalises the order of lists.
    return dataclasses.replace(draft)


_SCALAR_DEFAULTS: dict[str, object] = {
    "weeks": DEFAULT_WEEKS,
    "sessions_per_week": DEFAULT_SESSIONS_PER_WEEK,
    "minutes": DEFAULT_MINUTES,
    "timezone": DEFAULT_TIMEZONE,
}


def _unchecked(start: dt.date, fields: Mapping[str, object]) -> Profile:
    """A Profile assembled without its own checks, so `parse_profile` can run them
    with the unparsable fields skipped and report everything in one error."""
    draft = object.__new__(Profile)
    object.__setattr__(draft, "start", start)
    for name, value in fields.items():
        object.__setattr__(draft, name, value)
    return draft


def profile_to_dict(profile: Profile) -> dict[str, object]:
    """The JSON form read by `parse_profile`; `parse_profile(profile_to_dict(p)) == p`."""
    return {
        "start": profile.start.isoformat(),
        "weeks": profile.weeks,
        "run_days": [d.value for d in profile.run_days],
        "long_run_day": None if profile.long_run_day is None else profile.long_run_day.value,
        "hard_days": [d.value for d in profile.hard_days],
        "races": [r.isoformat() for r in profile.races],
        "sessions_per_week": profile.sessions_per_week,
        "minutes": profile.minutes,
        "concerns": [c.value for c in profile.concerns],
        "pain": [p.value for p in profile.pain],
        "equipment": [e.value for e in profile.equipment],
        "age": profile.age,
        "sex": None if profile.sex is None else profile.sex.value,
        "timezone": profile.timezone,
        "time_of_day": None
        if profile.time_of_day is None
        else profile.time_of_day.strftime("%H:%M"),
        "strength_time": None
        if profile.strength_time is None
        else profile.strength_time.strftime("%H:%M"),
    }
