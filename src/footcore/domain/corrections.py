"""One log per session, corrections kept: what to do with an incoming log.

A session (a day and a kind) has at most one log in force. Sending the same log
again (same idempotency key, same answers) changes nothing; the same key with other
answers is a conflict, never a silent drop; a second, different first log of a
session is refused, and a change goes through an explicit correction, which becomes
the session's next version while the earlier ones stay stored (`footcore-design`).
"""

from __future__ import annotations

from enum import StrEnum

from footcore.domain.logbook import SessionLog


class LogDecision(StrEnum):
    STORE = "store"
    """A first log of its session: store it as version 1."""
    CORRECT = "correct"
    """A correction: store it as the next version; the one in force is kept, replaced."""
    DUPLICATE = "duplicate"
    """The same log sent again: store nothing, answer as before."""
    KEY_CONFLICT = "key-conflict"
    """The key was used for a different log: store nothing, say so."""
    ALREADY_LOGGED = "already-logged"
    """The session has a log: store nothing, point to a correction."""
    NOTHING_TO_CORRECT = "nothing-to-correct"
    """A correction of a session with no log: store nothing, log it first."""


def decide_log(
    incoming: SessionLog,
    *,
    same_key: SessionLog | None,
    in_force: SessionLog | None,
    correction: bool,
) -> LogDecision:
    """What to do with `incoming`, given the stored log with its idempotency key (if
    any) and the log now in force for its session (if any)."""
    if same_key is not None:
        return (
            LogDecision.DUPLICATE if same_key.same_content(incoming) else LogDecision.KEY_CONFLICT
        )
    if correction:
        return LogDecision.CORRECT if in_force is not None else LogDecision.NOTHING_TO_CORRECT
    return LogDecision.ALREADY_LOGGED if in_force is not None else LogDecision.STORE


def next_version(in_force_version: int | None) -> int:
    """The version number a stored log gets: 1 for a first log, +1 per correction."""
    return 1 if in_force_version is None else in_force_version + 1
