"""Queries over self-assessment results.

How a value is stored (`AssessmentEntry.value`): a number in the test's unit, a grade
string (`pass`, `partial`, `fail`), or `{"trials_s": [...]}` for timed trials. FAAM
rows (one per subscale, saved together, ADL first) hold `{"percent": float | null,
"self_rating": int | null, "overall": str | null}` and the item answers in `answers`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson
from django.contrib.auth.models import User

from footcore.domain.assessments import (
    DEFINITIONS,
    AssessmentResult,
    Grade,
    HeelRaiseSurface,
    TestKind,
    Trials,
    Value,
)
from footcore.domain.faam import FaamScore, OverallRating, score_faam
from footcore.domain.profile import Profile
from footcore.domain.steering import RETEST_EVERY_WEEKS, Emphasis, emphasis_from_results
from footcore.domain.vocab import Side
from footcore.web import reads
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.assessments.readings import Reading, latest_readings, readings
from footcore.web.training.models import PlannedSession
from footcore.web.training.selectors import get_profile

FAAM_KINDS = (TestKind.FAAM_ADL.value, TestKind.FAAM_SPORTS.value)


def value_to_json(value: Value) -> Any:
    if isinstance(value, Grade):
        return value.value
    if isinstance(value, Trials):
        return {"trials_s": list(value.values_s)}
    return value


def value_from_json(raw: Any) -> Value:
    if isinstance(raw, dict):
        return Trials(tuple(float(v) for v in raw["trials_s"]))
    if isinstance(raw, str):
        return Grade(raw)
    return float(raw)


def _rows(user: User) -> list[AssessmentEntry]:
    return list(AssessmentEntry.objects.filter(user=user).order_by("date", "id"))


def _results(rows: list[AssessmentEntry]) -> list[AssessmentResult]:
    found = (_result(r.date, r.kind, r.side, r.value, r.surface) for r in rows)
    return [result for result in found if result is not None]


def _result(
    date: dt.date, kind: str, side: str | None, value: Any, surface: str | None
) -> AssessmentResult | None:
    """One stored row as the domain's result; None for a FAAM row that is not scorable
    (nothing to chart or compare)."""
    if kind in FAAM_KINDS:
        percent = value.get("percent") if isinstance(value, dict) else None
        if percent is None:
            return None
        return AssessmentResult(date, TestKind(kind), None, float(percent))
    return AssessmentResult(
        date,
        TestKind(kind),
        None if side is None else Side(side),
        value_from_json(value),
        None if surface is None else HeelRaiseSurface(surface),
    )


def results_for(user: User) -> list[AssessmentResult]:
    """Every scored result of `user`, oldest first (FAAM subscales as percentages)."""
    return _results(_rows(user))


def recent_results_for(
    user: User, *, points: int, since: dt.date, until: dt.date
) -> list[AssessmentResult]:
    """The last `points` results of each test, side and surface up to `until`, plus every
    result from `since` to `until`; oldest first, in one query.

    Bounded whatever the history: enough for each side's latest result, the one before
    it on the same surface (`latest.latest_results`), a trend of `points` results, and
    the days tested in the window. Per surface, so an incline result's previous one is
    never cut off by flat-floor results in between. Fixed SQL (`reads.RECENT_RESULTS_SQL`):
    building this window query through the ORM was most of `/progress`'s own time.
    """
    return stored_results(recent_rows_for(user, points=points, since=since, until=until))


def recent_rows_for(
    user: User, *, points: int, since: dt.date, until: dt.date
) -> list[tuple[Any, ...]]:
    """`recent_results_for`'s rows as stored: `(date, kind, side, value as JSON text,
    surface)`, for `stored_results`."""
    return reads.rows(reads.RECENT_RESULTS_SQL, user.pk, until, points, since)


def stored_results(rows: list[tuple[Any, ...]]) -> list[AssessmentResult]:
    """`(date, kind, side, value as JSON text, surface)` rows as the domain's results."""
    found = (_stored_result(row) for row in rows)
    return [result for result in found if result is not None]


@lru_cache(maxsize=4096)
def _stored_result(row: tuple[Any, ...]) -> AssessmentResult | None:
    """A row as its result, once per worker: a row is never rewritten (results are
    history), every page and chart reads the same latest rows again, and a result is a
    frozen value, so it is shared."""
    date, kind, side, text, surface = row
    return _result(date, kind, side, orjson.loads(text), surface)


@dataclass(frozen=True, slots=True)
class DatedFaam:
    date: dt.date
    score: FaamScore


def faam_scores_for(user: User) -> list[DatedFaam]:
    """Every FAAM questionnaire of `user`, rescored from its stored answers, oldest first."""
    rows = list(
        AssessmentEntry.objects.filter(user=user, kind__in=FAAM_KINDS).order_by("date", "id")
    )
    scores = []
    for adl, sports in zip(rows[::2], rows[1::2], strict=False):
        if adl.kind != TestKind.FAAM_ADL.value or sports.kind != TestKind.FAAM_SPORTS.value:
            continue
        overall = adl.value.get("overall")
        score = score_faam(
            adl.answers or [],
            sports.answers or [],
            adl_self_rating=adl.value.get("self_rating"),
            sports_self_rating=sports.value.get("self_rating"),
            overall=None if overall is None else OverallRating(overall),
        )
        scores.append(DatedFaam(adl.date, score))
    return scores


def _age_sex(profile: Profile | None) -> tuple[int | None, Any]:
    return (None, None) if profile is None else (profile.age, profile.sex)


def emphases_for(user: User, profile: Profile | None = None) -> tuple[Emphasis, ...]:
    """What the latest self-tests bring forward, with the sentences that triggered it."""
    profile = get_profile(user) if profile is None else profile
    age, sex = _age_sex(profile)
    return emphasis_from_results(results_for(user), age, sex)


def emphasis_for(user: User, today: dt.date) -> tuple[str, ...]:
    """Exercise ids the latest self-tests bring forward in the plan (footcore-design)."""
    return tuple(e.exercise for e in emphases_for(user) if e.exercise is not None)


def readings_for(user: User, profile: Profile | None) -> list[Reading]:
    age, sex = _age_sex(profile)
    return readings(results_for(user), age, sex)


@dataclass(frozen=True, slots=True)
class TestStatus:
    """One guided test on the `/assess` list."""

    __test__ = False

    group: str
    name: str
    kinds: tuple[TestKind, ...]
    optional: bool
    latest: tuple[Reading, ...]
    last_date: dt.date | None
    due: bool


def _groups() -> dict[str, tuple[TestKind, ...]]:
    groups: dict[str, list[TestKind]] = {}
    for definition in DEFINITIONS.values():
        groups.setdefault(definition.group, []).append(definition.kind)
    return {group: tuple(kinds) for group, kinds in groups.items()}


GROUPS = _groups()
"""Test id (the URL's `/assess/<test-id>`) -> the kinds guided together on one page."""


def group_name(group: str) -> str:
    kinds = GROUPS[group]
    if len(kinds) == 1:
        return DEFINITIONS[kinds[0]].name
    return {
        "balance": "Single-leg balance",
        "toe-yoga": "Toe yoga",
        "paper-grip": "Paper grip",
        "faam": "FAAM questionnaire",
    }[group]


def overview(user: User, profile: Profile | None, today: dt.date) -> list[TestStatus]:
    """Each test with its latest result per side and whether a retest is due.

    A test is due when never done, or when its last result is at least 4 weeks old
    (`steering.RETEST_EVERY_WEEKS`), or when a planned retest day has come since.
    """
    age, sex = _age_sex(profile)
    rows = _rows(user)
    latest = latest_readings(_results(rows), age, sex)
    last_any: dict[str, dt.date] = {}
    for row in rows:
        group = DEFINITIONS[TestKind(row.kind)].group
        last_any[group] = max(row.date, last_any.get(group, row.date))
    retest_day = (
        PlannedSession.objects.filter(user=user, kind="assessment", date__lte=today)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    statuses = []
    for group, kinds in GROUPS.items():
        last = last_any.get(group)
        due = (
            last is None
            or (today - last).days >= 7 * RETEST_EVERY_WEEKS
            or (retest_day is not None and last < retest_day)
        )
        found = tuple(
            latest[(kind, side)]
            for kind in kinds
            for side in (Side.LEFT, Side.RIGHT, None)
            if (kind, side) in latest
        )
        statuses.append(
            TestStatus(
                group=group,
                name=group_name(group),
                kinds=kinds,
                optional=all(DEFINITIONS[k].optional for k in kinds),
                latest=found,
                last_date=last,
                due=due,
            )
        )
    return statuses


def next_retest(user: User, today: dt.date) -> dt.date | None:
    return (
        PlannedSession.objects.filter(user=user, kind="assessment", date__gte=today)
        .order_by("date")
        .values_list("date", flat=True)
        .first()
    )
