"""The 409 answers of logging: what cannot be done in the runner's current state."""

from __future__ import annotations

from footcore.domain.corrections import LogDecision
from footcore.domain.logbook import SessionLog


class Conflict(Exception):
    """A request that cannot be done in the runner's current state (HTTP 409).

    `field` names what conflicts: `program` (training is stopped or a screen is
    owed), `idempotency_key` (the key was used for a different log) or `session`
    (the session is already logged: correct it instead).
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def refusal(decision: LogDecision, log: SessionLog) -> Conflict:
    session = f"the {log.kind.value} session of {log.date.isoformat()}"
    if decision is LogDecision.KEY_CONFLICT:
        return Conflict(
            "idempotency_key",
            "this idempotency_key was already used for a different log; nothing was "
            "stored. Send a new key, or correct the session's log",
        )
    if decision is LogDecision.NOTHING_TO_CORRECT:
        return Conflict("session", f"nothing is logged for {session}: log it first")
    return Conflict(
        "session",
        f"{session} is already logged: correct that log instead (POST "
        "/api/logs/corrections, the page's 'Correct this log', or `footcore log --correct`)",
    )
