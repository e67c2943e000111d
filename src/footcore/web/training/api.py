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
from footcore.web.custom_exercises.selectors import runner_catalog
from footcore.web.errors import BODY, NOT_FOUND, responses
from footcore.web.runner_clock import runner_today
from footcore.web.sessions.selectors import gate_for, plan_at_the_door
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
    description="While training is stopped or a red-flag screen is owed, no weeks, "
    "and `gate_reason` (also the only warning) says why.",
)
def get_plan(request: HttpRequest) -> dict[str, Any]:
    user = current_user(request)
    if selectors.get_profile(user) is None:
        raise HttpError(404, "no plan yet: PUT /api/profile first")
    plan, gate = plan_at_the_door(user, runner_today(selectors.get_profile(user)))
    ids = (i.exercise for w in plan.weeks for s in w.sessions for i in s.items)
    document = plan_to_dict(plan, runner_catalog(user, ids))
    return {**document, "gate": gate.gate.value, "gate_reason": gate.reason}


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
    document = prescription_to_dict(prescription)
    profile = selectors.get_profile(user)
    gate = gate_for(user, runner_today(profile)) if profile is not None else None
    if gate is not None and not gate.open:
        # Like every other door: no exercises while training is stopped, and why.
        document = {**document, "items": []}
    return {
        **document,
        "gate": None if gate is None else gate.gate.value,
        "gate_reason": None if gate is None else gate.reason,
    }


@router.get(
    "/today",
    response={200: dict[str, Any], **responses(NOT_FOUND)},
    summary="Today's sessions (none while stopped; `gate_reason` says why)",
)
def get_today(request: HttpRequest) -> dict[str, Any]:
    user = current_user(request)
    profile = selectors.get_profile(user)
    if profile is None:
        raise HttpError(404, "no plan yet: PUT /api/profile first")
    day = runner_today(profile)
    gate = gate_for(user, day)
    sessions = selectors.sessions_on(user, day) if gate.open else []
    cat = runner_catalog(user, (i.exercise for s in sessions for i in s.items))
    return {
        "date": day.isoformat(),
        "gate": gate.gate.value,
        "gate_reason": gate.reason,
        "sessions": [session_to_dict(s, cat) for s in sessions],
    }
