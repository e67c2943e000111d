"""`/api/logs`, `/api/logs/corrections`, `/api/checkins`, `/api/red-flags`,
`/api/clearance`, `/api/status`."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router
from ninja.responses import Status
from pydantic import BaseModel, ConfigDict, StrictBool, StrictInt

from footcore.domain.logbook import (
    Difficulty,
    ExerciseLog,
    SessionLog,
)
from footcore.domain.plan import SessionKind
from footcore.domain.problems import Problem
from footcore.domain.vocab import PainSite, Side
from footcore.web.accounts.services import current_user
from footcore.web.api_types import IsoDate
from footcore.web.errors import BODY, READ, ErrorOut, error_body
from footcore.web.runner_clock import runner_today
from footcore.web.sessions import selectors, services
from footcore.web.training import selectors as training_selectors

router = Router(tags=["log"])


class Strict(BaseModel):
    """Plain pydantic models, not ninja's `Schema`: its wrap validator (to read Django
    models' attributes) ran for every exercise of every log, about 5% of a log's CPU
    (bench/log_throughput.py); these bodies are JSON, never models."""

    model_config = ConfigDict(extra="forbid")


class ExerciseIn(Strict):
    exercise: str = Field(description="Exercise id in the catalog.")
    variant: str = Field(description="Variant id (the rung done).")
    side: Literal["left", "right"] | None = None
    done: StrictBool
    sets_done: StrictInt
    reps_done: StrictInt | None = None
    holds_done: StrictInt | None = None
    difficulty: Difficulty | None = None
    pain_0_10: StrictInt | None = None


class LogIn(Strict):
    date: IsoDate
    kind: Literal["strength", "activation"]
    idempotency_key: str = Field(min_length=8, max_length=64)
    exercises: list[ExerciseIn]
    difficulty: Difficulty | None = None
    pain_0_10: StrictInt = Field(description="Worst pain during or right after, 0-10.")
    pain_site: PainSite | None = None
    notes: str = ""


class LogOut(BaseModel):
    id: int
    duplicate: bool
    red_flag_screen_due: bool
    changes: list[str]


class CheckIn(Strict):
    session_date: IsoDate
    settled: StrictBool
    pain_0_10: StrictInt | None = None


class RedFlagsIn(Strict):
    answers: dict[str, StrictBool] = Field(
        description="Every red-flag question answered, field -> yes (true) or no (false): "
        + ", ".join(selectors.RED_FLAG_FIELDS)
        + ". A missing question is a 422 naming it."
    )


class ClearanceIn(Strict):
    note: str = ""


class StatusOut(BaseModel):
    status: str
    gate: str = Field(description="open, screen-first or stopped: may exercises be shown now?")
    gate_reason: str | None
    stop_reason: str | None
    red_flag_screen_due: bool
    explanations: list[str]
    screened: bool
    pending_check: str | None
    logged_today: list[str]


def _today(request: HttpRequest) -> dt.date:
    return runner_today(training_selectors.get_profile(current_user(request)))


CONFLICT = {409: ErrorOut}
"""Logging while stopped or owing a screen, a reused key, a session already logged."""


def _conflict(exc: services.Conflict) -> Status[Any]:
    return Status(409, error_body([Problem(exc.field, exc.message)], exc.message))


def _status(request: HttpRequest) -> dict[str, Any]:
    return selectors.program_view(current_user(request), _today(request)).as_dict()


def _log(payload: LogIn) -> SessionLog:
    return SessionLog(
        date=payload.date,
        kind=SessionKind(payload.kind),
        exercises=tuple(
            ExerciseLog(
                exercise=e.exercise,
                variant=e.variant,
                side=None if e.side is None else Side(e.side),
                done=e.done,
                sets_done=e.sets_done,
                reps_done=e.reps_done,
                holds_done=e.holds_done,
                difficulty=e.difficulty,
                pain_0_10=e.pain_0_10,
            )
            for e in payload.exercises
        ),
        difficulty=payload.difficulty or Difficulty.RIGHT,
        pain_0_10=payload.pain_0_10,
        pain_site=payload.pain_site,
        notes=payload.notes,
        idempotency_key=payload.idempotency_key,
    )


def _logged(outcome: services.LogOutcome) -> Status[Any]:
    body = {
        "id": outcome.id,
        "duplicate": not outcome.created,
        "red_flag_screen_due": outcome.red_flag_screen_due,
        "changes": outcome.changes,
    }
    return Status(201 if outcome.created else 200, body)


@router.post(
    "/logs",
    response={200: LogOut, 201: LogOut, **BODY, **CONFLICT},
    summary="Log a session once; the same idempotency_key and body again is a duplicate",
    description="409 while training is stopped or a red-flag screen is owed, when the key "
    "was used for a different body, and when the session is already logged (correct it "
    "with POST /api/logs/corrections).",
)
def post_log(request: HttpRequest, payload: LogIn) -> Any:
    try:
        # The change path reads the runner's today from the profile it reads anyway.
        outcome = services.log_session(user=current_user(request), log=_log(payload))
    except services.Conflict as exc:
        return _conflict(exc)
    return _logged(outcome)


@router.post(
    "/logs/corrections",
    response={200: LogOut, 201: LogOut, **BODY, **CONFLICT},
    summary="Correct the log of a session (its date and kind); the earlier version is kept",
    description="The body is a whole log with a new idempotency_key. 409 when the session "
    "has no log yet, when the key belongs to another log, or while training is stopped.",
)
def post_correction(request: HttpRequest, payload: LogIn) -> Any:
    try:
        outcome = services.correct_log(
            user=current_user(request), log=_log(payload), today=_today(request)
        )
    except services.Conflict as exc:
        return _conflict(exc)
    return _logged(outcome)


@router.post(
    "/checkins",
    response={201: StatusOut, **BODY},
    summary="Next-morning check: has the pain from that session settled?",
)
def post_checkin(request: HttpRequest, payload: CheckIn) -> Any:
    services.morning_check(
        user=current_user(request),
        session_date=payload.session_date,
        settled=payload.settled,
        pain_0_10=payload.pain_0_10,
        today=_today(request),
    )
    return Status(201, _status(request))


@router.post(
    "/red-flags",
    response={201: StatusOut, **BODY},
    summary="Answer every red-flag question; a red flag stops the program",
)
def post_red_flags(request: HttpRequest, payload: RedFlagsIn) -> Any:
    services.record_red_flags(
        user=current_user(request), answers=payload.answers, today=_today(request)
    )
    return Status(201, _status(request))


@router.post(
    "/clearance",
    response={201: StatusOut, **BODY},
    summary="Confirm a clinician cleared you to train again",
)
def post_clearance(request: HttpRequest, payload: ClearanceIn) -> Any:
    services.record_clearance(user=current_user(request), note=payload.note, today=_today(request))
    return Status(201, _status(request))


@router.get(
    "/status",
    response={200: StatusOut, **READ},
    summary="Program status, stop reason, red-flag screen due, and why the plan changed",
)
def get_status(request: HttpRequest) -> dict[str, Any]:
    return _status(request)
