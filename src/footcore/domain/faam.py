"""The Foot and Ankle Ability Measure (FAAM): its items and its scoring (martin-faam-2005).

The item wording is the validated questionnaire's, as published (evidence.md section 6),
because rewording a validated questionnaire would change what it measures. Each answer
is 4 (no difficulty) down to 0 (unable), or N/A (`None`) when something other than the
foot or ankle limits the activity; N/A items are left out of the score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from footcore.domain.problems import Invalid, Problem

CITATION = "martin-faam-2005"

ADL_ITEMS: tuple[str, ...] = (
    "Standing",
    "Walking on even ground",
    "Walking on even ground without shoes",
    "Walking up hills",
    "Walking down hills",
    "Going up stairs",
    "Going down stairs",
    "Walking on uneven ground",
    "Stepping up and down curbs",
    "Squatting",
    "Coming up on your toes",
    "Walking initially",
    "Walking 5 minutes or less",
    "Walking approximately 10 minutes",
    "Walking 15 minutes or greater",
    "Home responsibilities",
    "Activities of daily living",
    "Personal care",
    "Light to moderate work (standing, walking)",
    "Heavy work (push/pulling, climbing, carrying)",
    "Recreational activities",
)
SPORTS_ITEMS: tuple[str, ...] = (
    "Running",
    "Jumping",
    "Landing",
    "Starting and stopping quickly",
    "Cutting/lateral movements",
    "Low impact activities",
    "Ability to perform activity with your normal technique",
    "Ability to participate in your desired sport as long as you would like",
)

ADL_MIN_ANSWERED = 19
SPORTS_MIN_ANSWERED = 7
"""Fewer answered items than these make the subscale not scorable (evidence.md 2.7, [S])."""


class Answer(IntEnum):
    NO_DIFFICULTY = 4
    SLIGHT = 3
    MODERATE = 2
    EXTREME = 1
    UNABLE = 0


FaamAnswer = int | None
"""0-4 (see `Answer`) or None for N/A."""


class OverallRating(StrEnum):
    """The runner's own rating of their current level of function, overall."""

    NORMAL = "normal"
    NEARLY_NORMAL = "nearly-normal"
    ABNORMAL = "abnormal"
    SEVERELY_ABNORMAL = "severely-abnormal"


@dataclass(frozen=True, slots=True)
class SubscaleScore:
    name: str
    """`adl` or `sports`."""
    items: int
    answered: int
    points: int
    percent: float | None
    """points / (answered * 4) * 100; None when not scorable."""
    not_scorable_reason: str | None
    self_rating_0_100: int | None
    """The runner's own 0-100 rating of function on this subscale (100 = before any problem)."""

    @property
    def scorable(self) -> bool:
        return self.percent is not None


@dataclass(frozen=True, slots=True)
class FaamScore:
    adl: SubscaleScore
    sports: SubscaleScore
    overall: OverallRating | None
    citation: str = CITATION


BAD_ANSWER = "answer must be 0-4 or N/A"
"""What is wrong with an item answer that is not one of the scale's choices."""


def faam_problems(
    adl_answers: Sequence[object],
    sports_answers: Sequence[object],
    *,
    adl_self_rating: object = None,
    sports_self_rating: object = None,
) -> list[Problem]:
    """Every problem with a set of answers as `Problem`s, e.g. field `adl[4]`.

    Fields index items from 0, as forms and JSON do. Too few answered items is not a
    problem here: that subscale is scored as "not scorable" with the reason.
    """
    problems: list[Problem] = []
    for name, answers, items in (
        ("adl", adl_answers, ADL_ITEMS),
        ("sports", sports_answers, SPORTS_ITEMS),
    ):
        if len(answers) != len(items):
            problems.append(Problem(name, f"expected {len(items)} answers, got {len(answers)}"))
        for index, answer in enumerate(answers):
            if answer is None:
                continue
            if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= 4:
                problems.append(Problem(f"{name}[{index}]", BAD_ANSWER))
    for name, rating in (
        ("adl_self_rating", adl_self_rating),
        ("sports_self_rating", sports_self_rating),
    ):
        if rating is None:
            continue
        if isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= 100:
            problems.append(Problem(name, "self-rating must be a whole number 0-100"))
    return problems


def score_faam(
    adl_answers: Sequence[FaamAnswer],
    sports_answers: Sequence[FaamAnswer],
    *,
    adl_self_rating: int | None = None,
    sports_self_rating: int | None = None,
    overall: OverallRating | None = None,
) -> FaamScore:
    """Score both FAAM subscales as percentages (martin-faam-2005).

    percent = points / (answered items * 4) * 100, with N/A items dropped from both the
    points and the count. A subscale with fewer than 19/21 (ADL) or 7/8 (Sports) answered
    items is not scorable; its reason says how many were answered. Raises `Invalid`
    naming each invalid item.
    """
    problems = faam_problems(
        adl_answers,
        sports_answers,
        adl_self_rating=adl_self_rating,
        sports_self_rating=sports_self_rating,
    )
    if problems:
        raise Invalid(problems)
    return FaamScore(
        adl=_subscale("adl", adl_answers, ADL_MIN_ANSWERED, adl_self_rating),
        sports=_subscale("sports", sports_answers, SPORTS_MIN_ANSWERED, sports_self_rating),
        overall=overall,
    )


def _subscale(
    name: str, answers: Sequence[FaamAnswer], minimum: int, self_rating: int | None
) -> SubscaleScore:
    given = [answer for answer in answers if answer is not None]
    points = sum(given)
    if len(given) < minimum:
        reason = (
            f"not scorable: {len(given)} of {len(answers)} items answered,"
            f" at least {minimum} are needed ({CITATION})"
        )
        return SubscaleScore(name, len(answers), len(given), points, None, reason, self_rating)
    percent = points / (len(given) * 4) * 100
    return SubscaleScore(name, len(answers), len(given), points, percent, None, self_rating)
