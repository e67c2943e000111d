"""On SQLite a change waits for its turn to write: one writer at a time per worker (and,
for a database file, between workers), re-entrant, and never inside a transaction that
already holds SQLite's write lock."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from footcore.web.runner import writer_turn as turn


def taken_elsewhere() -> bool:
    """Whether another thread finds the worker's turn taken."""
    found: list[bool] = []

    def probe() -> None:
        free = turn._in_worker.acquire(blocking=False)
        if free:
            turn._in_worker.release()
        found.append(not free)

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return found[0]


pytestmark = pytest.mark.django_db(transaction=True)


def test_on_postgresql_no_turn_is_taken_the_row_lock_queues_writers() -> None:
    if connection.vendor == "sqlite":
        return  # the next test covers SQLite
    with turn.writer_turn():
        assert not taken_elsewhere()


def test_a_writer_holds_the_turn_until_it_is_done() -> None:
    if connection.vendor != "sqlite":
        return  # the test above covers PostgreSQL
    with turn.writer_turn():
        assert taken_elsewhere()
        with turn.writer_turn():  # a change inside a change does not wait for itself
            assert taken_elsewhere()
        assert taken_elsewhere()
    assert not taken_elsewhere()


def test_inside_a_transaction_the_turn_is_not_taken() -> None:
    with transaction.atomic(), turn.writer_turn():
        assert not taken_elsewhere()
