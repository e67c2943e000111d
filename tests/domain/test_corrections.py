"""What happens to an incoming log: store, correct, duplicate or a named conflict."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from footcore.domain.corrections import LogDecision, decide_log, next_version
from footcore.domain.logbook import Difficulty, ExerciseLog, SessionLog
from footcore.domain.plan import SessionKind

TUE = dt.date(2026, 12, 8)


def a_log(key: str = "key-1", pain: int = 0) -> SessionLog:
    entry = ExerciseLog("short-foot", "short-foot-seated", None, True, 2)
    return SessionLog(TUE, SessionKind.STRENGTH, (entry,), Difficulty.RIGHT, pain, None, "", key)


def test_the_same_log_sent_again_is_a_duplicate_even_stored_later() -> None:
    stored = dataclasses.replace(a_log(), recorded_at=dt.datetime(2026, 12, 8, 18, tzinfo=dt.UTC))

    decision = decide_log(a_log(), same_key=stored, in_force=stored, correction=False)

    assert decision is LogDecision.DUPLICATE


def test_the_same_key_with_other_answers_is_a_conflict_not_a_duplicate() -> None:
    decision = decide_log(a_log(pain=8), same_key=a_log(), in_force=a_log(), correction=False)

    assert decision is LogDecision.KEY_CONFLICT


@pytest.mark.parametrize(
    ("in_force", "correction", "expected"),
    [
        (None, False, LogDecision.STORE),
        (a_log("other"), False, LogDecision.ALREADY_LOGGED),
        (a_log("other"), True, LogDecision.CORRECT),
        (None, True, LogDecision.NOTHING_TO_CORRECT),
    ],
)
def test_one_log_per_session_and_changes_only_by_correction(
    in_force: SessionLog | None, correction: bool, expected: LogDecision
) -> None:
    assert decide_log(a_log(), same_key=None, in_force=in_force, correction=correction) is expected


def test_versions_count_from_one() -> None:
    assert next_version(None) == 1
    assert next_version(2) == 3
