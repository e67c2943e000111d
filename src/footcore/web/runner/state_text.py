"""The stored runner state as text, and the state it stands for, remembered per worker.

Every change reads the runner's state row and writes it back; every page reads it.
Parsing it (JSON, then `state_from_dict`) and writing it (`state_to_dict`, then JSON)
cost about as much CPU as the rest of logging a session (bench/log_throughput.py).
So each worker process keeps, per runner, the last text it read or wrote with the
state it parsed or serialised: the next read that finds the very same text in the
database takes the state as it is. The database stays the only truth: a row that
another worker (or a restore) changed has other text and is parsed again, and a write
whose transaction rolls back leaves text the database never holds, so it never matches.

Within a state, each exercises value (now, and at every checkpoint) is stored as text
of its own (`runner_state_serialize`). A change keeps the checkpoints it had and adds
the exercises it started from, so a worker also remembers those texts and their
values both ways: writing a state turns only its new exercises into text, and reading
one another worker wrote parses only the exercises this worker has not seen.
States are frozen values, so one object can be shared between requests and threads.

The text is written and read with orjson: a state holds about ten exercises texts
(25 kB at 2,000 logs), and the standard library's json took about 50 us each way to
escape and unescape them, orjson 11-13 us (bench/log_throughput.py's state at 300 logs).
Any JSON of the same values reads the same, so rows written before read as they were.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import orjson

from footcore.domain.runner_state import Exercises, RunnerState
from footcore.domain.runner_state_serialize import (
    exercises_from_plain,
    exercises_to_plain,
    state_from_dict,
    state_to_dict,
)

REMEMBERED_RUNNERS = 256
"""footcore's choice: a worker remembers this many runners' states (about 25 kB each)."""
REMEMBERED_EXERCISES = 2048
"""footcore's choice: and this many exercises values with their text (about 2-5 kB
each): a runner's state holds its current one and about nine checkpoints'."""

_known: OrderedDict[int, tuple[str, RunnerState]] = OrderedDict()
_texts: OrderedDict[int, tuple[Exercises, str]] = OrderedDict()
"""id(value) -> (value, text): the value is held, so its id is not reused meanwhile."""
_values: OrderedDict[str, Exercises] = OrderedDict()
_lock = threading.Lock()


def state_from_text(user_id: int, text: str) -> RunnerState | None:
    """The state stored as `text`; None for an older or damaged form (rebuilt from the
    history by the caller)."""
    with _lock:
        found = _known.get(user_id)
    if found is not None and found[0] == text:
        return found[1]
    try:
        state = state_from_dict(orjson.loads(text), _parse)
    except (ValueError, KeyError, TypeError):  # orjson.JSONDecodeError is a ValueError
        return None
    _remember(user_id, text, state)
    return state


def state_as_text(user_id: int, state: RunnerState) -> str:
    """`state` as the JSON text to store (what Django's JSONField would write)."""
    text = orjson.dumps(state_to_dict(state, _text)).decode()
    _remember(user_id, text, state)
    return text


def state_as_plain(user_id: int, state: RunnerState) -> dict[str, Any]:
    """`state` as the value of the JSON column, its exercises as the text the hot path
    writes (for the ORM's writes: a first state, a rebuild)."""
    return state_to_dict(state, _text)


def _text(exercises: Exercises) -> str:
    with _lock:
        found = _texts.get(id(exercises))
    if found is not None and found[0] is exercises:
        return found[1]
    text = orjson.dumps(exercises_to_plain(exercises)).decode()
    _pair(exercises, text)
    return text


def _parse(text: str) -> Exercises:
    with _lock:
        found = _values.get(text)
    if found is not None:
        return found
    exercises = exercises_from_plain(orjson.loads(text))
    _pair(exercises, text)
    return exercises


def _pair(exercises: Exercises, text: str) -> None:
    with _lock:
        _texts[id(exercises)] = (exercises, text)
        _texts.move_to_end(id(exercises))
        _values[text] = exercises
        _values.move_to_end(text)
        while len(_texts) > REMEMBERED_EXERCISES:
            _texts.popitem(last=False)
        while len(_values) > REMEMBERED_EXERCISES:
            _values.popitem(last=False)


def _remember(user_id: int, text: str, state: RunnerState) -> None:
    with _lock:
        _known[user_id] = (text, state)
        _known.move_to_end(user_id)
        while len(_known) > REMEMBERED_RUNNERS:
            _known.popitem(last=False)
