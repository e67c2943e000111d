"""One runner-state writer at a time on SQLite, taken in turn rather than by polling.

SQLite lets one transaction write at a time; a writer that finds the database locked
sleeps and tries again (1, 2, 5 ... 100 ms), so under load one request can lose to
others for a second or more. Its log then lands far behind the latest one and the
runner's state is refolded from the start of the history: measured at about 200 ms
of CPU per such log with 2,000 logs stored (bench/log_throughput.py, 4 clients). Here
each change first waits for its turn on a lock that wakes a waiter as soon as it is
free: a thread lock within the worker, and an advisory file lock next to the database
between the workers. PostgreSQL queues writers on the state row's lock already.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

_in_worker = threading.RLock()
_held = threading.local()
_files: dict[tuple[int, str], int] = {}
"""(process id, lock file) -> open descriptor; a forked worker opens its own."""


@contextmanager
def writer_turn() -> Iterator[None]:
    """Hold the turn for the block (re-entrant; a no-op off SQLite, and inside a
    transaction: SQLite's IMMEDIATE transaction holds the write lock already, and
    waiting for the turn then could wait on a writer that waits for this one)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with _in_worker:
        depth = getattr(_held, "depth", 0)
        _held.depth = depth + 1
        try:
            if depth:
                yield
                return
            descriptor = _lock_file()
            if descriptor is None:
                yield
                return
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(descriptor, fcntl.LOCK_UN)
        finally:
            _held.depth = depth


def _lock_file() -> int | None:
    """The lock file's descriptor, or None for a database with no file (in memory)."""
    name = str(connection.settings_dict["NAME"])
    path = f"{name}.writer-lock"
    key = (os.getpid(), path)
    found = _files.get(key)
    if found is not None:
        return found
    if name.startswith("file:") or name == ":memory:" or not Path(name).parent.is_dir():
        return None
    _files[key] = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return _files[key]
