"""Shared settings of the importer fuzz: how many inputs, and the time budget per input."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TypeVar

from hypothesis import HealthCheck, settings

T = TypeVar("T")

EXAMPLES = int(os.environ.get("FOOTCORE_FUZZ_EXAMPLES", "200"))
"""Inputs per fuzz test; CI uses the default, a long run sets FOOTCORE_FUZZ_EXAMPLES."""
SECONDS_PER_INPUT = 2.0
"""The issue's budget: no input may cost more than this many CPU seconds. CPU time of
this thread, not wall time: on a shared, busy machine wall time measures the neighbours."""

fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,  # timed below, against the budget, with the parser's own budget inside
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("FOOTCORE_FUZZ_RANDOM") is None,
)


def within_budget(call: Callable[[], T]) -> T:
    """Run `call`, failing when it costs more than `SECONDS_PER_INPUT` of CPU."""
    begun = time.thread_time()
    try:
        return call()
    finally:
        spent = time.thread_time() - begun
        assert spent < SECONDS_PER_INPUT, f"one input took {spent:.2f} s"
