"""A worker remembers the runner state it last read or wrote, by its stored text: the
next read of the very same text takes the state without parsing it, any other text is
parsed, and the database keeps the state every other reader expects."""

from __future__ import annotations

import datetime as dt
import json

import orjson
import pytest
from django.contrib.auth.models import User
from django.test import Client

from footcore.domain.runner_state import RunnerState, fold_log
from footcore.domain.runner_state_serialize import (
    exercises_to_plain,
    state_from_dict,
    state_to_dict,
)
from footcore.web.accounts.services import local_runner
from footcore.web.runner import state_text
from footcore.web.runner.models import RunnerStateRow
from footcore.web.runner.selectors import rebuilt_state, runner_state
from footcore.web.runner.state_text import REMEMBERED_RUNNERS, state_as_text, state_from_text
from tests.domain.test_adaptation import make_log
from tests.domain.test_runner_state import NAMES
from tests.web.session_builders import THU, TUE, evening, log_body, onboard, post_json


def a_state(**over: object) -> RunnerState:
    return RunnerState(emphasis=("short-foot",), **over)  # type: ignore[arg-type]


def written_by_another_worker(state: RunnerState) -> str:
    """The text another worker stores for `state`: the same encoder, none of its memo."""

    def text(exercises: object) -> str:
        return orjson.dumps(exercises_to_plain(exercises)).decode()  # type: ignore[arg-type]

    return orjson.dumps(state_to_dict(state, text)).decode()


def test_a_state_written_comes_back_as_the_same_object_without_parsing() -> None:
    state = a_state()
    text = state_as_text(7, state)
    assert text == written_by_another_worker(state)
    assert state_from_dict(json.loads(text)) == state  # plain JSON, read by any reader
    assert state_from_text(7, text) is state


def test_other_text_for_the_same_runner_is_parsed_again() -> None:
    state_as_text(8, a_state())
    other = a_state(screen_before_loading=True)
    # Written by the standard library's json (rows from before orjson): read the same.
    found = state_from_text(8, json.dumps(state_to_dict(other)))
    assert found == other
    assert found == state_from_dict(state_to_dict(other))


def test_a_state_another_worker_wrote_reuses_the_exercises_this_worker_has_seen() -> None:
    first, _ = fold_log(RunnerState(), make_log(TUE, recorded=1), NAMES, None)
    state_as_text(10, first)
    second, _ = fold_log(first, make_log(THU, recorded=2), NAMES, None)
    # The other worker's text: this worker never wrote it, only the checkpoint inside.
    found = state_from_text(10, written_by_another_worker(second))

    assert found == second
    assert found is not None
    assert found.checkpoints[-1].exercises is first.exercises
    assert state_as_text(10, found) == written_by_another_worker(second)


def test_a_worker_remembers_a_bounded_number_of_exercises_values() -> None:
    for day in range(state_text.REMEMBERED_EXERCISES + 10):
        on = TUE + dt.timedelta(days=day)
        state, _ = fold_log(RunnerState(), make_log(on, recorded=day), NAMES, None)
        state_as_text(11, state)
    assert len(state_text._texts) == len(state_text._values) == state_text.REMEMBERED_EXERCISES


def test_damaged_text_reads_as_no_state_so_the_caller_rebuilds() -> None:
    assert state_from_text(9, "{not json") is None
    assert state_from_text(9, json.dumps({"v": 3})) is None


def test_a_worker_remembers_a_bounded_number_of_runners() -> None:
    for user_id in range(1000, 1000 + REMEMBERED_RUNNERS * 2):
        state_as_text(user_id, a_state())
    assert len(state_text._known) == REMEMBERED_RUNNERS


@pytest.mark.django_db
def test_the_stored_row_holds_the_state_that_a_full_rebuild_gives(client: Client) -> None:
    onboard(client)
    user: User = local_runner()
    assert post_json(client, "/api/logs", log_body(user, TUE), evening(TUE)).status_code == 201
    assert post_json(client, "/api/logs", log_body(user, THU), evening(THU)).status_code == 201
    stored = RunnerStateRow.objects.get(user=user).state
    assert isinstance(stored, dict)  # the JSON column, not a string inside it
    assert state_from_dict(stored) == rebuilt_state(user)
    assert runner_state(user) == rebuilt_state(user)


@pytest.mark.django_db
def test_a_row_changed_behind_the_workers_back_is_read_as_it_now_is(client: Client) -> None:
    onboard(client)
    user: User = local_runner()
    assert post_json(client, "/api/logs", log_body(user, TUE), evening(TUE)).status_code == 201
    before = runner_state(user)
    changed = a_state(last_event=(dt.date(2020, 1, 1), 0, 1))
    RunnerStateRow.objects.filter(user=user).update(state=state_to_dict(changed))
    assert runner_state(user) == changed != before
