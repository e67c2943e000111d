"""`/api/profile`, `/api/plan`, `/api/prescription`, `/api/today`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from pydantic import ConfigDict, StrictInt

from footcore.domain.plan_serialize import plan_to_dict, session_to_dict
from footcore.domain.prescription_serialize import prescription_to_dict
from footcore.domain.profile import profile_to_dict
from footcore.web.accounts.services import current_user
from footcore.web.errors import BODY, NOT_FOUND, responses
from footcore.web.library.selectors import catalog
from footcore.web.runner_clock import runner_today
from footcore.web.training import selectors, services

router = Router(tags=["plan"])


class ProfileIn(Schema):
    """The runner's profile, as in `footcore plan --profile FILE`."""

    model_config = ConfigDict(extra="forbid")

    start: str
    weeks: StrictInt | None = None
    run_days: list[str] | None = None
    long_run_day: str | None = None
    hard_days: list[str] | None = None
    races: list[str] | None = None
    sessions_per_week: StrictInt | None = None
    minutes: StrictInt | None = None
    concerns: list[str] | None = None
    pain: list[str] | None = None
    equipment: list[str] | None = None
    age: StrictInt | None = None
    sex: str | None = None
    timezone: str | None = None
    time_of_day: str | None = None
    strength_time: str | None = None


class ProfileOut(Schema):
    start: str
    weeks: int
    run_days: list[str]
    long_run_day: str | None
    hard_days: list[str]
    races: list[str]
    sessions_per_week: int
    minutes: int
    concerns: list[str]
    pain: list[str]
    equipment: list[str]
    age: int | None
    sex: str | None
    timezone: str
    time_of_day: str | None
    strength_time: str | None


@router.get("/profile", response={200: ProfileOut, **responses(NOT_FOUND)}, summary="Your profile")
def get_profile(request: HttpRequest) -> Any:
    user = current_user(request)
    profile = selectors.get_profile(user)
    if profile is None:
        return Status(404, {"detail": "no profile yet", "problems": []})
    return Status(200, profile_to_dict(profile))


@router.put(
    "/profile",
    response={200: ProfileOut, **BODY},
    summary="Store your profile and replan from today",
)
def put_profile(request: HttpRequest, payload: ProfileIn) -> Any:
    user = current_user(request)
    data = payload.model_dump(exclude_none=True)
    profile = services.save_profile(
        user=user,
        data=data,
        today=runner_today(selectors.get_profile(user)),
    )
    return Status(200, profile_to_dict(profile))


@router.get(
    "/plan",
    response={200: dict[str, Any], **responses(NOT_FOUND)},
    summary="Your plan: weeks, sessions, items with dose and reason",
)
def get_plan(request: HttpRequest) -> dict[str, Any]:
    user = current_user(request)
    if selectors.get_profile(user) is None:
        raise HttpError(404, "no plan yet: PUT /api/profile first")
    plan = selectors.stored_plan(user, selectors.get_warnings(user))
    return plan_to_dict(plan, catalog())


@router.get(
    "/prescription",
    response={200: dict[str, Any], **responses(NOT_FOUND)},
    summary="Your prescription: exercises with dose, frequency, course, role and reason",
)
def get_prescription(request: HttpRequest) -> dict[str, Any]:
    user = current_user(request)
    prescription = selectors.current_prescription(user)
    if prescription is None:
        raise HttpError(404, "no prescription yet: PUT /api/profile first")
    return prescription_to_dict(prescription)


@router.get(
    "/today", response={200: dict[str, Any], **responses(NOT_FOUND)}, summary="Today's sessions"
)
def get_today(request: HttpRequest) -> dict[str, Any]:
    user = current_user(request)
    profile = selectors.get_profile(user)
    if profile is None:
        raise HttpError(404, "no plan yet: PUT /api/profile first")
    day = runner_today(profile)
    return {
        "date": day.isoformat(),
        "sessions": [session_to_dict(s, catalog()) for s in selectors.sessions_on(user, day)],
    }
