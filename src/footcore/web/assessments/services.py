"""Self-assessment use cases: store results, then replan so they steer future sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.contrib.auth.models import User

from footcore.domain.assessments import (
    DEFINITIONS,
    AssessmentResult,
    Grade,
    HeelRaiseSurface,
    TestKind,
    Trials,
    Value,
    surface_problems,
    validate_result,
)
from footcore.domain.faam import FaamScore, OverallRating, faam_problems, score_faam
from footcore.domain.problems import Invalid, Problem
from footcore.domain.runner import SelfTested
from footcore.domain.vocab import Side
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.assessments.selectors import value_to_json
from footcore.web.runner.services import apply_change


def to_value(kind: TestKind, raw: object) -> object:
    """A raw form, JSON or CLI input as the domain's value type where it is one.

    Anything that does not convert is passed on unchanged, so `validate_result` names
    the problem in its own words.
    """
    definition = DEFINITIONS[kind]
    if isinstance(raw, str):
        text = raw.strip().lower()
        if definition.valid is None:
            return Grade(text) if text in {g.value for g in definition.grades} else raw
        parts = [p.strip() for p in text.split(",")] if "," in text else [text]
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            return raw
        raw = numbers if len(numbers) > 1 else numbers[0]
    if isinstance(raw, list | tuple):
        return Trials(tuple(raw))
    if definition.trials > 1 and isinstance(raw, int | float) and not isinstance(raw, bool):
        return Trials((float(raw),))
    return raw


def check(kind: TestKind, side: Side, raw: object) -> tuple[Value | None, list[Problem]]:
    """The value, or the problems with it, each field named `left`, `right[1]` and so on."""
    value = to_value(kind, raw)
    # validate_result checks the type too, so the cast below is only for the checker.
    problems = validate_result(kind, value, side)  # type: ignore[arg-type]
    if problems:
        return None, [Problem(p.field.replace("value", side.value, 1), p.message) for p in problems]
    return value, []  # type: ignore[return-value]


def record_results(
    *,
    user: User,
    values: Mapping[TestKind, Mapping[Side, object]],
    today: dt.date,
    day: dt.date | None = None,
    heel_raise_surface: object = None,
) -> list[AssessmentResult]:
    """Validate and store per-side results of one or more tests, then replan from `today`.

    All or nothing: any bad value raises `Invalid` before anything is written, each
    field named `<test>.<side>` (`heel-raise.left`, `balance-eyes-open.right[1]`),
    `heel-raise.surface` (heel raises must say incline or flat) or `date`.
    The insert and the replan share one transaction, so the plan always reflects the
    stored results (the planner brings weak tests' exercises forward).
    """
    day = today if day is None else day
    problems: list[Problem] = []
    results: list[AssessmentResult] = []
    if day > today:
        problems.append(Problem("date", f"{day.isoformat()} is in the future"))
    if not any(values.values()):
        kind = next(iter(values), TestKind.HEEL_RAISE)
        problems.append(Problem(f"{kind.value}.left", "give at least one result"))
    surface = None
    if TestKind.HEEL_RAISE in values:
        found = surface_problems(TestKind.HEEL_RAISE, heel_raise_surface)
        problems.extend(Problem(f"heel-raise.{p.field}", p.message) for p in found)
        surface = None if found else HeelRaiseSurface(str(heel_raise_surface))
    elif heel_raise_surface not in (None, ""):
        kind = next(iter(values), TestKind.BALANCE_EYES_OPEN)
        found = surface_problems(kind, heel_raise_surface)
        problems.extend(Problem(f"{kind.value}.{p.field}", p.message) for p in found)
    for kind, sides in values.items():
        for side, raw in sides.items():
            value, found = check(kind, side, raw)
            problems.extend(Problem(f"{kind.value}.{p.field}", p.message) for p in found)
            if value is not None:
                on = surface if kind is TestKind.HEEL_RAISE else None
                results.append(AssessmentResult(day, kind, side, value, on))
    if problems:
        raise Invalid(problems)
    rows = [
        AssessmentEntry(
            user=user,
            date=r.date,
            kind=r.kind.value,
            side=None if r.side is None else r.side.value,
            value=value_to_json(r.value),
            surface=None if r.surface is None else r.surface.value,
        )
        for r in results
    ]
    apply_change(user=user, change=SelfTested(()), today=today, results=rows)
    return results


def record_faam(
    *,
    user: User,
    adl: Sequence[object],
    sports: Sequence[object],
    adl_self_rating: object = None,
    sports_self_rating: object = None,
    overall: object = None,
    today: dt.date,
    day: dt.date | None = None,
) -> FaamScore:
    """Score and store one FAAM questionnaire (two rows, ADL first), then replan.

    Raises `Invalid` naming each bad item (`adl[4]`), self-rating or the overall
    rating. A subscale with too few answers is stored as not scorable, with its answers.
    """
    day = today if day is None else day
    problems = faam_problems(
        adl, sports, adl_self_rating=adl_self_rating, sports_self_rating=sports_self_rating
    )
    rating: OverallRating | None = None
    if overall is not None:
        try:
            rating = OverallRating(str(overall))
        except ValueError:
            choices = ", ".join(r.value for r in OverallRating)
            problems.append(Problem("overall", f"choose one of {choices}"))
    if day > today:
        problems.append(Problem("date", f"{day.isoformat()} is in the future"))
    if problems:
        raise Invalid(problems)
    score = score_faam(
        adl,  # type: ignore[arg-type]  # checked by faam_problems above
        sports,  # type: ignore[arg-type]
        adl_self_rating=adl_self_rating,  # type: ignore[arg-type]
        sports_self_rating=sports_self_rating,  # type: ignore[arg-type]
        overall=rating,
    )
    rows = [
        AssessmentEntry(
            user=user,
            date=day,
            kind=kind.value,
            side=None,
            value={
                "percent": sub.percent,
                "self_rating": sub.self_rating_0_100,
                "overall": None if rating is None else rating.value,
            },
            answers=list(answers),
        )
        for kind, sub, answers in (
            (TestKind.FAAM_ADL, score.adl, adl),
            (TestKind.FAAM_SPORTS, score.sports, sports),
        )
    ]
    # Saved in this order so the selectors can pair the two subscales by id.
    apply_change(user=user, change=SelfTested(()), today=today, results=rows)
    return score
