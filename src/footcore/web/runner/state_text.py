"""The stored runner state as text, and the state it stands for, remembered per worker.

Every change reads the runner's state row and writes it back; every page reads it.
Parsing it (JSON, then `state_from_dict`) and writing it (`state_to_dict`, then JSON)
cost about as much CPU as the rest of logging a session (bench/log_throughput.py).
So each worker process keeps, per runner, the last text it read or wrote with the
state it parsed or serialised: the next read that finds the very same text in the
database takes the state as it is. The database stays the only truth: a row that
another worker (or a restore) changed has other text and is parsed again, and a write
whose transaction rolls back leaves text the database never holds, so it never matches.
States are frozen values, so one object can be shared between requests and threads.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

from footcore.domain.runner_state import RunnerState
from footcore.domain.runner_state_serialize import state_from_dict, state_to_dict

REMEMBERED_RUNNERS = 256
"""footcore's choice: a worker remembers this many runners' states (about 25 kB each)."""

_known: OrderedDict[int, tuple[str, RunnerState]] = OrderedDict()
_lock = threading.Lock()


def state_from_text(user_id: int, text: str) -> RunnerState | None:
    """The state stored as `text`; None for an older or damaged form (rebuilt from the
    history by the caller)."""
    with _lock:
        found = _known.get(user_id)
    if found is not None and found[0] == text:
        return found[1]
    try:
        state = state_from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError):
        return None
    _remember(user_id, text, state)
    return state


def state_as_text(user_id: int, state: RunnerState) -> str:
    """`state` as the JSON text to store (what Django's JSONField would write)."""
    text = json.dumps(state_to_dict(state))
    _remember(user_id, text, state)
    return text


def _remember(user_id: int, text: str, state: RunnerState) -> None:
    with _lock:
        _known[user_id] = (text, state)
        _known.move_to_end(user_id)
        while len(_known) > REMEMBERED_RUNNERS:
            _known.popitem(last=False)
