"""Export a plan as an iCalendar file or subscribable feed (RFC 5545, RFC 7986).

Choices:
- UID: a UUID-5 of (user key, session date, session kind) + `@footcore`, so an
  unchanged session keeps its UID across exports and calendar apps update it in
  place instead of duplicating it. The user key is hashed in, never shown.
- SEQUENCE: the caller's plan revision (`sequence`), the same for every event. A
  content hash would be simpler but RFC 5545 wants SEQUENCE to only grow, and a
  client that sees it go down keeps the older copy. Feeds are replaced wholesale
  on refresh anyway; the revision matters for files imported by hand.
- DTSTAMP is the `stamp` the caller passes (its "now"), so output is deterministic.
- Times: `time_of_day` is when the runner starts running. A run day's warm-up ends
  at that time; strength and self-tests start at `strength_time` when the runner set
  one, else `AFTER_RUN` after the run starts on a day with a warm-up, else at
  `time_of_day`. Whatever the settings, events of one day never overlap: a later
  event moves to the end of the one it would overlap.
- URL: with a `base_url`, each event links to its session page (`session_path`).
- Timed events carry TZID and a generated VTIMEZONE; all-day events use DATE
  values with DTEND the next day. All-day reminders ring at 08:00 on the day,
  because "15 minutes before" an all-day event means 23:45 the evening before.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections import Counter
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from footcore.domain.catalog import Catalog
from footcore.domain.pain_bands import PAIN_GUIDE, RED_FLAG_NOTE
from footcore.domain.plan import Plan, PlannedSession, SessionKind

PRODID = "-//footcore//foot strength plan//EN"
SAFETY_NOTE = f"{PAIN_GUIDE} {RED_FLAG_NOTE}"
"""The pain bands runners see everywhere (`pain_bands`), and the red flags."""
ALL_DAY_REMINDER = dt.timedelta(hours=8)
AFTER_RUN = dt.timedelta(minutes=90)
"""footcore-design: strength goes after the run (seed-004 keeps activation before it);
90 minutes covers a typical run and a shower before the calendar entry starts."""
_UID_NAMESPACE = uuid.UUID("5b0e3f2c-4a51-4c7e-9d0a-6f6f74636f72")


def session_uid(user_key: str, day: dt.date, kind: SessionKind, nth: int = 1) -> str:
    """The stable UID of the `nth` session of `kind` on `day` for `user_key`."""
    name = f"{user_key}\x1f{day.isoformat()}\x1f{kind.value}"
    if nth > 1:
        name += f"\x1f{nth}"
    return f"{uuid.uuid5(_UID_NAMESPACE, name)}@footcore"


def session_path(session: PlannedSession) -> str:
    """The site's page for a session: the player, or the self-tests for a retest."""
    if session.kind is SessionKind.ASSESSMENT:
        return "/assess"
    path = f"/session/{session.date.isoformat()}"
    return path if session.kind is SessionKind.STRENGTH else f"{path}?kind={session.kind.value}"


def session_minutes(session: PlannedSession) -> int:
    """Whole minutes a session is blocked for: its estimate rounded up, at least 1."""
    return max(1, math.ceil(session.estimated_s / 60))


def session_summary(session: PlannedSession) -> str:
    minutes = session_minutes(session)
    if session.kind is SessionKind.ACTIVATION:
        return "Foot activation before your run"
    if session.kind is SessionKind.ASSESSMENT:
        return "Foot self-tests (retest)"
    return f"Foot strength ({minutes} min)"


def session_description(session: PlannedSession, catalog: Catalog) -> str:
    """Plain text: what to do, how much, and why, one numbered line per exercise.

    Raises `ValueError` when an item names an exercise or variant the catalog lacks.
    """
    minutes = session_minutes(session)
    opening = {
        SessionKind.STRENGTH: f"About {minutes} min of foot strength work, barefoot.",
        SessionKind.ACTIVATION: f"A {minutes}-minute foot warm-up just before you run.",
        SessionKind.ASSESSMENT: f"About {minutes} min of foot self-tests; log each result.",
    }
    lines = [opening[session.kind]]
    if session.reason:
        lines.append(f"Why this day: {session.reason}")
    lines.append("")
    for number, item in enumerate(session.items, start=1):
        try:
            exercise = catalog.get(item.exercise)
            variant = exercise.variant(item.variant)
        except KeyError as exc:
            raise ValueError(
                f"plan item {item.exercise!r}/{item.variant!r} is not in the catalog"
            ) from exc
        name = (
            exercise.name if variant.name == exercise.name else f"{exercise.name} - {variant.name}"
        )
        lines.append(f"{number}. {name}: {item.dose.describe()}")
        if item.reason:
            lines.append(f"   Why: {item.reason}")
    lines += ["", SAFETY_NOTE]
    return "\n".join(lines)


def plan_to_ics(
    plan: Plan,
    catalog: Catalog,
    *,
    tz: str,
    time_of_day: dt.time | None,
    strength_time: dt.time | None = None,
    base_url: str | None = None,
    user_key: str,
    calendar_name: str,
    stamp: dt.datetime,
    reminder_min: int | None = 15,
    sequence: int = 0,
    refresh_h: int = 12,
) -> bytes:
    """The plan as iCalendar bytes: one VEVENT per planned session.

    `tz` is the runner's IANA zone; `time_of_day` the local wall time the runner
    starts running, or None for all-day entries; `strength_time` when strength
    sessions start (see the module docstring). `base_url` (`https://host`) adds a
    URL to each event. Each event lasts the session's
    `estimated_s` rounded up to minutes. `reminder_min` minutes before a timed
    event a DISPLAY alarm rings (None: no alarm). `stamp` (aware) becomes DTSTAMP;
    `sequence` is the plan revision (see the module docstring); feeds ask to be
    refreshed every `refresh_h` hours. Raises `ValueError` for bad arguments.
    """
    zone = _zone(tz)
    _check(time_of_day=time_of_day, stamp=stamp, reminder_min=reminder_min, refresh_h=refresh_h)
    if strength_time is not None and strength_time.tzinfo is not None:
        raise ValueError("strength_time is a wall-clock time in tz; give it without tzinfo")
    if sequence < 0:
        raise ValueError("sequence must not be negative")
    calendar = _calendar(calendar_name, tz, refresh_h)
    sessions = sorted(plan.sessions(), key=lambda s: (s.date, s.kind.value))
    starts = start_times(sessions, time_of_day=time_of_day, strength_time=strength_time)
    seen: Counter[tuple[dt.date, SessionKind]] = Counter()
    for index, session in enumerate(sessions):
        seen[(session.date, session.kind)] += 1
        event = icalendar.Event()
        nth = seen[(session.date, session.kind)]
        event.add("uid", session_uid(user_key, session.date, session.kind, nth))
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        event.add("sequence", sequence)
        _add_times(event, session, zone, starts[index])
        event.add("summary", session_summary(session))
        if base_url:
            event.add("url", base_url.rstrip("/") + session_path(session))
        event.add("description", session_description(session, catalog))
        event.add("categories", ["footcore", session.kind.value])
        event.add("class", "PRIVATE")
        # Home exercise should not make the runner look busy to colleagues.
        event.add("transp", "TRANSPARENT")
        if reminder_min is not None:
            event.add_component(_alarm(session, reminder_min, all_day=starts[index] is None))
        calendar.add_component(event)
    if sessions and any(start is not None for start in starts):
        calendar.add_missing_timezones(
            first_date=dt.date(sessions[0].date.year, 1, 1),
            last_date=dt.date(sessions[-1].date.year + 2, 1, 1),
        )
    ical: bytes = calendar.to_ical()
    return ical


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {tz!r}") from exc


def _check(
    *, time_of_day: dt.time | None, stamp: dt.datetime, reminder_min: int | None, refresh_h: int
) -> None:
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError("stamp must be an aware datetime (the caller's now, with its zone)")
    if time_of_day is not None and time_of_day.tzinfo is not None:
        raise ValueError("time_of_day is a wall-clock time in tz; give it without tzinfo")
    if reminder_min is not None and reminder_min < 0:
        raise ValueError("reminder_min must not be negative")
    if refresh_h < 1:
        raise ValueError("refresh_h must be at least 1")


def _calendar(name: str, tz: str, refresh_h: int) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", tz)
    refresh = dt.timedelta(hours=refresh_h)
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    # Outlook and Google read the older X-PUBLISHED-TTL, Apple the RFC 7986 one.
    calendar.add("x-published-ttl", f"PT{refresh_h}H")
    return calendar


def start_times(
    sessions: list[PlannedSession],
    *,
    time_of_day: dt.time | None,
    strength_time: dt.time | None,
) -> list[dt.datetime | None]:
    """Each session's naive local start (None: all day), in the order given; events
    of one day never overlap (see the module docstring). Warm-ups are placed first,
    ending at the run time; the rest at their wanted time, pushed past any overlap."""
    by_day: dict[dt.date, list[int]] = {}
    for index, session in enumerate(sessions):
        by_day.setdefault(session.date, []).append(index)
    starts: list[dt.datetime | None] = [None] * len(sessions)
    for day, indexes in by_day.items():
        run_day = any(sessions[i].kind is SessionKind.ACTIVATION for i in indexes)
        placed: list[tuple[dt.datetime, dt.datetime]] = []
        first = sorted(indexes, key=lambda i: sessions[i].kind is not SessionKind.ACTIVATION)
        for i in first:
            wanted = _wanted_start(sessions[i], day, run_day, time_of_day, strength_time)
            if wanted is None:
                continue
            length = dt.timedelta(minutes=session_minutes(sessions[i]))
            start = wanted
            for begin, end in sorted(placed):
                if start < end and begin < start + length:
                    start = end
            placed.append((start, start + length))
            starts[i] = start
    return starts


def _wanted_start(
    session: PlannedSession,
    day: dt.date,
    run_day: bool,
    time_of_day: dt.time | None,
    strength_time: dt.time | None,
) -> dt.datetime | None:
    if session.kind is SessionKind.ACTIVATION:
        if time_of_day is None:
            return None
        run = dt.datetime.combine(day, time_of_day)
        return run - dt.timedelta(minutes=session_minutes(session))
    if strength_time is not None:
        return dt.datetime.combine(day, strength_time)
    if time_of_day is None:
        return None
    run = dt.datetime.combine(day, time_of_day)
    return run + AFTER_RUN if run_day else run


def _add_times(
    event: icalendar.Event, session: PlannedSession, zone: ZoneInfo, local: dt.datetime | None
) -> None:
    if local is None:
        event.add("dtstart", session.date)
        event.add("dtend", session.date + dt.timedelta(days=1))
        return
    start = local.replace(tzinfo=zone)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=session_minutes(session)))


def _alarm(session: PlannedSession, reminder_min: int, *, all_day: bool) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", session_summary(session))
    trigger = ALL_DAY_REMINDER if all_day else -dt.timedelta(minutes=reminder_min)
    alarm.add("trigger", trigger)
    return alarm
